package ${package}.live;

import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.template.Templates;
import org.springframework.stereotype.Component;

/**
 * The pages' layouts, as a Phoenix app's {@code Layouts} module: the root layout
 * ({@code RootLayout.html.heex}: the HTML document, the CSRF meta tag the client sends back, the
 * live title, the official clients and {@code /assets/app.js}). A {@link LiveRoutesCustomizer}
 * bean, so that {@code @PhoenixTest} slices render with it too.
 */
@Component
public class Layouts implements LiveRoutesCustomizer {

    /** Owner of {@code RootLayout.html.heex}. */
    public static final class RootLayout {
        private RootLayout() {
        }
    }

    @Override
    public void customize(LiveRoutes.Builder live) {
        live.rootLayout(Templates.forClass(RootLayout.class));
    }
}
