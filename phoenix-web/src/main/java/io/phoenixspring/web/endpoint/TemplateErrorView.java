package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.session.CsrfToken;
import io.phoenixspring.web.template.Layout;
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
 * a {@code StatusException}'s detail, else the status text), {@code request_path}, {@code flash},
 * {@code csrf_token} and {@code conn}; {@link #withLayouts} renders them inside layouts.
 */
public class TemplateErrorView extends DefaultErrorView {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TemplateErrorView.class);

    private final Class<?> view;
    private final Layout layout;
    private final Layout rootLayout;

    /** @param view the HTML error view's class */
    public TemplateErrorView(Class<?> view) {
        this(view, null, null);
    }

    private TemplateErrorView(Class<?> view, Layout layout, Layout rootLayout) {
        this.view = Objects.requireNonNull(view, "view");
        this.layout = layout;
        this.rootLayout = rootLayout;
    }

    /**
     * @return this view rendering its pages inside {@code layout} and then {@code rootLayout} (either may be null),
     *     Phoenix's {@code render_errors: [layout: ..., root_layout: ...]}; none by default, as Phoenix's
     */
    public TemplateErrorView withLayouts(Layout layout, Layout rootLayout) {
        return new TemplateErrorView(view, layout, rootLayout);
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
        assigns.putIfAbsent("flash", Map.of());
        assigns.putIfAbsent("conn", conn);
        // A layout's meta tag or form wants a token even where no pipeline fetched the session (no route matched):
        // the session's when there is one, else a fresh one, as Phoenix's get_csrf_token/0 makes one when needed.
        Object sessionToken = conn.sessionFetched() ? conn.getSession(CsrfToken.SESSION_KEY) : null;
        assigns.put("csrf_token", CsrfToken.mask(sessionToken instanceof String token ? token : CsrfToken.generate()));
        try {
            return views.renderWithLayouts(view, template, assigns, layout, rootLayout);
        } catch (RuntimeException e) {
            // A broken error page must not hide the error it reports: the status text, and what broke, once.
            LOG.error("{} could not render {} ({}), sent the status text instead: {}", view.getSimpleName(), template,
                    statusPhrase(status), e.toString());
            return HtmlUtils.htmlEscape(statusPhrase(status));
        }
    }
}
