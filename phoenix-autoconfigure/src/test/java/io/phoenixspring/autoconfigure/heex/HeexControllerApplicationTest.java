package io.phoenixspring.autoconfigure.heex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateException;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.template.Layout;
import io.phoenixspring.web.template.ThymeleafTemplates;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Boot application whose controller renders HEEx (Phoenix 1.7's PageController + PageHTML + Layouts): the page
 * inside the app and root layouts a LiveView shares, the form's CSRF token accepted on POST, the flash after the
 * redirect, a layout turned off per action, a Thymeleaf view in the same layouts, and ErrorHTML's 404 page.
 */
class HeexControllerApplicationTest {

    @EmbedTemplates("page_html")
    public static final class PageHTML {
    }

    @EmbedTemplates("layouts")
    public static final class Layouts {
    }

    @EmbedTemplates("error_html")
    public static final class ErrorHTML {
    }

    @ThymeleafTemplates("legacy")
    public static final class LegacyHTML {
    }

    @PhoenixController(html = PageHTML.class, layout = Layouts.class)
    public static class PageController {
        final List<String> notes = new CopyOnWriteArrayList<>(List.of("first"));

        Conn home(Conn conn) {
            return Controller.render(conn.assign("page_title", "Home"), "home", Map.of("name", "José", "notes", notes));
        }

        Conn bare(Conn conn) {
            return Controller.render(Controller.putLayout(conn.assign("page_title", "Bare"), false), "home",
                    Map.of("name", "bare", "notes", List.of()));
        }

        Conn create(Conn conn, Params params) {
            notes.add(params.string("note"));
            return Controller.redirect(Controller.putFlash(conn, "info", "Note added."), "/");
        }

        Conn legacy(Conn conn) {
            return Controller.render(Controller.putView(conn.assign("page_title", "Legacy"), LegacyHTML.class), "show",
                    Map.of("name", "<José>"));
        }

        Conn boom(Conn conn) {
            throw new IllegalStateException("boom");
        }
    }

    @PhoenixLiveView
    public static class HelloLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("page_title", "Live");
        }

        @Override
        public Template template() {
            return Templates.compile("<p id=\"live\">live page</p>", "HelloLive.heex", HelloLive.class);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({PageController.class, HelloLive.class})
    static class App {
        @Bean
        Router router(LiveRoutes live) {
            return Router.builder()
                    .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery())
                            .plug(conn -> Controller.putRootLayout(conn, Layout.of(Layouts.class, "root"))))
                    .scope("/", s -> s.pipeThrough("browser")
                            .get("/", PageController.class, "home")
                            .get("/bare", PageController.class, "bare")
                            .post("/notes", PageController.class, "create")
                            .get("/legacy", PageController.class, "legacy")
                            .get("/boom", PageController.class, "boom")
                            .get("/hello", live.route(HelloLive.class)))
                    .build();
        }

        @Bean
        LiveRoutesCustomizer sharedLayouts() {
            return routes -> routes.rootLayout(Layout.of(Layouts.class, "root")).layout(Layout.of(Layouts.class, "app"));
        }
    }

    private static ConfigurableApplicationContext context;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(App.class).run("--server.port=0",
                "--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789",
                "--phoenix.endpoint.render-errors.formats=html,json",
                "--phoenix.endpoint.render-errors.html=" + ErrorHTML.class.getName(),
                "--phoenix.endpoint.url.path=/notes-app");
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("accept", "text/html");
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    @Test
    void theControllerPageRendersInsideTheAppAndRootLayouts() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        String body = page.body();
        assertThat(body).startsWith("<!DOCTYPE html>").contains("<title id=\"title\">Home · Notes</title>");
        assertThat(group("(?s)<div id=\"app\">(.*)</div>\\s*</body>", body)).contains("<h1 id=\"greeting\">Hello José!</h1>")
                .contains("<li>first</li>").contains("<form action=\"/notes\" method=\"post\" id=\"note-form\">");
        // ~p in a controller's template: under the endpoint's url path (script_name), the query map encoded.
        assertThat(body).contains("<a id=\"bare-link\" href=\"/notes-app/bare?from=Jos%C3%A9\">bare</a>");
        // The meta tag and the form carry the same request token (one per request, as Plug's).
        assertThat(group("<meta name=\"csrf-token\" content=\"([^\"]+)\"", body))
                .isEqualTo(group("name=\"_csrf_token\" type=\"hidden\" hidden value=\"([^\"]+)\"", body));
    }

    @Test
    void theFormPostsWithItsTokenAndTheFlashShowsAfterTheRedirect() throws Exception {
        HttpResponse<String> page = get("/", null);
        String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String token = group("name=\"_csrf_token\" type=\"hidden\" hidden value=\"([^\"]+)\"", page.body());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/notes"))
                .header("content-type", "application/x-www-form-urlencoded").header("cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&note=" + URLEncoder.encode("buy <milk>", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(302);
        String flashCookie = created.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String after = get("/", flashCookie).body();
        assertThat(after).contains("<p id=\"flash-info\">Note added.</p>").contains("<li>buy &lt;milk&gt;</li>");
    }

    @Test
    void anActionTurnsTheAppLayoutOffAndKeepsTheRootLayout() throws Exception {
        String body = get("/bare", null).body();
        assertThat(body).contains("<title id=\"title\">Bare · Notes</title>").contains("Hello bare!")
                .doesNotContain("<div id=\"app\">");
    }

    @Test
    void aLiveViewSharesTheSameLayouts() throws Exception {
        String body = get("/hello", null).body();
        assertThat(body).contains("<title id=\"title\">Live · Notes</title>").contains("<div id=\"app\">")
                .contains("<p id=\"live\">live page</p>").contains("data-phx-main");
        assertThat(group("<meta name=\"csrf-token\" content=\"([^\"]+)\"", body)).isNotBlank();
    }

    @Test
    void aThymeleafViewRendersInTheHeexLayouts() throws Exception {
        String body = get("/legacy", null).body();
        assertThat(body).contains("<title id=\"title\">Legacy · Notes</title>")
                .contains("<section id=\"legacy\">Thymeleaf says <span id=\"who\">&lt;José&gt;</span></section>")
                .contains("<div id=\"app\">");
    }

    @Test
    void errorPagesComeFromErrorHtmlOrTheStatusText() throws Exception {
        HttpResponse<String> missing = get("/nowhere", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<h1 id=\"not-found\">Sorry, /nowhere is not here (404: Not Found)</h1>");
        HttpResponse<String> boom = get("/boom", null);
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).isEqualTo("Internal Server Error");
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/nowhere"))
                .header("accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
    }

    @EmbedTemplates("broken_html")
    public static final class BrokenHTML {
    }

    @PhoenixController(html = BrokenHTML.class)
    public static class BrokenController {
        Conn index(Conn conn) {
            return Controller.render(conn, "index");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(BrokenController.class)
    static class BrokenApp {
        @Bean
        Router router() {
            return Router.builder().scope("/", s -> s.get("/", BrokenController.class, "index")).build();
        }
    }

    @Test
    void aBrokenControllerTemplateFailsStartUpWithFileLineAndColumn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(BrokenApp.class).run("--server.port=0",
                "--phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789").close())
                .satisfies(failure -> {
                    // What InvalidTemplateFailureAnalyzer reports: the template's file, line and column.
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof TemplateException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(TemplateException.class);
                    TemplateException template = (TemplateException) cause;
                    assertThat(template.file()).isEqualTo("io/phoenixspring/autoconfigure/heex/broken_html/index.html.heex");
                    assertThat(template.line()).isEqualTo(2);
                    assertThat(template.description()).contains("nope");
                });
    }
}
