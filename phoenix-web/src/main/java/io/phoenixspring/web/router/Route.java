package io.phoenixspring.web.router;

import io.phoenixspring.web.controller.ControllerAction;
import io.phoenixspring.web.plug.Plug;
import java.util.List;

/**
 * One line of the route table: verb, path pattern, pipelines, and what handles it: a controller
 * action, a plug, or (for {@code forward}) another router.
 *
 * <pre>{@code
 * for (Route route : router.routes()) System.out.println(route.verb() + " " + route.path());
 * }</pre>
 *
 * @param verb GET, POST... or {@code *} for any
 * @param path the full pattern, e.g. {@code /users/:user_id/posts/:id}
 * @param pipelines the pipelines piped through, in order
 * @param action the controller action, or null
 * @param plug the plug handling the route, or null
 * @param forward the router forwarded to, or null
 */
public record Route(String verb, String path, List<String> pipelines, ControllerAction action, Plug plug,
        Router forward) {

    /** @return what handles the route, as {@code mix phx.routes} prints it */
    public String handler() {
        if (action != null) {
            return action.controller().getSimpleName() + " :" + action.name();
        }
        if (forward != null) {
            return "(forward) Router";
        }
        // A plug that names itself (a live route: "live CounterLive :index"); a lambda does not.
        return describes(plug) ? plug.toString() : "(plug)";
    }

    private static boolean describes(Plug plug) {
        try {
            return plug != null && plug.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }
}
