package io.phoenixspring.demo.live;

import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.template.Templates;
import org.springframework.stereotype.Component;

/**
 * The live pages' layouts, as a Phoenix app's {@code Layouts} module: the root layout
 * ({@code RootLayout.html.heex}: the HTML document, CSRF meta tag, live title with the suffix
 * {@code " · Live"}, the official clients and {@code live.js}) and the app layout
 * ({@code AppLayout.html.heex}: the flash group, then the page), which is part of every LiveView so
 * the flash follows live navigation. A {@link LiveRoutesCustomizer} bean, so that {@code @PhoenixTest}
 * slices render with them too.
 */
@Component
public class Layouts implements LiveRoutesCustomizer {

    /** Owner of {@code RootLayout.html.heex}. */
    public static final class RootLayout {
        private RootLayout() {
        }
    }

    /** Owner of {@code AppLayout.html.heex}; its template calls {@code <.flash_group>}. */
    @TemplateImports(CoreComponents.class)
    public static final class AppLayout {
        private AppLayout() {
        }
    }

    @Override
    public void customize(LiveRoutes.Builder live) {
        live.rootLayout(Templates.forClass(RootLayout.class)).layout(AppLayout.class);
    }
}
