package io.phoenixspring.dashboard;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LiveDashboard's request logger: a request page picks a random key per visit, the browser carries it
 * signed in the {@value #COOKIE} cookie (or the {@value #PARAM} query param), {@link RequestLoggerFilter}
 * puts the key in the logging MDC ({@value #MDC_KEY}) while that request is processed, and the Logback
 * tap publishes the request's log lines (DEBUG and up, whatever the logger's level) to the pages
 * listening on that key, through PubSub on this node only. Nothing is kept per line: a page that falls
 * {@value #MAX_PENDING} lines behind loses the next ones, counted.
 *
 * <pre>{@code
 * RequestLogger logger = new RequestLogger(pubSub, phoenixToken);
 * String key = logger.newKey();                    // the page's key
 * String cookieValue = logger.sign(key);           // request_logger=<cookieValue>
 * }</pre>
 */
public final class RequestLogger implements AutoCloseable {

    /** The cookie marking a browser (LiveDashboard's {@code cookie_key}). */
    public static final String COOKIE = "request_logger";

    /** The query param marking one request (LiveDashboard's {@code param_key}). */
    public static final String PARAM = "request_logger";

    /** The logging MDC key holding a marked request's key. */
    public static final String MDC_KEY = "request_logger";

    /** Lines published to a page and not handled yet, beyond which lines are dropped. */
    public static final int MAX_PENDING = 1000;

    static final String SALT = "request_logger";

    /** A marked browser stays marked for a day, as long as the key's page listens. */
    static final Duration MAX_AGE = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PubSub pubSub;
    private final PhoenixToken tokens;
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean installed;

    /** What the hub knows of one listening page. */
    static final class Listener {
        final AtomicInteger pending = new AtomicInteger();
        final AtomicLong dropped = new AtomicLong();
    }

    public RequestLogger(PubSub pubSub, PhoenixToken tokens) {
        this.pubSub = Objects.requireNonNull(pubSub, "pubSub");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** @return true when Logback is the logging backend, which the request logger taps */
    public static boolean logbackAvailable() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, RequestLogger.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
        return LogbackTap.isLogbackBackend();
    }

    /**
     * Attaches the Logback turbo filter and appender, once (again after Logback was reset).
     *
     * @return false when Logback is not the backend
     */
    public boolean install() {
        if (!logbackAvailable()) {
            return false;
        }
        LogbackTap.install(this);
        installed = true;
        return true;
    }

    /** Detaches the Logback hooks this logger attached (Spring calls it when the application stops). */
    @Override
    public void close() {
        listeners.clear();
        if (installed) {
            installed = false;
            LogbackTap.uninstall(this);
        }
    }

    /** @return a fresh random key (a page visit's) */
    public String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the key signed with the endpoint's secret: the cookie's (or param's) value */
    public String sign(String key) {
        return tokens.sign(SALT, key);
    }

    /** @return the key a cookie or param value was signed for, or null when it is not ours, forged or too old */
    public String verify(String signed) {
        if (signed == null || signed.isEmpty() || signed.length() > 512) {
            return null;
        }
        TokenResult result = tokens.verify(SALT, signed, TokenOptions.maxAge(MAX_AGE.toSeconds()));
        return result instanceof TokenResult.Ok ok && ok.data() instanceof String key ? key : null;
    }

    /** @return the PubSub topic of a key's lines */
    public static String topic(String key) {
        return "phoenix_live_dashboard:request_logger:" + key;
    }

    /** A page starts listening on its key (its lines are then published). */
    void listen(String key) {
        listeners.putIfAbsent(key, new Listener());
    }

    /** The page is gone. */
    void stop(String key) {
        listeners.remove(key);
    }

    /** @return true when some page listens (the turbo filter's fast path) */
    boolean anyListening() {
        return !listeners.isEmpty();
    }

    /** @return true when a page listens on this key */
    boolean listening(String key) {
        return listeners.containsKey(key);
    }

    /** Publishes a line to the key's page unless it is {@value #MAX_PENDING} lines behind (then counts it dropped). */
    void publish(String key, String level, String logger, long timestamp, String message) {
        Listener listener = listeners.get(key);
        if (listener == null) {
            return;
        }
        if (listener.pending.incrementAndGet() > MAX_PENDING) {
            listener.pending.decrementAndGet();
            listener.dropped.incrementAndGet();
            return;
        }
        pubSub.localBroadcast(topic(key), new LogLine(sequence.incrementAndGet(), key, timestamp, level, logger, message));
    }

    /** The page handled one published line. */
    void handled(String key) {
        Listener listener = listeners.get(key);
        if (listener != null) {
            listener.pending.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** @return the lines dropped for this key because its page was behind */
    long dropped(String key) {
        Listener listener = listeners.get(key);
        return listener == null ? 0 : listener.dropped.get();
    }

    /**
     * A log line of a marked request, as the page shows it.
     *
     * @param id its sequence number (the DOM id)
     * @param key the key of the page it is for
     * @param timestamp when it was logged (epoch millis)
     * @param level TRACE..ERROR
     * @param logger the logger's name
     * @param message the formatted message, with the exception's class and message if any (bounded)
     */
    public record LogLine(long id, String key, long timestamp, String level, String logger, String message) {
    }
}
