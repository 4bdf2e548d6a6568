package io.phoenixspring.demo.live;

import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.web.template.Layout;
import org.springframework.stereotype.Component;

/**
 * The layouts of every page, live or not, as a phx.new 1.7 application's {@code Layouts} module
 * ({@code embed_templates "layouts/*"}): {@code layouts/root.html.heex} (the HTML document, CSRF meta tag, live
 * title with the suffix {@code " · Live"}, the official clients and {@code live.js}) and {@code layouts/app.html.heex}
 * (the flash group, then the page). LiveViews get them here ({@link LiveRoutesCustomizer}, so that
 * {@code @PhoenixTest} slices render with them too); controllers through {@code @PhoenixController(layout =
 * Layouts.class)} and the browser pipeline's {@code putRootLayout}.
 */
@Component
@EmbedTemplates("layouts")
@TemplateImports(CoreComponents.class)
public class Layouts implements LiveRoutesCustomizer {

    /** The HTML document around every page. */
    public static final Layout ROOT = Layout.of(Layouts.class, "root");
    /** The app layout: the flash group, then the page. */
    public static final Layout APP = Layout.of(Layouts.class, "app");

    @Override
    public void customize(LiveRoutes.Builder live) {
        live.rootLayout(ROOT).layout(APP);
    }
}
