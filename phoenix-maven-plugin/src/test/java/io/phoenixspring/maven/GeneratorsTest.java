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

    private void layouts(String path) throws IOException {
        Path layouts = project.resolve("src/main/java/com/example/app/" + path);
        Files.createDirectories(layouts.getParent());
        Files.writeString(layouts, "// the project's layouts");
    }

    @Test
    void genHtmlWritesPhoenix17sControllerViewAndHeexTemplatesAndPrintsPostRoutes() throws Exception {
        layouts("Layouts.java");
        resource(mojo(new GenHtmlMojo()), "name:string,bio:text,age:integer,score:float,admin:boolean").execute();
        String controller = read("src/main/java/com/example/app/UserController.java");
        assertThat(controller).contains("@PhoenixController(html = UserHTML.class, layout = Layouts.class)")
                .contains("@Action(\"new\")").contains("Form.of(attrs, \"user\").withErrors(e.errors())")
                .contains("new StatusException(404, \"no user \" + id)").doesNotContain("import com.example.app.Layouts;");
        assertThat(read("src/main/java/com/example/app/UserHTML.java")).contains("@EmbedTemplates(\"user_html\")")
                .contains("@TemplateImports(CoreComponents.class)").contains("public final class UserHTML");
        String templates = "src/main/resources/com/example/app/user_html/";
        assertThat(read(templates + "index.html.heex")).contains("<.header>\n  Listing Users\n")
                .contains("<.link href={~p\"/users/new\"} id=\"new-user\">").contains("<.table id=\"users\" rows={@users}>")
                .contains("<:col :let={user} label=\"Name\">{user.name}</:col>")
                .contains("<.link navigate={~p\"/users/#{user}/edit\"}>Edit</.link>")
                .contains("<.form for={%{}} action={~p\"/users/#{user}/delete\"} id={\"delete-user-#{user.id}\"}>");
        assertThat(read(templates + "show.html.heex")).contains("User {@user.id}").contains("<:item title=\"Bio\">{@user.bio}</:item>")
                .contains("<.back navigate={~p\"/users\"}>Back to users</.back>");
        assertThat(read(templates + "new.html.heex")).contains("<.user_form form={@form} invalid={@invalid} action={~p\"/users\"} />");
        assertThat(read(templates + "edit.html.heex")).contains("<.user_form form={@form} invalid={@invalid} action={~p\"/users/#{@user}\"} />");
        assertThat(read(templates + "user_form.html.heex")).contains("<.simple_form :let={f} for={@form} action={@action} id=\"user-form\">")
                .contains("<.error :if={@invalid}>").contains("<.input field={f[:name]} type=\"text\" label=\"Name\" />")
                .contains("<.input field={f[:bio]} type=\"textarea\" label=\"Bio\" />")
                .contains("<.input field={f[:age]} type=\"number\" label=\"Age\" />")
                .contains("<.input field={f[:score]} type=\"number\" label=\"Score\" step=\"any\" />")
                .contains("<.input field={f[:admin]} type=\"checkbox\" label=\"Admin\" />");
        assertThat(read("src/test/java/com/example/app/UserControllerTest.java")).contains(".html(200)")
                .contains("page.hasElement(\"dd\", \"some name\")");
        for (String file : new String[] {"index", "show", "new", "edit", "user_form"}) {
            assertThat(read(templates + file + ".html.heex")).doesNotContain("{{").doesNotContain("th:");
        }
        assertThat(printed()).contains("* creating " + templates + "user_form.html.heex\n")
                .contains(".post(\"/users/:id/delete\", UserController.class, \"delete\"))")
                .doesNotContain("thymeleaf").doesNotContain("No Layouts class");
        assertThat(project.resolve("src/main/resources/templates")).doesNotExist();
    }

    @Test
    void genHtmlImportsLayoutsFromASubpackageOrSaysThereIsNone() throws Exception {
        resource(mojo(new GenHtmlMojo()), "name:string").execute();
        assertThat(read("src/main/java/com/example/app/UserController.java")).contains("@PhoenixController(html = UserHTML.class)\n");
        assertThat(printed()).contains("No Layouts class in the base package");

        layouts("web/Layouts.java");
        GenHtmlMojo again = resource(mojo(new GenHtmlMojo()), "name:string");
        again.force = true;
        again.execute();
        assertThat(read("src/main/java/com/example/app/UserController.java")).contains("import com.example.app.web.Layouts;\n")
                .contains("@PhoenixController(html = UserHTML.class, layout = Layouts.class)");
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
