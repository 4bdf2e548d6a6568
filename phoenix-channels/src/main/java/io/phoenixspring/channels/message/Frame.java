package io.phoenixspring.channels.message;

import java.nio.charset.StandardCharsets;

/**
 * One transport-level message: a text or binary WebSocket frame, or one entry of a long-poll
 * batch.
 *
 * <pre>{@code
 * Frame frame = Frame.text("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
 * }</pre>
 *
 * @param binary whether this is a binary frame (V2 binary payloads) rather than text (JSON)
 * @param bytes the frame's bytes; UTF-8 JSON for text frames
 */
public record Frame(boolean binary, byte[] bytes) {

    public static Frame text(byte[] utf8) {
        return new Frame(false, utf8);
    }

    public static Frame text(String text) {
        return new Frame(false, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame binary(byte[] bytes) {
        return new Frame(true, bytes);
    }

    /** The text of a text frame. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
