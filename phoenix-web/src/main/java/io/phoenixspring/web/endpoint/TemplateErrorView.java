package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.template.ViewRenderer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.util.HtmlUtils;

/**
 * Phoenix 1.7's {@code ErrorHTML}: error pages rendered by the templates of a view class, {@code 404} for a 404
 * ({@code error_html/404.html.heex} of a class with {@code @EmbedTemplates("error_html")}), and the status text
 * ("Not Found") for a status it has no template for, as phx.new's
 * {@code render(template, _assigns) -> status_message_from_template(template)}. JSON errors are
 * {@link DefaultErrorView}'s; with {@code debug-errors} on, an exception shows the debug page instead.
 * Set {@code phoenix.endpoint.render-errors.html} to the view's class, or make this a bean.
 *
 * <pre>{@code
 * @EmbedTemplates("error_html")          // error_html/404.html.heex, error_html/500.html.heex
 * @TemplateImports(CoreComponents.class)
 * public final class ErrorHTML { }
 *
 * @Bean ErrorView errors() { return new TemplateErrorView(ErrorHTML.class); }
 * }</pre>
 *
 * <p>Templates get the conn's assigns plus {@code status} (404), {@code reason} (what the client may be told:
 * a {@code StatusException}'s detail, else the status text) and {@code request_path}.
 */
public class TemplateErrorView extends DefaultErrorView {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TemplateErrorView.class);

    private final Class<?> view;

    /** @param view the HTML error view's class */
    public TemplateErrorView(Class<?> view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /** @return the HTML error view's class */
    public Class<?> view() {
        return view;
    }

    @Override
    public String html(int status, Conn conn, Throwable error) {
        WebEndpoint endpoint = WebEndpoint.of(conn);
        if (error != null && endpoint.debugErrors()) {
            return super.html(status, conn, error);
        }
        ViewRenderer views = endpoint.views();
        String template = Integer.toString(status);
        if (!views.renders(view) || !views.exists(view, template)) {
            return HtmlUtils.htmlEscape(statusPhrase(status));
        }
        Map<String, Object> assigns = new LinkedHashMap<>(conn.assigns());
        assigns.put("status", status);
        assigns.put("reason", detail(status, error));
        assigns.put("request_path", conn.requestPath());
        try {
            return views.render(view, template, assigns);
        } catch (RuntimeException e) {
            // A broken error page must not hide the error it reports: the status text, and what broke, once.
            LOG.error("{} could not render {} ({}), sent the status text instead: {}", view.getSimpleName(), template,
                    statusPhrase(status), e.toString());
            return HtmlUtils.htmlEscape(statusPhrase(status));
        }
    }
}
