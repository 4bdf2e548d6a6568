package io.phoenixspring.live.channel;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.SessionReader;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.web.router.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /live} socket (Phoenix.LiveView.Socket), WebSocket and long-poll: every LiveView page
 * joins it on {@code lv:<container id>}. As Phoenix's, it reads the browser session when the client
 * proves it read the page (the {@code _csrf_token} connect param matches the session's token); a
 * connection without that still connects, but every LiveView join on it is refused {@code stale},
 * which makes the client reload the page. The auto-configuration provides the bean.
 *
 * <pre>{@code
 * LiveSocketHandler live = new LiveSocketHandler(liveRoutes, () -> router, () -> sessionReader, "1.0.19");
 * MountedSocket mount = MountedSocket.of(live, TransportOptions.defaults(), beans::get);
 * }</pre>
 */
@PhoenixSocket(path = "/live", longpoll = true, connectInfoHeaders = "cookie")
public final class LiveSocketHandler implements SocketHandler {

    private static final Logger log = LoggerFactory.getLogger(LiveSocketHandler.class);
    /** The connection's assign holding the verified browser session. */
    static final String SESSION = "phoenix_live_view_session";

    private final LiveChannel channel;
    private final UploadChannel uploads;
    private final Supplier<SessionReader> sessions;

    /**
     * @param router the application's router, for checking the URLs joins and live patches name
     * @param sessions reads the session cookie (phoenix-web's); the supplier may give null (no sessions)
     * @param liveViewVersion the {@code liveview_version} of join replies: the bundled client's version
     */
    public LiveSocketHandler(LiveRoutes routes, Supplier<Router> router, Supplier<SessionReader> sessions,
            String liveViewVersion) {
        this.uploads = new UploadChannel(Objects.requireNonNull(routes, "routes").tokens());
        this.channel = new LiveChannel(routes, Objects.requireNonNull(router, "router"),
                Objects.requireNonNull(liveViewVersion, "liveViewVersion"), uploads);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("lv:*", channel);
        routes.channel("lvu:*", uploads);
    }

    @Override
    public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
        SessionReader reader = sessions.get();
        String cookie = info.headers().get("cookie");
        if (reader == null || cookie == null) {
            return ConnectResult.ok();
        }
        Map<String, Object> session = reader.read(cookies(cookie));
        if (session == null) {
            log.debug("LiveView socket connected without a session: the session cookie is missing or invalid");
        } else if (!reader.csrfTokenMatches(session, params.get("_csrf_token"))) {
            log.debug("LiveView socket connected without a session: its _csrf_token does not match the session's");
        } else {
            socket.assign(SESSION, session);
        }
        return ConnectResult.ok();
    }

    /** The request's cookies; several {@code cookie} headers arrive joined by commas. */
    static Map<String, List<String>> cookies(String header) {
        Map<String, List<String>> cookies = new LinkedHashMap<>();
        for (String part : header.split("[;,]")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                cookies.computeIfAbsent(part.substring(0, eq).trim(), name -> new ArrayList<>()).add(part.substring(eq + 1).trim());
            }
        }
        return cookies;
    }
}
