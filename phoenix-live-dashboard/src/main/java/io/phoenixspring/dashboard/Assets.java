package io.phoenixspring.dashboard;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.plug.Plug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the dashboard's CSS and JS from the jar ({@code <dashboard>/assets/:file}): a fixed list of
 * files read once, so the path param can never name anything else on the classpath.
 */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "phoenix.min.js", "text/javascript",
            "phoenix_live_view.min.js", "text/javascript",
            "uPlot.iife.min.js", "text/javascript",
            "uPlot.min.css", "text/css",
            "dashboard.js", "text/javascript",
            "dashboard.css", "text/css");

    private static final Map<String, byte[]> CONTENT = load();

    private Assets() {
    }

    static Plug plug() {
        if (CONTENT.size() < TYPES.size()) {
            // One line at mount, not a 404 per page load that nobody reads: the jar was built with -Dnpm.skip=true.
            org.slf4j.LoggerFactory.getLogger(LiveDashboard.class).warn("The LiveDashboard's assets {} are missing from its jar "
                    + "(built with -Dnpm.skip=true?): its pages will not connect. Rebuild phoenix-live-dashboard with npm.",
                    TYPES.keySet().stream().filter(f -> !CONTENT.containsKey(f)).sorted().toList());
        }
        return conn -> {
            String file = String.valueOf(conn.pathParams().get("file"));
            byte[] body = CONTENT.get(file);
            if (body == null) {
                return conn.putRespContentType("text/plain").sendResp(404, "Not Found");
            }
            // Short-lived caching: the files change only with the jar, and the paths carry no digest.
            return conn.putRespContentType(TYPES.get(file))
                    .putRespHeader("cache-control", "public, max-age=3600")
                    .putStatus(200)
                    .sendResp(body);
        };
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> content = new HashMap<>();
        for (String file : TYPES.keySet()) {
            try (InputStream in = Assets.class.getResourceAsStream("assets/" + file)) {
                if (in != null) {
                    content.put(file, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(content);
    }
}
