package io.phoenixspring.autoconfigure.web;

import io.phoenixspring.web.router.Route;
import io.phoenixspring.web.router.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code phxroutes}: the route table, as {@code mix phx.routes} prints it.
 * Expose it with {@code management.endpoints.web.exposure.include=phxroutes}, then
 * {@code GET /actuator/phxroutes}.
 *
 * <pre>{@code
 * curl localhost:4000/actuator/phxroutes
 * # [{"verb":"GET","path":"/api/health","pipelines":["api"],"handler":"HealthController :show"}, ...]
 * }</pre>
 */
@Endpoint(id = "phxroutes")
public class PhoenixRoutesEndpoint {

    private final Router router;

    public PhoenixRoutesEndpoint(Router router) {
        this.router = router;
    }

    @ReadOperation
    public List<Map<String, Object>> routes() {
        return router.routes().stream().map(PhoenixRoutesEndpoint::describe).toList();
    }

    private static Map<String, Object> describe(Route route) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("verb", route.verb());
        line.put("path", route.path());
        line.put("pipelines", route.pipelines());
        line.put("handler", route.handler());
        return line;
    }
}
