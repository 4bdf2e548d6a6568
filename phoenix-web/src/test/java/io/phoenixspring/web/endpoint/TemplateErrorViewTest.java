package io.phoenixspring.web.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.support.CapturedLogs;
import io.phoenixspring.web.template.ViewRenderer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** ErrorHTML: a template per status, the status text without one, the debug page with debug errors on. */
class TemplateErrorViewTest {

    static final class ErrorHTML {
    }

    private static final ViewRenderer ENGINE = new ViewRenderer() {
        @Override
        public boolean renders(Class<?> view) {
            return view == ErrorHTML.class;
        }

        @Override
        public boolean exists(Class<?> view, String template) {
            return template.equals("404") || template.equals("503");
        }

        @Override
        public String render(Class<?> view, String template, Map<String, Object> assigns) {
            if (template.equals("503")) {
                throw new IllegalStateException("the 503 template reads @missing");
            }
            TreeMap<String, Object> shown = new TreeMap<>(assigns);
            // The conn itself (@conn, for the engine's URLs), then the rest by value.
            return "<h1>" + template + "</h1>" + (shown.remove("conn") instanceof Conn ? "conn " : "") + shown;
        }
    };

    private final TemplateErrorView view = new TemplateErrorView(ErrorHTML.class);

    private static Conn conn(WebEndpoint endpoint) {
        return Conn.of("GET", "/nowhere", new HttpHeaders(), endpoint).assign("current_user", "ada");
    }

    @Test
    void aStatusWithATemplateRendersItWithTheConnsAssignsStatusAndReason() {
        String page = view.html(404, conn(WebEndpoint.defaults().withViews(ENGINE)), null);
        assertThat(page).startsWith("<h1>404</h1>conn {csrf_token=").endsWith(
                ", current_user=ada, flash={}, reason=Not Found, request_path=/nowhere, status=404}");
    }

    @Test
    void layoutsWrapTheErrorPageWhenAsked() {
        ViewRenderer layouts = new ViewRenderer() {
            @Override
            public boolean renders(Class<?> view) {
                return true;
            }

            @Override
            public boolean exists(Class<?> view, String template) {
                return true;
            }

            @Override
            public String render(Class<?> view, String template, Map<String, Object> assigns) {
                Object inner = assigns.get(io.phoenixspring.web.template.Layout.INNER_CONTENT);
                return template + (inner == null ? "(status " + assigns.get("status") + ")" : "[" + inner + "]");
            }
        };
        TemplateErrorView wrapped = view.withLayouts(io.phoenixspring.web.template.Layout.of(ErrorHTML.class, "app"),
                io.phoenixspring.web.template.Layout.of(ErrorHTML.class, "root"));
        assertThat(wrapped.html(404, conn(WebEndpoint.defaults().withViews(layouts)), null))
                .isEqualTo("root[app[404(status 404)]]");
    }

    @Test
    void aStatusWithoutATemplateIsItsStatusText() {
        assertThat(view.html(500, conn(WebEndpoint.defaults().withViews(ENGINE)), new IllegalStateException("boom")))
                .isEqualTo("Internal Server Error");
        assertThat(view.html(406, conn(WebEndpoint.defaults()), null)).isEqualTo("Not Acceptable");
        assertThat(view.json(404, conn(WebEndpoint.defaults()), null)).isEqualTo(Map.of("errors", Map.of("detail", "Not Found")));
    }

    @Test
    void aTemplateThatFailsGivesTheStatusTextAndOneLogLine() {
        try (CapturedLogs logs = new CapturedLogs()) {
            String page = view.html(503, conn(WebEndpoint.defaults().withViews(ENGINE)),
                    new StatusException(503, "PubSub unavailable"));
            assertThat(page).isEqualTo("Service Unavailable");
            assertThat(logs.events()).filteredOn(e -> e.getLoggerName().equals(TemplateErrorView.class.getName()))
                    .singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("ErrorHTML could not render 503").contains("the 503 template reads @missing"));
            assertThat(logs.withStackTraces()).isEmpty();
        }
    }

    @Test
    void debugErrorsShowTheDebugPageForAnException() {
        String page = view.html(500, conn(WebEndpoint.defaults().withViews(ENGINE).withDebugErrors(true)),
                new IllegalStateException("boom"));
        assertThat(page).contains("java.lang.IllegalStateException: boom").contains("<pre>");
    }
}
