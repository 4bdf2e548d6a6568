package io.phoenixspring.live.router;

import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import io.phoenixspring.token.Tuple;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signed tokens of LiveView pages, as Phoenix.LiveView.Static makes them (Phoenix.Token over the
 * endpoint's secret, with the LiveView signing salt): {@code data-phx-session} (which view, in which
 * live session, for which container id), {@code data-phx-static} (the dead render's flash) and the
 * flash carried by a live navigation. A token that is tampered, of another secret or salt, expired,
 * or for another container is refused (the client then reloads the page).
 *
 * <pre>{@code
 * LiveTokens tokens = new LiveTokens(PhoenixToken.of(secretKeyBase), "my salt", Duration.ofDays(14));
 * String session = tokens.signSession("phx-F1", CounterLive.class.getName(), "default", Map.of());
 * LiveTokens.Session verified = tokens.verifySession(session, "lv:phx-F1");   // null when refused
 * }</pre>
 */
public final class LiveTokens {

    /** Phoenix.LiveView.Static's token version: a token of another layout is refused. */
    private static final long TOKEN_VSN = 6;
    private static final Duration FLASH_MAX_AGE = Duration.ofSeconds(60);

    /**
     * What a verified {@code data-phx-session} says.
     *
     * @param id the container id (the topic is {@code lv:} + id)
     * @param view the LiveView class name
     * @param liveSession the live session's name
     * @param session the live session's extra session values
     */
    public record Session(String id, String view, String liveSession, Map<String, Object> session) {
    }

    private final PhoenixToken tokens;
    private final String salt;
    private final TokenOptions sessionOptions;

    /**
     * @param signingSalt the LiveView signing salt (Phoenix's {@code live_view: [signing_salt: …]})
     * @param sessionMaxAge how long a page's session token is accepted (Phoenix: 2 weeks)
     */
    public LiveTokens(PhoenixToken tokens, String signingSalt, Duration sessionMaxAge) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (signingSalt == null || signingSalt.isEmpty()) {
            throw new IllegalArgumentException("the LiveView signing salt must not be empty");
        }
        this.salt = signingSalt;
        this.sessionOptions = TokenOptions.maxAge(sessionMaxAge.toSeconds());
    }

    public String signSession(String id, String view, String liveSession, Map<String, Object> session) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("view", view);
        data.put("root_view", view);
        data.put("live_session", liveSession);
        data.put("session", session);
        return tokens.sign(salt, Tuple.of(TOKEN_VSN, data));
    }

    /** @return the session, or null when the token is refused or names another container than {@code topic} */
    @SuppressWarnings("unchecked")
    public Session verifySession(String token, String topic) {
        Map<String, Object> data = verify(token);
        if (data == null || !(data.get("id") instanceof String id) || !topic.equals("lv:" + id)
                || !(data.get("view") instanceof String view) || !(data.get("live_session") instanceof String liveSession)
                || !(data.get("session") instanceof Map<?, ?> session)) {
            return null;
        }
        return new Session(id, view, liveSession, (Map<String, Object>) session);
    }

    public String signStatic(String id, Map<String, String> flash) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("flash", flash);
        data.put("assign_new", List.of());
        return tokens.sign(salt, Tuple.of(TOKEN_VSN, data));
    }

    /**
     * @return the dead render's flash; empty for no token; null when the token is refused or names
     *     another container
     */
    public Map<String, String> verifyStatic(String token, String id) {
        if (token == null) {
            return Map.of();
        }
        Map<String, Object> data = verify(token);
        if (data == null || !id.equals(data.get("id"))) {
            return null;
        }
        return strings(data.get("flash"));
    }

    /** The flash a live navigation carries to the next view (valid 60 seconds, as Phoenix's). */
    public String signFlash(Map<String, String> flash) {
        return tokens.sign("flash:" + salt, flash);
    }

    /** @return the flash, empty when the token is refused or expired */
    public Map<String, String> verifyFlash(String token) {
        if (token == null) {
            return Map.of();
        }
        TokenResult result = tokens.verify("flash:" + salt, token, TokenOptions.maxAge(FLASH_MAX_AGE.toSeconds()));
        return result instanceof TokenResult.Ok ok ? strings(ok.data()) : Map.of();
    }

    /** The token an {@code lvu:} channel joins with: it names one preflighted entry's upload (by a random id). */
    public String signUpload(String uploadId) {
        return tokens.sign("upload:" + salt, uploadId);
    }

    /** @return the upload id, or null when the token is refused or expired */
    public String verifyUpload(String token) {
        if (token == null) {
            return null;
        }
        TokenResult result = tokens.verify("upload:" + salt, token, sessionOptions);
        return result instanceof TokenResult.Ok ok && ok.data() instanceof String id ? id : null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify(String token) {
        if (token == null) {
            return null;
        }
        TokenResult result = tokens.verify(salt, token, sessionOptions);
        if (result instanceof TokenResult.Ok ok && ok.data() instanceof Tuple tuple && tuple.size() == 2
                && Long.valueOf(TOKEN_VSN).equals(tuple.get(0)) && tuple.get(1) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return null;
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return out;
    }
}
