package io.phoenixspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generators' promise, kept for real: every phx.gen.* goal runs in a copy of phoenix-test-it (a
 * user's application on spring-boot-starter-parent with our BOM), the routes each goal prints are
 * pasted into its router as a user would, and the copy is built with Maven, offline, all its tests
 * (the generated ones and its own) passing. Then phoenix:routes prints the compiled copy's routes.
 * Needs our snapshot artifacts in the local repository ({@code mvn install} first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedAppBuildsTest {

    static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "phoenixspring");
    static final Path SOURCE = Path.of("..", "phoenix-test-it").toAbsolutePath().normalize();

    Path temp;
    Path app;
    final List<String> routes = new ArrayList<>();
    String build;

    @BeforeAll
    void copyTheApplication(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path temp) throws IOException {
        this.temp = temp;
        for (String artifact : List.of("phoenix-spring-boot-starter", "phoenix-test", "phoenix-live-dashboard", "phoenix-spring-boot-dependencies")) {
            assumeTrue(Files.isDirectory(LOCAL_REPOSITORY.resolve(artifact).resolve("0.1.0-SNAPSHOT")),
                    "io.phoenixspring:" + artifact + ":0.1.0-SNAPSHOT is not in ~/.m2: run mvn install first");
        }
        assumeTrue(Files.isRegularFile(SOURCE.resolve("pom.xml")), "phoenix-test-it is not beside this module");
        app = temp.resolve("app");
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = SOURCE.relativize(file);
                if (relative.startsWith("target") || relative.toString().contains("node_modules")) {
                    continue;
                }
                Files.createDirectories(app.resolve(relative).getParent());
                Files.copy(file, app.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private String run(AbstractGenMojo mojo) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        mojo.basedir = app.toFile();
        mojo.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        mojo.execute();
        String text = printed.toString(StandardCharsets.UTF_8);
        // The printed router lines, as a user would paste them: from ".scope(" to the end of that block.
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(".scope(")) {
                StringBuilder block = new StringBuilder();
                for (int j = i; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    block.append(lines.get(j).strip()).append('\n');
                }
                routes.add(block.toString());
            }
        }
        return text;
    }

    private static void set(Object mojo, String field, String value) throws ReflectiveOperationException {
        java.lang.reflect.Field f = mojo.getClass().getDeclaredField(field);
        f.set(mojo, value);
    }

    private <T extends AbstractGenMojo> T resource(T mojo, String context, String schema, String plural, String fields) throws Exception {
        set(mojo, "context", context);
        set(mojo, "schema", schema);
        set(mojo, "plural", plural);
        set(mojo, "fields", fields);
        return mojo;
    }

    private static int maven(Path dir, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "-Dnpm.skip=true"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + args[0] + " did not finish in 15 minutes");
        }
        return process.exitValue();
    }

    /**
     * The installed BOM may be older than phoenix-test-it (an artifact added since the last install):
     * then the test is skipped, or, with {@code -Dphoenix.it.pin-stale-bom=true}, the copy names that
     * artifact's version itself (the generated code is what is tested here, not the BOM).
     */
    private void staleBom(Path pom) throws IOException {
        String bom = Files.readString(LOCAL_REPOSITORY.resolve(
                "phoenix-spring-boot-dependencies/0.1.0-SNAPSHOT/phoenix-spring-boot-dependencies-0.1.0-SNAPSHOT.pom"));
        String text = Files.readString(pom);
        java.util.regex.Matcher used = java.util.regex.Pattern.compile(
                "<groupId>io.phoenixspring</groupId>\\s*<artifactId>([\\w-]+)</artifactId>\\s*</dependency>").matcher(text);
        while (used.find()) {
            String artifact = used.group(1);
            if (!bom.contains("<artifactId>" + artifact + "</artifactId>")) {
                assumeTrue(Boolean.getBoolean("phoenix.it.pin-stale-bom"), "the BOM in ~/.m2 does not manage io.phoenixspring:" + artifact
                        + " (installed before it was added): run mvn install first");
                text = text.replace(used.group(), used.group().replace("</artifactId>", "</artifactId><version>${phoenix.version}</version>"));
            }
        }
        Files.writeString(pom, text);
    }

    @Test
    @Order(1)
    void everyGeneratorsCodeCompilesAndPassesItsTestsInAUsersApplication() throws Exception {
        GenSocketMojo socket = new GenSocketMojo();
        socket.name = "Guest";
        socket.path = "/guest_socket";
        run(socket);
        GenChannelMojo channel = new GenChannelMojo();
        channel.name = "Lobby";
        channel.socket = "UserSocket";
        run(channel);
        GenPresenceMojo presence = new GenPresenceMojo();
        presence.name = "Online";
        presence.socket = "UserSocket";
        run(presence);
        run(resource(new GenJsonMojo(), "Accounts", "User", "users", "name:string,age:integer,score:float,admin:boolean"));
        run(resource(new GenHtmlMojo(), "Blog", "Post", "posts", "title:string,views:integer,draft:boolean"));
        run(resource(new GenLiveMojo(), "Catalog", "Product", "products", "name:string,price:float"));
        assertThat(routes).hasSize(3);

        // What the printed instructions ask of the user: the routes in the router (with LiveRoutes and a
        // browser pipeline that fetches the flash), and Thymeleaf for gen.html's templates.
        Path main = app.resolve("src/main/java/com/example/chat/ChatApplication.java");
        String router = Files.readString(main)
                .replace("Router router(LiveDashboard dashboard)", "Router router(LiveDashboard dashboard, io.phoenixspring.live.router.LiveRoutes live)")
                .replace("                .build();", """
                        .pipeline("generated", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession())
                                .plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders()))
                        %s
                        .build();""".formatted(String.join("", routes).replace("pipeThrough(\"browser\")", "pipeThrough(\"generated\")")));
        Files.writeString(main, router);
        Path pom = app.resolve("pom.xml");
        String starterTest = "    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-test</artifactId>";
        String appPom = Files.readString(pom);
        assertThat(appPom).contains(starterTest);
        Files.writeString(pom, appPom.replace(starterTest, "    <dependency>\n      <groupId>org.thymeleaf</groupId>\n"
                + "      <artifactId>thymeleaf</artifactId>\n    </dependency>\n" + starterTest));

        staleBom(pom);
        Path log = temp.resolve("build.log");
        // Its own tests that drive the official JS client need `npm ci` (network): not run offline here.
        int exit = maven(app, log, "test", "-Dtest=!OfficialClientTest,!MemberSocketSecurityTest", "-Dsurefire.failIfNoSpecifiedTests=false");
        String output = Files.readString(log);
        Path reports = app.resolve("target/surefire-reports");
        assertThat(exit).as("mvn test in the generated application:\n%s", output).isZero();
        for (String test : List.of("GuestSocketTest", "LobbyChannelTest", "OnlineChannelTest", "UserControllerTest",
                "PostControllerTest", "ProductLiveTest", "RoomChannelTest")) {
            assertThat(Files.readString(reports.resolve("TEST-com.example.chat." + test + ".xml")))
                    .as(test).contains("failures=\"0\"").contains("errors=\"0\"").doesNotContain("tests=\"0\"");
        }
        build = "ok";
    }

    @Test
    @Order(2)
    void routesPrintsTheCompiledApplicationsRouteTable() throws Exception {
        assumeTrue("ok".equals(build), "the generated application did not build");
        Path classpath = temp.resolve("classpath.txt");
        assertThat(maven(app, temp.resolve("cp.log"), "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + classpath)).as(Files.readString(temp.resolve("cp.log"))).isZero();
        RoutesMojo mojo = new RoutesMojo();
        mojo.classesDirectory = app.resolve("target/classes").toFile();
        mojo.classpathElements = new ArrayList<>();
        mojo.classpathElements.add(mojo.classesDirectory.toString());
        mojo.classpathElements.addAll(Arrays.asList(Files.readString(classpath).strip().split(java.io.File.pathSeparator)));
        mojo.timeout = "120s";
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        mojo.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        mojo.execute();
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(table).contains("/api/token").contains("/api/users/:id").contains("/posts/:id/delete")
                .contains("/products/:id").contains("/admin/dashboard").doesNotContain("Started").doesNotContain("-----");
        assertThat(table).containsPattern("GET\\s+/api/users\\s").startsWith("  GET");
    }
}
