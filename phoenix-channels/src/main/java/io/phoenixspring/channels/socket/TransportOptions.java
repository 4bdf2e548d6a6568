package io.phoenixspring.channels.socket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Transport settings of a mounted socket, with Phoenix's defaults where Phoenix has one.
 *
 * <pre>{@code
 * TransportOptions options = TransportOptions.defaults().withCheckOrigin(OriginCheck.CONN).withMaxChannels(10);
 * }</pre>
 *
 * @param websocketTimeout close a WebSocket that sent nothing for this long (Phoenix: 60 s)
 * @param maxFrameSize largest WebSocket frame accepted, in bytes; larger ones close the socket (1009)
 * @param compress per-message deflate on WebSocket frames
 * @param outboundLimit frames queued for one client (not yet on the network) before it counts as a
 *     slow consumer and is disconnected
 * @param outboundByteLimit bytes queued for one client before it counts as a slow consumer; a single
 *     frame larger than this still reaches a client that has nothing else waiting
 * @param maxChannels channels one socket may have joined at once; more joins are refused
 * @param longpollWindow how long a poll waits for messages (Phoenix: 10 s)
 * @param longpollPubsubTimeout how long a long-poll request waits for its session (Phoenix: 2 s)
 * @param longpollSessionMaxAge how long a long-poll session token is valid (Phoenix: 2 weeks)
 * @param checkOrigin which Origin headers are allowed
 * @param directWrites whether WebSocket frames may be written with one system call straight to the
 *     socket where that is equivalent to Netty's pipeline (plain TCP on epoll, no other handlers);
 *     TLS, compression and added handlers always use the pipeline
 * @param subprotocols the WebSocket subprotocols offered (Phoenix's {@code subprotocols}): a client
 *     asking for protocols gets the first of these it asked for, or a 403 when it asked for none of
 *     them; null (the default) accepts any request and selects no protocol but {@code phoenix}
 *     (the JS client's, with an {@code authToken})
 */
public record TransportOptions(Duration websocketTimeout, int maxFrameSize, boolean compress, int outboundLimit,
        long outboundByteLimit, int maxChannels, Duration longpollWindow, Duration longpollPubsubTimeout,
        Duration longpollSessionMaxAge, OriginCheck checkOrigin, boolean directWrites, List<String> subprotocols) {

    /** Default for {@link #outboundByteLimit}: 8 MiB. */
    public static final long DEFAULT_OUTBOUND_BYTE_LIMIT = 8L * 1024 * 1024;

    public TransportOptions {
        Objects.requireNonNull(websocketTimeout, "websocketTimeout");
        Objects.requireNonNull(longpollWindow, "longpollWindow");
        Objects.requireNonNull(longpollPubsubTimeout, "longpollPubsubTimeout");
        Objects.requireNonNull(longpollSessionMaxAge, "longpollSessionMaxAge");
        Objects.requireNonNull(checkOrigin, "checkOrigin");
        subprotocols = subprotocols == null ? null : List.copyOf(subprotocols);
        if (maxFrameSize < 1 || outboundLimit < 1 || outboundByteLimit < 1 || maxChannels < 1) {
            throw new IllegalArgumentException("maxFrameSize, outboundLimit, outboundByteLimit and maxChannels must be positive");
        }
    }

    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofSeconds(60), 1024 * 1024, false, 10_000, DEFAULT_OUTBOUND_BYTE_LIMIT,
                1_000, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofDays(14), OriginCheck.OFF, true, null);
    }

    public TransportOptions withCheckOrigin(OriginCheck check) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, check, directWrites, subprotocols);
    }

    public TransportOptions withWebsocketTimeout(Duration timeout) {
        return new TransportOptions(timeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withMaxFrameSize(int bytes) {
        return new TransportOptions(websocketTimeout, bytes, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withCompress(boolean enabled) {
        return new TransportOptions(websocketTimeout, maxFrameSize, enabled, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withOutboundLimit(int frames) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, frames, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withOutboundByteLimit(long bytes) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, bytes, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withMaxChannels(int channels) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, channels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withLongpollWindow(Duration window) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, window, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withLongpollPubsubTimeout(Duration timeout) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, timeout, longpollSessionMaxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withLongpollSessionMaxAge(Duration maxAge) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, maxAge, checkOrigin, directWrites, subprotocols);
    }

    public TransportOptions withDirectWrites(boolean enabled) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, enabled, subprotocols);
    }

    /** WebSocket subprotocols the socket speaks (Phoenix's {@code subprotocols}); null for none configured. */
    public TransportOptions withSubprotocols(List<String> protocols) {
        return new TransportOptions(websocketTimeout, maxFrameSize, compress, outboundLimit, outboundByteLimit, maxChannels, longpollWindow, longpollPubsubTimeout, longpollSessionMaxAge, checkOrigin, directWrites, protocols);
    }
}
