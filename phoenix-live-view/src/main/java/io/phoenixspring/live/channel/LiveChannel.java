package io.phoenixspring.live.channel;

import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveSession;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.LiveProcess;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.Navigation;
import io.phoenixspring.live.view.UploadFile;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.router.Router;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LiveView protocol on an {@code lv:*} channel (Phoenix.LiveView.Channel): the join verifies the
 * page's tokens and the URL, mounts the view connected and replies with its whole rendered tree;
 * {@code event} and {@code live_patch} run the view's callbacks and reply with what changed; messages
 * to the view ({@code handleInfo}) push a {@code diff}. Navigation away replies (or pushes)
 * {@code live_redirect} / {@code redirect} and ends the channel. A callback that throws crashes the
 * channel ({@code phx_error}); the client rejoins and the view mounts afresh.
 */
final class LiveChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The channel socket's assign holding the joined view. */
    static final String JOINED = "phoenix_live_view";
    /** Phoenix's guard against handle_params patching forever. */
    private static final int MAX_PATCHES = 20;

    /** A joined view: its instance and class (live patches must stay on it). */
    record Joined(LiveProcess process, Class<? extends LiveView> view) {
    }

    private final LiveRoutes routes;
    private final UploadChannel uploads;
    private final Supplier<Router> router;
    private final String version;

    LiveChannel(LiveRoutes routes, Supplier<Router> router, String version, UploadChannel uploads) {
        this.routes = routes;
        this.uploads = uploads;
        this.router = router;
        this.version = version;
    }

    // ---------------------------------------------------------------- join

    @Override
    public Object join(String topic, Object payload, Socket socket) {
        if (!(payload instanceof JsonNode join) || !join.isObject()) {
            return refuse(topic, "stale", "the join payload is not an object");
        }
        Map<String, Object> cookieSession = socket.assign(LiveSocketHandler.SESSION);
        if (cookieSession == null) {
            return refuse(topic, "stale", "the socket has no session: no valid session cookie, or a _csrf_token connect "
                    + "param that does not match it (the page must send the csrf-token meta tag's content)");
        }
        LiveTokens tokens = routes.tokens();
        LiveTokens.Session verified = tokens.verifySession(text(join, "session"), topic);
        if (verified == null) {
            return refuse(topic, "stale", "the session token is invalid, expired, or of another page");
        }
        Map<String, String> staticFlash = tokens.verifyStatic(text(join, "static"), verified.id());
        if (staticFlash == null) {
            return refuse(topic, "stale", "the static token is invalid, expired, or of another page");
        }
        String redirect = text(join, "redirect");
        String url = redirect != null ? redirect : text(join, "url");
        if (url == null) {
            return refuse(topic, "stale", "the join has neither url nor redirect");
        }
        URI uri = uri(url);
        Optional<LiveRoutes.Match> found = uri == null ? Optional.empty() : match(uri);
        if (found.isEmpty()) {
            return refuse(topic, "unauthorized", url + " is not a live route");
        }
        LiveRoutes.Match match = found.get();
        if (!match.session().name().equals(verified.liveSession())) {
            return refuse(topic, "unauthorized", url + " is in the live session \"" + match.session().name()
                    + "\", the page in \"" + verified.liveSession() + "\"");
        }
        if (redirect == null && !match.view().getName().equals(verified.view())) {
            return refuse(topic, "unauthorized", url + " is now a route of " + match.view().getName() + ", not "
                    + verified.view());
        }
        Map<String, Object> connectParams = map(join.get("params"));
        Map<String, String> flash;
        if (text(join, "flash") != null) {
            flash = tokens.verifyFlash(text(join, "flash"));
        } else if (redirect == null && Integer.valueOf(0).equals(connectParams.get("_mounts"))) {
            flash = staticFlash;
        } else {
            flash = Map.of();
        }
        LiveSocket liveSocket = LiveSocket.connected(verified.id(), uri, link(socket), connectParams, flash);
        LiveProcess process = routes.process(match.session(), match.view().getName(), liveSocket);
        if (process == null) {
            return refuse(topic, "stale", match.view().getName() + " is no route of the live session " + match.session().name());
        }
        Joined joined = new Joined(process, match.view());
        Map<String, Object> session = new HashMap<>(cookieSession);
        session.putAll(verified.session());
        try {
            Object result = mount(joined, match, uri, session, redirect);
            if (result instanceof JoinResult.Ok) {
                socket.assign(JOINED, joined);
            } else {
                process.abandon();
            }
            return result;
        } catch (RuntimeException | Error failure) {
            // A refused or crashed join never terminates: its async work must not outlive it.
            process.abandon();
            throw failure;
        }
    }

    /** Mounts a view that passed the join's checks; the join's reply. */
    private Object mount(Joined joined, LiveRoutes.Match match, URI uri, Map<String, Object> session, String redirect) {
        LiveProcess process = joined.process();
        LiveSession liveSession = match.session();
        process.mount(match.params(), session, match.action(), liveSession.onMount());
        Navigation navigation = process.takeNavigation();
        if (navigation == null) {
            process.handleParams(match.params(), uri, match.action());
            navigation = process.takeNavigation();
        }
        Navigation.Patch[] patched = new Navigation.Patch[1];
        navigation = settle(joined, navigation, patched);
        if (navigation != null) {
            // A mount that navigates away refuses the join with where to go (Phoenix's reply_mount).
            return JoinResult.error(Map.of(navigation instanceof Navigation.Navigate ? "live_redirect" : "redirect",
                    options(navigation, process.changedFlash())));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("rendered", process.renderDiff());
        reply.put("liveview_version", version);
        if (redirect != null) {
            reply.put("container", List.of("div", Map.of()));
        }
        if (patched[0] != null) {
            reply.put("live_patch", Map.of("kind", patched[0].kind(), "to", patched[0].to()));
        }
        return JoinResult.ok(reply);
    }

    private static JoinResult refuse(String topic, String reason, String why) {
        log.debug("Refusing the LiveView join of {} ({}): {}", topic, reason, why);
        return JoinResult.error(Map.of("reason", reason));
    }

    // ---------------------------------------------------------------- events

    @Override
    public Object handleIn(String event, Object payload, Socket socket) {
        Joined joined = socket.assign(JOINED);
        JsonNode message = payload instanceof JsonNode node ? node : JSON.nullNode();
        switch (event) {
            case "event" -> {
                JsonNode cidNode = message.get("cid");
                Integer cid = null;
                if (cidNode != null && !cidNode.isNull()) {
                    if (!cidNode.canConvertToInt() || !cidNode.isIntegralNumber()) {
                        log.warn("LiveView event with a malformed cid on {}: {}", socket.topic(), cidNode);
                        return HandleResult.error(Map.of("reason", "a cid is an integer"));
                    }
                    cid = cidNode.asInt();
                }
                String name = text(message, "event");
                if (name == null) {
                    log.warn("LiveView event without a name on {}", socket.topic());
                    return HandleResult.error(Map.of("reason", "an event needs a name"));
                }
                JsonNode uploads = message.get("uploads");
                if (uploads != null && uploads.isObject()) {
                    String refused = validateUploads(joined, uploads);
                    if (refused != null) {
                        log.warn("LiveView event \"{}\" refused on {}: {}", name, socket.topic(), refused);
                        return HandleResult.error(Map.of("reason", refused));
                    }
                }
                Object value;
                if ("form".equals(text(message, "type"))) {
                    try {
                        value = FormParams.decode(text(message, "value"), map(message.get("meta")));
                    } catch (RuntimeException malformed) {
                        log.warn("Malformed form data in the event \"{}\" on {}: {}", name, socket.topic(), malformed.getMessage());
                        return HandleResult.error(Map.of("reason", "malformed form data"));
                    }
                } else {
                    // click, keydown/keyup, focus/blur: an object; a hook's pushEvent: any JSON value.
                    JsonNode raw = message.get("value");
                    value = raw == null || raw.isNull() ? new LinkedHashMap<>() : JSON.convertValue(raw, Object.class);
                    String misfit = cid == null ? joined.process().misfit(name, value)
                            : joined.process().hasComponent(cid) ? joined.process().misfit(cid, name, value) : null;
                    if (misfit != null) {
                        log.warn("LiveView event refused on {}: {}", socket.topic(), misfit);
                        return HandleResult.error(Map.of("reason", misfit));
                    }
                }
                if (cid != null) {
                    if (!joined.process().hasComponent(cid)) {
                        // As Phoenix: the component was removed meanwhile (the client's destroy is in flight).
                        log.debug("LiveView event \"{}\" for the unknown component {} on {}", name, cid, socket.topic());
                        return HandleResult.ok(Map.of());
                    }
                    joined.process().handleComponentEvent(cid, name, value);
                } else {
                    joined.process().handleEvent(name, value);
                }
                return after(joined, socket, true);
            }
            case "live_patch" -> {
                String url = text(message, "url");
                URI target = url == null ? null : uri(url);
                Optional<LiveRoutes.Match> match = target == null ? Optional.empty() : match(target);
                if (match.isEmpty() || match.get().view() != joined.view()) {
                    // Another LiveView: the client navigates to it instead.
                    return HandleResult.ok(Map.of("link_redirect", true));
                }
                joined.process().socket().clearFlash();
                joined.process().handleParams(match.get().params(), target, match.get().action());
                return after(joined, socket, true);
            }
            case "allow_upload" -> {
                return allowUpload(joined, message, socket);
            }
            case "progress" -> {
                String refused = joined.process().socket().uploads().progress(text(message, "ref"),
                        text(message, "entry_ref"), message.get("progress") != null && message.get("progress").isNumber()
                                ? message.get("progress").numberValue() : null);
                if (refused != null) {
                    log.warn("Upload progress refused on {}: {}", socket.topic(), refused);
                    return HandleResult.error(Map.of("reason", refused));
                }
                joined.process().socket().uploadsChanged();
                return after(joined, socket, true);
            }
            case "cids_will_destroy" -> {
                joined.process().componentsWillDestroy(cids(message));
                return HandleResult.ok(Map.of());
            }
            case "cids_destroyed" -> {
                return HandleResult.ok(Map.of("cids", joined.process().componentsDestroyed(cids(message))));
            }
            default -> throw new UnmatchedEventException(event, socket.topic());
        }
    }

    @Override
    public Object handleInfo(Object message, Socket socket) {
        Joined joined = socket.assign(JOINED);
        if (joined == null) {
            return HandleResult.noReply();
        }
        if (message instanceof UploadFile.Ended ended) {
            if (joined.process().socket().uploads().ended(ended.file())) {
                joined.process().socket().uploadsChanged();
            }
            return after(joined, socket, false);
        }
        joined.process().handleInfo(message);
        return after(joined, socket, false);
    }

    @Override
    public void terminate(String reason, Socket socket) {
        Joined joined = socket.assign(JOINED);
        if (joined != null) {
            try {
                joined.process().terminate(reason);
            } finally {
                joined.process().socket().uploads().discardAll();
            }
        }
    }

    // ---------------------------------------------------------------- uploads

    /** A form event's {@code uploads}: each config's entries validated; an error when the view has no such upload. */
    private static String validateUploads(Joined joined, JsonNode uploads) {
        var state = joined.process().socket().uploads();
        for (var field : uploads.properties()) {
            if (!state.has(field.getKey())) {
                return "no upload allowed with ref " + field.getKey();
            }
            if (!field.getValue().isArray() || !state.validate(field.getKey(), JSON.convertValue(field.getValue(), List.class))) {
                return "malformed upload entries for " + field.getKey();
            }
        }
        joined.process().socket().uploadsChanged();
        return null;
    }

    /** The preflight: entries accepted with a token each (and the config), or refused with their errors. */
    private Object allowUpload(Joined joined, JsonNode message, Socket socket) {
        String ref = text(message, "ref");
        JsonNode entries = message.get("entries");
        var state = joined.process().socket().uploads();
        if (ref == null || !state.has(ref)) {
            log.warn("Upload preflight refused on {}: the view allowed no upload with ref {}", socket.topic(), ref);
            return HandleResult.error(Map.of("reason", "no upload allowed with ref " + ref));
        }
        Map<String, Object> reply = entries == null || !entries.isArray() ? null
                : state.preflight(ref, JSON.convertValue(entries, List.class), file -> uploads.register(
                        UUID.randomUUID().toString(), file, () -> socket.send(new UploadFile.Ended(file))));
        if (reply == null) {
            log.warn("Upload preflight refused on {}: malformed entries", socket.topic());
            return HandleResult.error(Map.of("reason", "malformed upload entries"));
        }
        Map<String, Object> sorted = new TreeMap<>(reply);
        if (reply.containsKey("error")) {
            log.debug("Upload preflight on {} answered with errors {}", socket.topic(), reply.get("error"));
            return HandleResult.ok(sorted);
        }
        joined.process().socket().uploadsChanged();
        Object diffReply = after(joined, socket, true);
        if (!(diffReply instanceof HandleResult.ReplyWith r)) {
            return diffReply;               // the view navigated away meanwhile
        }
        if (r.payload() instanceof Map<?, ?> m && m.get("diff") != null) {
            sorted.put("diff", m.get("diff"));
        }
        return HandleResult.ok(sorted);
    }

    /**
     * After a callback: follow its patches, leave if it navigated away, else send what changed (a reply
     * to the client's message, or a {@code diff} push).
     */
    private Object after(Joined joined, Socket socket, boolean replying) {
        LiveProcess process = joined.process();
        Navigation.Patch[] patched = new Navigation.Patch[1];
        Navigation navigation = settle(joined, process.takeNavigation(), patched);
        if (navigation != null) {
            // Phoenix sends the pending push_events before leaving (an empty list included).
            socket.push("diff", Map.of("e", process.takeEvents()));
            String kind = navigation instanceof Navigation.Navigate ? "live_redirect" : "redirect";
            Map<String, Object> options = options(navigation, process.changedFlash());
            if (replying) {
                return HandleResult.stop("shutdown", "ok", Map.of(kind, options));
            }
            socket.push(kind, options);
            return HandleResult.stop("shutdown");
        }
        if (patched[0] != null) {
            socket.push("live_patch", Map.of("kind", patched[0].kind(), "to", patched[0].to()));
        }
        Map<String, Object> diff = process.renderDiff();
        if (replying) {
            return HandleResult.ok(diff.isEmpty() ? Map.of() : Map.of("diff", diff));
        }
        if (!diff.isEmpty()) {
            socket.push("diff", diff);
        }
        return HandleResult.noReply();
    }

    /**
     * Runs handle_params for each {@code pushPatch} (which must stay on this view), and returns where
     * the view navigates away to, if anywhere; {@code patched[0]} is the last patch followed.
     */
    private Navigation settle(Joined joined, Navigation navigation, Navigation.Patch[] patched) {
        int patches = 0;
        while (navigation instanceof Navigation.Patch patch) {
            if (++patches > MAX_PATCHES) {
                throw new IllegalStateException("too many patches by " + joined.view().getSimpleName()
                        + ": check handleParams for an endless pushPatch loop");
            }
            URI target = joined.process().socket().uri().resolve(patch.to());
            Optional<LiveRoutes.Match> match = match(target);
            if (match.isEmpty() || match.get().view() != joined.view()) {
                throw new IllegalArgumentException("cannot pushPatch to " + patch.to() + ": it is not a route of "
                        + joined.view().getSimpleName() + " (use pushNavigate for another LiveView)");
            }
            joined.process().handleParams(match.get().params(), target, match.get().action());
            patched[0] = patch;
            navigation = joined.process().takeNavigation();
        }
        return navigation;
    }

    private Map<String, Object> options(Navigation navigation, Map<String, String> flash) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (navigation instanceof Navigation.Navigate navigate) {
            options.put("kind", navigate.kind());
        }
        options.put("to", navigation.to());
        if (!flash.isEmpty()) {
            options.put("flash", routes.tokens().signFlash(flash));
        }
        return options;
    }

    private Optional<LiveRoutes.Match> match(URI uri) {
        try {
            return routes.match(router.get(), uri);
        } catch (RuntimeException malformed) {
            // A malformed query string in a client's URL: no route.
            return Optional.empty();
        }
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            return uri.getRawPath() == null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private LiveSocket.Link link(Socket socket) {
        return new LiveSocket.Link() {
            @Override
            public io.phoenixspring.live.view.AsyncRunner async() {
                return routes.async();
            }

            @Override
            public void subscribe(String topic) {
                socket.subscribe(topic);
            }

            @Override
            public void unsubscribe(String topic) {
                socket.unsubscribe(topic);
            }

            @Override
            public void send(Object message) {
                socket.send(message);
            }

            @Override
            public void sendAfter(Object message, Duration delay) {
                socket.sendAfter(message, delay);
            }
        };
    }

    /** The {@code cids} of a destroy message; anything but integers is left out. */
    private static List<Integer> cids(JsonNode message) {
        JsonNode cids = message.get("cids");
        List<Integer> values = new java.util.ArrayList<>();
        if (cids != null && cids.isArray()) {
            for (JsonNode cid : cids) {
                if (cid.isIntegralNumber() && cid.canConvertToInt()) {
                    values.add(cid.asInt());
                }
            }
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return JSON.convertValue(node, LinkedHashMap.class);
    }
}
