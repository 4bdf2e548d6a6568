package io.phoenixspring.presence.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw WebSocket client (the JDK's): text frames out exactly as written, in exactly as sent. */
public final class RawClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket webSocket;

    public static RawClient connect(String url) {
        RawClient client = new RawClient();
        client.webSocket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), client).join();
        return client;
    }

    public RawClient send(String frame) {
        webSocket.sendText(frame, true).join();
        return this;
    }

    public String next() {
        return next(Duration.ofSeconds(5));
    }

    public String next(Duration timeout) {
        try {
            String frame = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout.toMillis() + " ms");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The frames received within {@code quiet} of silence (draining). */
    public List<String> drain(Duration quiet) {
        List<String> frames = new ArrayList<>();
        try {
            String frame;
            while ((frame = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                frames.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return frames;
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

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            inbox.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        closeCode.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> 0).join();
    }
}
