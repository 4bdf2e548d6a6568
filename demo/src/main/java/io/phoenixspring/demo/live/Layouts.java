package io.phoenixspring.demo.live;

import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.template.Templates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live pages' layouts, as a Phoenix app's {@code Layouts} module: the root layout
 * ({@code RootLayout.html.heex}: the HTML document, CSRF meta tag, live title with the suffix
 * {@code " · Live"}, the official clients and {@code live.js}) and the app layout
 * ({@code AppLayout.html.heex}: the flash group, then the page), which is part of every LiveView so
 * the flash follows live navigation.
 */
@Configuration(proxyBeanMethods = false)
public class Layouts {

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

    @Bean
    LiveRoutesCustomizer demoLayouts() {
        return live -> live.rootLayout(Templates.forClass(RootLayout.class)).layout(AppLayout.class);
    }
}
