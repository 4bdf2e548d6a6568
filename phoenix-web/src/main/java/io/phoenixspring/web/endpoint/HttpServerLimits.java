package io.phoenixspring.web.endpoint;

import java.time.Duration;
import java.util.Objects;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * What one HTTP client may hold of the server: the request head must arrive within
 * {@code headerTimeout} (a slowloris dripping a byte every few seconds is closed, a started head
 * answered 408), a keep-alive connection may sit idle between requests for {@code idleTimeout}, and
 * at most {@code maxConnections} connections are open at once (past it new ones are closed at once,
 * with one WARN per 10 s). An upgraded WebSocket is left alone: the socket has its own idle timeout.
 *
 * <pre>{@code
 * @Bean NettyServerCustomizer phoenixHttpLimits() {
 *     return HttpServerLimits.defaults().withMaxConnections(20_000)::apply;
 * }
 * }</pre>
 *
 * <p>Reactor Netty's own {@code readTimeout} and {@code requestTimeout} start once the head has
 * arrived (they bound the body), and its {@code idleTimeout} restarts on every byte, so none of
 * them stops a head that never ends: the header timeout is a handler of its own.
 *
 * @param headerTimeout how long a request head (request line and headers) may take to arrive,
 *     counted from the connection's start for its first request and from the first byte for later ones
 * @param idleTimeout how long a connection may wait, with nothing sent or received, for its next request
 * @param maxConnections the most connections open at once
 */
public record HttpServerLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections) {

    public HttpServerLimits {
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /** @return a 10 s header timeout, a 60 s idle timeout, 10,000 connections */
    public static HttpServerLimits defaults() {
        return new HttpServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000);
    }

    public HttpServerLimits withHeaderTimeout(Duration value) {
        return new HttpServerLimits(value, idleTimeout, maxConnections);
    }

    public HttpServerLimits withIdleTimeout(Duration value) {
        return new HttpServerLimits(headerTimeout, value, maxConnections);
    }

    public HttpServerLimits withMaxConnections(int value) {
        return new HttpServerLimits(headerTimeout, idleTimeout, value);
    }

    /** @return the server with these limits; the connection count is shared by every connection it accepts */
    public HttpServer apply(HttpServer server) {
        ConnectionCap cap = new ConnectionCap(maxConnections);
        return server.idleTimeout(idleTimeout).doOnChannelInit((observer, channel, remoteAddress) -> {
            if (!cap.admit(channel)) {
                return;
            }
            // HTTP/1.1 only: HTTP/2 (over TLS, chosen later by ALPN) frames its headers itself.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) instanceof io.netty.handler.codec.http.HttpServerCodec) {
                RequestHeadTimeout.install(channel.pipeline(), headerTimeout);
            }
        });
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
