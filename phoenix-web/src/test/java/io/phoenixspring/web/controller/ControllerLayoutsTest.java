package io.phoenixspring.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.template.Layout;
import io.phoenixspring.web.template.ViewRenderer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Phoenix.Controller's views and layouts: render goes through the conn's HTML view, then its layout, then its root
 * layout, each getting the one inside as {@code inner_content}; put_layout / put_new_layout / put_root_layout and
 * {@code false} as in Phoenix 1.7.
 */
class ControllerLayoutsTest {

    static final class PageHTML {
    }

    static final class Layouts {
    }

    // An engine that shows what it rendered: view:template, the assigns' keys, and the inner content.
    private static final ViewRenderer ENGINE = new ViewRenderer() {
        @Override
        public boolean renders(Class<?> view) {
            return view == PageHTML.class || view == Layouts.class;
        }

        @Override
        public boolean exists(Class<?> view, String template) {
            return renders(view);
        }

        @Override
        public String render(Class<?> view, String template, Map<String, Object> assigns) {
            Map<String, Object> shown = new TreeMap<>(assigns);
            Object inner = shown.remove(Layout.INNER_CONTENT);
            return view.getSimpleName() + ":" + template + shown.keySet() + (inner == null ? "" : "[" + inner + "]");
        }
    };

    private static final WebEndpoint ENDPOINT = WebEndpoint.defaults().withViews(ENGINE)
            .withTemplates((template, assigns) -> "thymeleaf " + template);

    private static Conn conn() {
        return Controller.putView(Conn.of("GET", "/", new HttpHeaders(), ENDPOINT), PageHTML.class);
    }

    @Test
    void thePageRendersInsideTheLayoutInsideTheRootLayout() {
        Conn conn = Controller.putRootLayout(Controller.putLayout(conn(), Layout.of(Layouts.class, "app")),
                Layout.of(Layouts.class, "root"));
        Conn rendered = Controller.render(conn.assign("page_title", "Home"), "home", Map.of("name", "José"));

        assertThat(rendered.respBodyText()).isEqualTo("Layouts:root[conn, flash, name, page_title]"
                + "[Layouts:app[conn, flash, name, page_title][PageHTML:home[conn, flash, name, page_title]]]");
        assertThat(rendered.respHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(Controller.viewTemplate(rendered)).isEqualTo("home.html");
        assertThat(Controller.viewModule(rendered)).isEqualTo(PageHTML.class);
    }

    @Test
    void falseTurnsALayoutOffForOneAction() {
        Conn conn = Controller.putRootLayout(Controller.putLayout(conn(), Layout.of(Layouts.class, "app")),
                Layout.of(Layouts.class, "root"));
        assertThat(Controller.render(Controller.putLayout(conn, false), "home").respBodyText())
                .isEqualTo("Layouts:root[conn, flash][PageHTML:home[conn, flash]]");
        assertThat(Controller.render(Controller.putRootLayout(Controller.putLayout(conn, false), false), "home")
                .respBodyText()).isEqualTo("PageHTML:home[conn, flash]");
        assertThat(Controller.layout(Controller.putLayout(conn, false))).isNull();
        assertThatThrownBy(() -> Controller.putLayout(conn, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putNewLayoutKeepsALayoutPutBeforeAndPutLayoutByNameKeepsTheView() {
        Conn print = Controller.putLayout(conn(), Layout.of(Layouts.class, "print"));
        assertThat(Controller.layout(Controller.putNewLayout(print, Layout.of(Layouts.class, "app"))))
                .isEqualTo(Layout.of(Layouts.class, "print"));
        assertThat(Controller.layout(Controller.putNewLayout(conn(), Layout.of(Layouts.class, "app"))))
                .isEqualTo(Layout.of(Layouts.class, "app"));
        assertThat(Controller.putNewLayout(Controller.putLayout(conn(), false), Layout.of(Layouts.class, "app"))
                .privates()).containsEntry("phoenix_layout", false);
        assertThat(Controller.layout(Controller.putLayout(Controller.putLayout(conn(), Layout.of(Layouts.class, "app")), "print")))
                .isEqualTo(Layout.of(Layouts.class, "print"));
        assertThatThrownBy(() -> Controller.putLayout(conn(), "print")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a layout set before");
    }

    @Test
    void theFormatChoosesTheView() {
        Conn json = Controller.putJsonView(Controller.putFormat(conn(), "json"), (template, assigns) -> Map.of("t", template));
        assertThat(Controller.render(json, "show").respBodyText()).isEqualTo("{\"t\":\"show\"}");
        assertThat(Controller.render(Controller.putFormat(conn(), "html"), "show").respBodyText())
                .isEqualTo("PageHTML:show[conn, flash]");
        Conn noHtmlView = Conn.of("GET", "/", new HttpHeaders(), ENDPOINT);
        assertThat(Controller.render(Controller.putView(noHtmlView, "page"), "show").respBodyText())
                .isEqualTo("thymeleaf page/show");
    }

    @Test
    void aViewNoEngineRendersSaysWhichAnnotationsMakeOne() {
        Conn conn = Controller.putView(Conn.of("GET", "/", new HttpHeaders(), WebEndpoint.defaults()), PageHTML.class);
        assertThatThrownBy(() -> Controller.render(conn, "home"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no template engine renders " + PageHTML.class.getName())
                .hasMessageContaining("@EmbedTemplates").hasMessageContaining("@ThymeleafTemplates");
    }

    @Test
    void theControllersAnnotationGivesItsHtmlViewAndAppLayout() {
        @PhoenixController(html = PageHTML.class, layout = Layouts.class)
        class PageController {
            Conn home(Conn conn) {
                return Controller.render(conn, "home");
            }
        }
        ControllerAction home = ControllerAction.resolve(PageController.class, "home");
        assertThat(home.htmlView()).isEqualTo(PageHTML.class);
        assertThat(home.appLayout()).isEqualTo(Layout.of(Layouts.class, "app"));
        Conn plain = Conn.of("GET", "/", new HttpHeaders(), ENDPOINT);
        Conn done = home.invoke(type -> new PageController(), plain).block();
        assertThat(done.respBodyText()).isEqualTo("Layouts:app[conn, flash][PageHTML:home[conn, flash]]");
        assertThat(Set.of(Controller.layout(done))).containsExactly(Layout.of(Layouts.class, "app"));
        // A layout a pipeline put before the action wins over the controller's (put_new_layout).
        Conn printed = home.invoke(type -> new PageController(), Controller.putLayout(plain, Layout.of(Layouts.class, "print")))
                .block();
        assertThat(printed.respBodyText()).isEqualTo("Layouts:print[conn, flash][PageHTML:home[conn, flash]]");
    }
}
