package io.phoenixspring.channels.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A binary payload, Phoenix's {@code {:binary, data}}: sent and received as V2 binary frames
 * over WebSocket, never as JSON.
 *
 * <pre>{@code
 * return HandleResult.reply(Reply.Status.OK, new Binary(bytes));
 * }</pre>
 *
 * @param bytes the raw bytes (not copied: treat as immutable)
 */
public record Binary(byte[] bytes) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Binary that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Binary[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
