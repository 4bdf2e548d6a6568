package io.phoenixspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each phx.gen.* goal on a bare project folder: the files, the package, the refusals, the instructions. */
class GeneratorsTest {

    @TempDir
    Path project;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void application() throws IOException {
        Path app = project.resolve("src/main/java/com/example/app/App.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, """
                package com.example.app;

                @SpringBootApplication
                public class App {
                }
                """);
    }

    private <T extends AbstractGenMojo> T mojo(T mojo) {
        mojo.basedir = project.toFile();
        mojo.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return mojo;
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(project.resolve(path));
    }

    private GenSocketMojo socket(String name) {
        GenSocketMojo mojo = mojo(new GenSocketMojo());
        mojo.name = name;
        mojo.path = "/socket";
        return mojo;
    }

    @Test
    void genSocketWritesTheSocketAndItsTestInTheApplicationsPackage() throws Exception {
        socket("user").execute();
        String socket = read("src/main/java/com/example/app/UserSocket.java");
        assertThat(socket).startsWith("package com.example.app;").contains("@PhoenixSocket(path = \"/socket\", longpoll = true)")
                .contains("public class UserSocket implements SocketHandler").contains("SALT = \"user socket\"")
                .contains("// routes.channel(\"room:*\", RoomChannel.class);").doesNotContain("{{");
        assertThat(read("src/test/java/com/example/app/UserSocketTest.java")).contains("@PhoenixTest").contains("class UserSocketTest");
        assertThat(printed()).contains("* creating src/main/java/com/example/app/UserSocket.java\n")
                .contains("* creating src/test/java/com/example/app/UserSocketTest.java\n")
                .contains("routes.channel(\"room:*\", RoomChannel.class);");
    }

    @Test
    void anExistingFileIsNeitherOverwrittenNorAreTheOthersWrittenUnlessForced() throws Exception {
        Path test = project.resolve("src/test/java/com/example/app/UserSocketTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "mine");
        assertThatThrownBy(() -> socket("User").execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("src/test/java/com/example/app/UserSocketTest.java already exists (use -Dforce=true to overwrite it)"
                        .replace('/', java.io.File.separatorChar));
        assertThat(project.resolve("src/main/java/com/example/app/UserSocket.java")).doesNotExist();
        assertThat(test).hasContent("mine");

        GenSocketMojo forced = socket("User");
        forced.force = true;
        forced.execute();
        assertThat(Files.readString(test)).contains("class UserSocketTest");
    }

    @Test
    void thePackageOptionWinsAndBadNamesAreRefused() throws Exception {
        GenSocketMojo mojo = socket("Guest");
        mojo.basePackage = "org.acme.web";
        mojo.execute();
        assertThat(read("src/main/java/org/acme/web/GuestSocket.java")).startsWith("package org.acme.web;");
        assertThatThrownBy(() -> socket("not a name").execute()).hasMessageContaining("-Dname should be a name such as Room");
    }

    @Test
    void withoutASpringBootApplicationThePackageMustBeGiven() throws Exception {
        Files.delete(project.resolve("src/main/java/com/example/app/App.java"));
        assertThatThrownBy(() -> socket("User").execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("set the base package with -Dpackage=");
    }

    @Test
    void genChannelWritesPingAndShoutAndPrintsTheRoute() throws Exception {
        GenChannelMojo mojo = mojo(new GenChannelMojo());
        mojo.name = "RoomLobby";
        mojo.socket = "UserSocket";
        mojo.execute();
        assertThat(read("src/main/java/com/example/app/RoomLobbyChannel.java")).contains("@PhoenixChannel")
                .contains("@HandleIn(\"ping\")").contains("@HandleIn(\"shout\")").contains("{@code room_lobby:*}");
        assertThat(read("src/test/java/com/example/app/RoomLobbyChannelTest.java"))
                .contains("channels.socket(UserSocket.class").contains("subscribeAndJoin(RoomLobbyChannel.class, \"room_lobby:lobby\")");
        assertThat(printed()).contains("routes.channel(\"room_lobby:*\", RoomLobbyChannel.class);");
    }

    @Test
    void genPresenceWritesATrackingChannelAndSaysNoModuleIsNeeded() throws Exception {
        GenPresenceMojo mojo = mojo(new GenPresenceMojo());
        mojo.name = "Presence";
        mojo.socket = "UserSocket";
        mojo.execute();
        assertThat(read("src/main/java/com/example/app/PresenceChannel.java")).contains("presence.track(socket")
                .contains("socket.push(\"presence_state\", presence.list(socket))");
        assertThat(read("src/test/java/com/example/app/PresenceChannelTest.java")).contains("assertPresent(\"bob\")");
        assertThat(printed()).contains("Presence needs no module of its own").contains("routes.channel(\"presence:*\", PresenceChannel.class);");
    }

    private <T extends AbstractResourceMojo> T resource(T mojo, String fields) {
        mojo.context = "Accounts";
        mojo.schema = "User";
        mojo.plural = "users";
        mojo.fields = fields;
        return mojo;
    }

    @Test
    void genJsonWritesContextSchemaControllerViewAndTest() throws Exception {
        resource(mojo(new GenJsonMojo()), "name:string,age:integer,score:float,admin:boolean").execute();
        assertThat(read("src/main/java/com/example/app/accounts/User.java"))
                .contains("public record User(long id, String name, long age, double score, boolean admin)")
                .contains("Object age = cast(attrs, \"age\", v -> Long.parseLong(String.valueOf(v).strip()), errors);")
                .contains("return new User(id, (String) name, (Long) age, (Double) score, (Boolean) admin);");
        assertThat(read("src/main/java/com/example/app/accounts/Accounts.java")).contains("public synchronized User createUser(");
        assertThat(read("src/main/java/com/example/app/UserController.java")).contains("@PhoenixController(json = UserJSON.class)")
                .contains("@Import(Accounts.class)");
        assertThat(read("src/main/java/com/example/app/UserJSON.java")).contains("static Map<String, Object> index(");
        assertThat(read("src/test/java/com/example/app/UserControllerTest.java"))
                .contains("Map.of(\"user\", Map.of(\"name\", \"some name\", \"age\", 42, \"score\", 120.5, \"admin\", true))");
        assertThat(printed()).contains("* creating src/main/java/com/example/app/accounts/Accounts.java")
                .contains(".resources(\"/users\", UserController.class, r -> r.except(\"new\", \"edit\"))");
    }

    @Test
    void anExistingContextIsReused() throws Exception {
        resource(mojo(new GenJsonMojo()), "name:string").execute();
        Files.writeString(project.resolve("src/main/java/com/example/app/accounts/Accounts.java"), "// mine");
        resource(mojo(new GenLiveMojo()), "name:string").execute();
        assertThat(read("src/main/java/com/example/app/accounts/Accounts.java")).isEqualTo("// mine");
        assertThat(read("src/main/java/com/example/app/UserLive.java")).contains("@PhoenixLiveView");
    }

    @Test
    void badFieldsAreRefused() throws Exception {
        assertThatThrownBy(() -> resource(mojo(new GenJsonMojo()), "name:uuid").execute())
                .hasMessageContaining("expected name:type with type string, text, integer, float or boolean, got \"name:uuid\"");
    }

    @Test
    void genHtmlWritesThymeleafTemplatesAndPrintsPostRoutes() throws Exception {
        resource(mojo(new GenHtmlMojo()), "name:string,age:integer").execute();
        assertThat(read("src/main/java/com/example/app/UserController.java")).contains("@Action(\"new\")");
        assertThat(read("src/main/resources/templates/user/index.html")).contains("th:each=\"row : ${ users }\"")
                .contains("<td th:text=\"${row.age}\"></td>");
        assertThat(read("src/main/resources/templates/user/new.html")).contains("th:action=\"|/users|\"")
                .contains("name=\"user[name]\"");
        assertThat(read("src/main/resources/templates/user/edit.html")).contains("th:action=\"|/users/${user.id}|\"");
        assertThat(read("src/main/resources/templates/user/show.html")).contains("<dd th:text=\"${user.name}\"></dd>");
        assertThat(printed()).contains(".post(\"/users/:id/delete\", UserController.class, \"delete\"))")
                .contains("<artifactId>thymeleaf</artifactId>");
    }

    @Test
    void genLiveWritesViewsTemplatesAndTestAndPrintsLiveRoutes() throws Exception {
        resource(mojo(new GenLiveMojo()), "name:string,age:integer").execute();
        assertThat(read("src/main/java/com/example/app/UserLive.java")).contains("public class UserLive implements LiveView");
        assertThat(read("src/main/resources/com/example/app/UserLive.html.heex")).contains(":for={row <- @users}")
                .contains("<td>{row.age}</td>").contains("<input type=\"number\" id=\"age\" name=\"age\">");
        assertThat(read("src/main/resources/com/example/app/UserShowLive.html.heex")).contains("{@user.name}");
        assertThat(read("src/test/java/com/example/app/UserLiveTest.java")).contains("lv.live(\"/users\")");
        assertThat(printed()).contains(".get(\"/users\", live.route(UserLive.class))")
                .contains(".get(\"/users/:id\", live.route(UserShowLive.class)))");
    }
}
