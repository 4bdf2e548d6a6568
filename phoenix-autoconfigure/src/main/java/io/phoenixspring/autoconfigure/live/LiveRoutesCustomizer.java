package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.live.router.LiveRoutes;

/**
 * Adjusts the {@link LiveRoutes} the auto-configuration builds: root layout, default app layout,
 * template resolver. Applied in order.
 *
 * <pre>{@code
 * @Bean LiveRoutesCustomizer layouts() {
 *     return live -> live.layout(AppLayout.class).rootLayout(RootLayout.builder().script("/assets/app.js").build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LiveRoutesCustomizer {

    void customize(LiveRoutes.Builder builder);
}
