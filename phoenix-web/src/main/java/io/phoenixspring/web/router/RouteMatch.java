package io.phoenixspring.web.router;

import java.util.List;
import java.util.Map;

/**
 * A route that matched a request, with its path params (percent-decoded; a glob is a list).
 *
 * <pre>{@code
 * RouteMatch m = router.match("GET", "/users/42");
 * m.pathParams().get("id"); // "42"
 * }</pre>
 *
 * @param route the route
 * @param pathParams the path params
 * @param scriptName segments consumed (for a forward: the prefix)
 * @param pathInfo segments left for the handler (for a forward: the rest)
 */
public record RouteMatch(Route route, Map<String, Object> pathParams, List<String> scriptName, List<String> pathInfo) {
}
