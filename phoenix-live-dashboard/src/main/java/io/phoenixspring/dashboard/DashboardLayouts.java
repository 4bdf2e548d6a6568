package io.phoenixspring.dashboard;

import io.phoenixspring.live.template.TemplateImports;

/**
 * The dashboard's layouts: {@code Root.html.heex} (the HTML document: CSRF meta tag, its own CSS and
 * the bundled scripts, nothing from the application) and {@code App.html.heex} (header, refresh
 * selector, menu, then the page).
 */
public final class DashboardLayouts {

    private DashboardLayouts() {
    }

    /** Owner of {@code Root.html.heex}. */
    public static final class Root {
        private Root() {
        }
    }

    /** Owner of {@code App.html.heex}. */
    @TemplateImports(DashboardComponents.class)
    public static final class App {
        private App() {
        }
    }
}
