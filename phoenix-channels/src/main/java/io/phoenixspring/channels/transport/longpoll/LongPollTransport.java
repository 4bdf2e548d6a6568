package io.phoenixspring.channels.transport.longpoll;

import io.phoenixspring.channels.server.MountedSocket;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.transport.TransportRequests;
import io.phoenixspring.pubsub.Subscriber;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix's long-poll transport ({@code <path>/longpoll}): a GET opens a session (answered
 * {@code 410} with its token) or polls it ({@code 200} with messages, or {@code 204} after the
 * window), a POST sends messages (ndjson: a line starting with {@code [} is a V2 text message,
 * other lines are base64 binary frames). Every answer is HTTP 200 with the real status in the
 * JSON body, as the JS client expects. Sessions are reached through PubSub, so polls and posts
 * may land on any node behind a round-robin load balancer.
 *
 * <pre>{@code
 * WebHandler longpoll = new LongPollTransport(runtime, mountedSocket, PhoenixToken.of(secretKeyBase));
 * }</pre>
 */
public final class LongPollTransport implements WebHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LongPollTransport.class);
    private static final String SALT = "phoenix long poll";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SocketRuntime runtime;
    private final MountedSocket mount;
    private final PhoenixToken tokens;
    private final String replyTopic;
    private final Map<String, Sinks.One<Map<?, ?>>> pending = new ConcurrentHashMap<>();
    private final Map<String, LongPollSession> sessions = new ConcurrentHashMap<>();
    private final Subscriber replies = this::onReply;
    private final ScheduledExecutorService timer;

    public LongPollTransport(SocketRuntime runtime, MountedSocket mount, PhoenixToken tokens) {
        this.runtime = runtime;
        this.mount = mount;
        this.tokens = tokens;
        this.replyTopic = "phx:lp:reply:" + runtime.pubSub().nodeName() + ":" + UUID.randomUUID();
        runtime.pubSub().subscribe(replyTopic, replies);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "phoenix-longpoll");
            thread.setDaemon(true);
            return thread;
        });
        long window = mount.options().longpollWindow().toMillis();
        timer.scheduleWithFixedDelay(this::sweepInactive, window, window, TimeUnit.MILLISECONDS);
    }

    SocketRuntime runtime() {
        return runtime;
    }

    MountedSocket mount() {
        return mount;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set("access-control-allow-origin", "*");
        HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.OPTIONS.equals(method)) {
            String requested = exchange.getRequest().getHeaders().getFirst("access-control-request-headers");
            if (requested != null) {
                response.getHeaders().set("access-control-allow-headers", requested);
            }
            response.getHeaders().set("access-control-allow-methods", "get, post, options");
            response.getHeaders().set("access-control-max-age", "3600");
            response.setStatusCode(HttpStatus.OK);
            return response.setComplete();
        }
        if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method)) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return response.setComplete();
        }
        if (!mount.options().checkOrigin().allows(exchange.getRequest().getHeaders().getOrigin(),
                exchange.getRequest().getURI())) {
            log.warn("Refusing long-poll request to {}: origin {} is not allowed (check_origin)", mount.path(),
                    exchange.getRequest().getHeaders().getOrigin());
            return status(exchange, 403);
        }
        Map<String, String> params = TransportRequests.params(exchange.getRequest());
        Map<?, ?> session = sessionData(params.get("token"));
        String sessionTopic = session == null ? null : (String) session.get("topic");
        if (session != null && session.get("user") instanceof String owner) {
            // A session opened by a signed-in user answers that user only: a token that leaked
            // (a log, a shared link) is no use to anyone else, nor after they sign out.
            return user(exchange).flatMap(user -> {
                if (!owner.equals(user)) {
                    log.warn("Refusing a long-poll request to {}: the session belongs to another user", mount.path());
                    return status(exchange, 403);
                }
                return HttpMethod.GET.equals(method) ? poll(exchange, params, sessionTopic) : publish(exchange, sessionTopic);
            });
        }
        if (HttpMethod.GET.equals(method)) {
            return sessionTopic == null ? open(exchange, params) : poll(exchange, params, sessionTopic);
        }
        return sessionTopic == null ? status(exchange, 410) : publish(exchange, sessionTopic);
    }

    /** The name of the request's authenticated user, or "" when there is none. */
    private static Mono<String> user(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> ConnectInfo.authenticated(principal) ? principal.getName() : "")
                .defaultIfEmpty("");
    }

    /** The data of the session a token names, or null when it names none that can be alive. */
    private Map<?, ?> sessionData(String token) {
        if (token == null) {
            return null;
        }
        TokenResult result = tokens.verify(SALT, token, TokenOptions.defaults()
                .withMaxAge(mount.options().longpollSessionMaxAge()));
        if (!(result.value().orElse(null) instanceof Map<?, ?> data) || !(data.get("topic") instanceof String topic)) {
            return null;
        }
        if (runtime.pubSub().nodeName().equals(data.get("node")) && !sessions.containsKey(topic)) {
            return null;
        }
        return data;
    }

    private Mono<Void> open(ServerWebExchange exchange, Map<String, String> params) {
        return TransportRequests.connectInfo(exchange, mount, runtime.sessions())
                .flatMap(info -> runtime.authorize(mount, params, info, "longpoll").map(connected -> Map.entry(info, connected)))
                .flatMap(attempt -> {
                    ConnectInfo info = attempt.getKey();
                    SocketRuntime.Connected connected = attempt.getValue();
                    if (!connected.accepted()) {
                        return status(exchange, 403);
                    }
                    byte[] id = new byte[16];
                    RANDOM.nextBytes(id);
                    String topic = "phx:lp:" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
                    LongPollSession session = new LongPollSession(this, topic, mount.options().outboundLimit(),
                            mount.options().outboundByteLimit());
                    sessions.put(topic, session);
                    runtime.pubSub().subscribe(topic, session);
                    session.connection = runtime.open(connected, session);
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("topic", topic);
                    data.put("node", runtime.pubSub().nodeName());
                    if (info.authenticated()) {
                        data.put("user", info.principal().getName());
                    }
                    return body(exchange, 410, List.of(), tokens.sign(SALT, data));
                });
    }

    private Mono<Void> poll(ServerWebExchange exchange, Map<String, String> params, String topic) {
        String token = params.get("token");
        Duration wait = mount.options().longpollWindow().plus(mount.options().longpollPubsubTimeout());
        return ask(topic, Map.of("lp", "poll"), wait)
                .flatMap(answer -> {
                    if (answer.isEmpty()) {
                        // Nobody answered: the session is gone; like Phoenix, try the params as a new connection.
                        return open(exchange, params);
                    }
                    if ("messages".equals(answer.get().get("lp")) && answer.get().get("messages") instanceof List<?> messages) {
                        return body(exchange, messages.isEmpty() ? 204 : 200, messages, token);
                    }
                    return status(exchange, 403);
                });
    }

    private Mono<Void> publish(ServerWebExchange exchange, String topic) {
        int maxBody = mount.options().maxFrameSize();
        String contentType = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBody)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    List<Map<String, String>> frames;
                    try {
                        frames = frames(body, contentType);
                    } catch (IllegalArgumentException e) {
                        // Like Phoenix, the batch is read whole before any of it is dispatched: nothing is half-sent.
                        log.warn("Refusing a long-poll POST to {}: {}", mount.path(), e.getMessage());
                        return error(exchange, 400, e.getMessage());
                    }
                    return ask(topic, Map.of("lp", "publish", "frames", frames), mount.options().longpollPubsubTimeout())
                            .flatMap(answer -> status(exchange,
                                    answer.isPresent() && "ok".equals(answer.get().get("lp")) ? 200 : 410));
                })
                .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class, e -> {
                    log.warn("Refusing a long-poll POST larger than {} bytes", maxBody);
                    exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
                    return exchange.getResponse().setComplete();
                });
    }

    /**
     * ndjson: one message per line ({@code \n} or {@code \r\n}), text when it starts like JSON,
     * else base64 of a binary frame.
     *
     * @throws IllegalArgumentException naming the first line that is neither
     */
    static List<Map<String, String>> frames(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Map<String, String>> frames = new ArrayList<>();
        if (contentType != null && contentType.startsWith("application/x-ndjson")) {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                boolean json = line.startsWith("[") || line.startsWith("{");
                if (!json) {
                    try {
                        Base64.getDecoder().decode(line);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("line " + (i + 1) + " of the ndjson body is neither a JSON "
                                + "message nor base64 of a binary one");
                    }
                }
                frames.add(Map.of("t", json ? "text" : "bin", "d", line));
            }
        } else {
            frames.add(Map.of("t", "text", "d", text));
        }
        return frames;
    }

    /** Sends a request to the session's topic and waits for its answer (empty on timeout). */
    private Mono<java.util.Optional<Map<?, ?>>> ask(String topic, Map<String, Object> request, Duration timeout) {
        String id = UUID.randomUUID().toString();
        Sinks.One<Map<?, ?>> answer = Sinks.one();
        pending.put(id, answer);
        Map<String, Object> message = new LinkedHashMap<>(request);
        message.put("id", id);
        message.put("reply", replyTopic);
        runtime.pubSub().broadcast(topic, message);
        return answer.asMono()
                .map(java.util.Optional::<Map<?, ?>>of)
                .timeout(timeout, Mono.just(java.util.Optional.empty()))
                .doFinally(signal -> pending.remove(id));
    }

    private void onReply(String topic, Object message) {
        if (message instanceof Map<?, ?> answer && answer.get("id") instanceof String id) {
            Sinks.One<Map<?, ?>> sink = pending.remove(id);
            if (sink != null) {
                sink.tryEmitValue(answer);
            }
        }
    }

    void respond(String reply, Map<String, Object> answer) {
        runtime.pubSub().broadcast(reply, answer);
    }

    void sessionEnded(LongPollSession session) {
        sessions.remove(session.topic());
        runtime.pubSub().unsubscribe(session.topic(), session);
    }

    private void sweepInactive() {
        long window = mount.options().longpollWindow().toNanos();
        for (LongPollSession session : Set.copyOf(sessions.values())) {
            session.checkInactive(window);
        }
    }

    private static Mono<Void> status(ServerWebExchange exchange, int status) {
        return write(exchange, "{\"status\":" + status + "}");
    }

    /** A request the client got wrong: the HTTP status, and Phoenix's status body with the reason. */
    private Mono<Void> error(ServerWebExchange exchange, int status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("status", status);
        return write(exchange, HttpStatus.valueOf(status), runtime.json().server().writeValueAsString(body));
    }

    private Mono<Void> body(ServerWebExchange exchange, int status, List<?> messages, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("status", status);
        body.put("token", token);
        return write(exchange, runtime.json().server().writeValueAsString(body));
    }

    private static Mono<Void> write(ServerWebExchange exchange, String json) {
        return write(exchange, HttpStatus.OK, json);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String json) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "max-age=0, private, must-revalidate");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** Open long-poll sessions on this node. */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        runtime.pubSub().unsubscribe(replyTopic, replies);
    }
}
