package io.phoenixspring.channels.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw WebSocket client (the JDK's) for wire-level tests: frames go out exactly as written and
 * come back exactly as the server sent them.
 */
public final class RawClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HttpClient tlsHttp;

    /** The JDK client for {@code url}: over {@code wss://} one that trusts the test's {@link SelfSignedTls} certificate. */
    private static synchronized HttpClient http(String url) {
        if (!url.startsWith("wss:")) {
            return HTTP;
        }
        if (tlsHttp == null) {
            tlsHttp = HttpClient.newBuilder().sslContext(SelfSignedTls.get().clientContext()).build();
        }
        return tlsHttp;
    }

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket webSocket;

    public static RawClient connect(String url) {
        return connect(url, null);
    }

    public static RawClient connect(String url, String origin) {
        return connect(url, origin, new String[0]);
    }

    /** Connects with extra request headers. */
    public static RawClient connectWithHeaders(String url, java.util.Map<String, String> headers) {
        RawClient client = new RawClient();
        WebSocket.Builder builder = http(url).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.webSocket = builder.buildAsync(URI.create(url), client).join();
        return client;
    }

    /** Connects asking for subprotocols, as the JS client does when given an authToken. */
    public static RawClient connect(String url, String origin, String... subprotocols) {
        RawClient client = new RawClient();
        WebSocket.Builder builder = http(url).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.webSocket = builder.buildAsync(URI.create(url), client).join();
        return client;
    }

    /** Connects expecting the upgrade to be refused; returns the HTTP status. */
    public static int refusal(String url, String origin) {
        try {
            connect(url, origin).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }

    public static int refusal(String url) {
        return refusal(url, null);
    }

    /** The subprotocol the server selected, empty when none. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    public RawClient send(String frame) {
        webSocket.sendText(frame, true).join();
        return this;
    }

    public RawClient sendBinary(byte[] frame) {
        webSocket.sendBinary(ByteBuffer.wrap(frame), true).join();
        return this;
    }

    /** The next frame: a String for text, hex (prefixed "bin:") for binary. */
    public String next() {
        return next(Duration.ofSeconds(5));
    }

    /** The next frame, waiting up to {@code timeout}. */
    public String next(Duration timeout) {
        try {
            Object frame = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout.toMillis() + " ms");
            }
            return shown(frame);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(Object frame) {
        return frame instanceof byte[] bytes ? "bin:" + HexFormat.of().formatHex(bytes) : (String) frame;
    }

    /** Skips frames until one matches; fails after 5 s. */
    public String await(Predicate<String> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    /** The frames that arrive until {@code quiet} passes without one. */
    public List<String> drain(Duration quiet) {
        List<String> frames = new ArrayList<>();
        try {
            Object frame;
            while ((frame = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                frames.add(shown(frame));
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return frames;
    }

    /** Asserts nothing arrives for {@code wait}. */
    public Object nothingFor(Duration wait) {
        try {
            return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent, waiting up to {@code wait}. */
    public int closeCode(Duration wait) {
        try {
            return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close within " + wait, e);
        }
    }

    public int closeAndAwait(int code) {
        webSocket.sendClose(code, "").join();
        return closeCode(Duration.ofSeconds(5));
    }

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            inbox.add(text.toString());
            text.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            inbox.add(binary.toByteArray());
            binary.reset();
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closeCode.complete(-1);
    }

    /**
     * A V2 binary frame as the protocol lays it out: kind (0 push, 1 reply, 2 broadcast), the
     * lengths of the four fields, the fields, then the payload.
     */
    public static byte[] binaryFrame(int kind, String joinRef, String ref, String topic, String event, byte[] payload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[][] fields = {joinRef.getBytes(), ref.getBytes(), topic.getBytes(), event.getBytes()};
        out.write(kind);
        for (byte[] field : fields) {
            out.write(field.length);
        }
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Drops the connection without a close handshake, as a vanished client. */
    public void abort() {
        webSocket.abort();
    }

    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(1000, "").exceptionally(e -> null);
        }
        webSocket.abort();
    }
}
