package io.phoenixspring.web.controller;

import io.phoenixspring.web.plug.Plug;
import java.util.List;
import java.util.Set;

/**
 * Optional interface of a controller that has its own plugs (Phoenix's {@code plug :authenticate when action in [...]}),
 * run after the route's pipelines and before the action.
 *
 * <pre>{@code
 * @PhoenixController class AdminController implements Controller {
 *     public void plugs(Plugs plugs) { plugs.plug(conn -> requireAdmin(conn), "delete", "update"); }
 * }
 * }</pre>
 */
public interface Controller {

    /** Declares the controller's plugs, in order. */
    void plugs(Plugs plugs);

    /** The controller's plugs, each optionally limited to some actions. */
    final class Plugs {
        record Guarded(Plug plug, Set<String> only) {
        }

        private final java.util.ArrayList<Guarded> plugs = new java.util.ArrayList<>();

        /**
         * @param plug the plug
         * @param onlyActions the actions it runs for; none means every action
         * @return this
         */
        public Plugs plug(Plug plug, String... onlyActions) {
            plugs.add(new Guarded(plug, Set.of(onlyActions)));
            return this;
        }

        List<Plug> forAction(String action) {
            return plugs.stream().filter(g -> g.only().isEmpty() || g.only().contains(action)).map(Guarded::plug).toList();
        }
    }
}
