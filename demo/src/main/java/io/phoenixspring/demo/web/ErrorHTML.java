package io.phoenixspring.demo.web;

import io.phoenixspring.live.components.CoreComponents;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;

/**
 * The HTML error pages, as phx.new's {@code ErrorHTML}: {@code error_html/404.html.heex}, rendered by
 * {@link NoteFallback} inside the controller's layouts.
 */
@EmbedTemplates("error_html")
@TemplateImports(CoreComponents.class)
public final class ErrorHTML {

    private ErrorHTML() {
    }
}
