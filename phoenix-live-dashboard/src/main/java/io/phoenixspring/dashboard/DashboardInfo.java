package io.phoenixspring.dashboard;

import java.util.List;

/**
 * What every dashboard page and its layouts know of the mounted dashboard: the assign
 * {@value #ASSIGN}, set before each page mounts.
 *
 * @param path the dashboard's root path, e.g. {@code /dashboard}
 * @param assets the path its CSS and JS are served under
 * @param socket the LiveView socket's path the page's script connects to
 * @param menu the pages, in menu order
 * @param refresh the refresh interval pages start with, in seconds (0: paused)
 */
public record DashboardInfo(String path, String assets, String socket, List<MenuLink> menu, int refresh) {

    /** The assign holding this. */
    public static final String ASSIGN = "dashboard";

    /**
     * A page in the menu.
     *
     * @param route its path segment ({@code home}, {@code metrics}, ...)
     * @param title its menu title
     * @param path its full path
     */
    public record MenuLink(String route, String title, String path) {
    }

    /** @return the page whose path is {@code path}, or the home page */
    public MenuLink current(String requestPath) {
        for (MenuLink link : menu) {
            if (link.path().equals(requestPath)) {
                return link;
            }
        }
        return menu.get(0);
    }
}
