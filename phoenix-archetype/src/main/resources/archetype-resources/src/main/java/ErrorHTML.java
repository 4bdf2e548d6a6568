package ${package};

import io.phoenixspring.live.components.CoreComponents;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;

/**
 * The HTML error pages, as phx.new's {@code ErrorHTML} ({@code phoenix.endpoint.render-errors.html} in
 * {@code application.yml}): {@code error_html/404.html.heex} and {@code error_html/500.html.heex}, rendered without
 * the layouts (phx.new's {@code layout: false}); any other status renders its text ("Forbidden"). They get
 * {@code @status}, {@code @reason} and {@code @request_path}.
 */
@EmbedTemplates("error_html")
@TemplateImports(CoreComponents.class)
public final class ErrorHTML {

    private ErrorHTML() {
    }
}
