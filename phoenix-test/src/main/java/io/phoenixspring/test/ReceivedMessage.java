package io.phoenixspring.test;

import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Binary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * A frame the socket sent to the test client, decoded from V2: a push or broadcast
 * ({@code event}, {@code payload}) or a reply ({@code phx_reply}: status and response).
 */
record ReceivedMessage(String joinRef, String ref, String topic, String event, Object payload) {

    boolean isReply() {
        return "phx_reply".equals(event);
    }

    String status() {
        if (payload instanceof ReplyPayload reply) {
            return reply.status();
        }
        return ((JsonNode) payload).path("status").asString();
    }

    Object response() {
        if (payload instanceof ReplyPayload reply) {
            return reply.response();
        }
        return ((JsonNode) payload).get("response");
    }

    /** A binary reply: the status is in the frame header, the response is raw bytes. */
    record ReplyPayload(String status, Object response) {
    }

    static ReceivedMessage decode(Frame frame) {
        if (!frame.binary()) {
            JsonNode array = Payloads.MAPPER.readTree(frame.bytes());
            return new ReceivedMessage(text(array.get(0)), text(array.get(1)), text(array.get(2)), text(array.get(3)),
                    array.get(4));
        }
        byte[] bytes = frame.bytes();
        int kind = bytes[0];
        if (kind == 1) {
            int jl = bytes[1] & 0xFF;
            int rl = bytes[2] & 0xFF;
            int tl = bytes[3] & 0xFF;
            int sl = bytes[4] & 0xFF;
            int at = 5;
            String joinRef = new String(bytes, at, jl, StandardCharsets.UTF_8);
            String ref = new String(bytes, at += jl, rl, StandardCharsets.UTF_8);
            String topic = new String(bytes, at += rl, tl, StandardCharsets.UTF_8);
            String status = new String(bytes, at += tl, sl, StandardCharsets.UTF_8);
            at += sl;
            return new ReceivedMessage(joinRef, ref, topic, "phx_reply",
                    new ReplyPayload(status, new Binary(Arrays.copyOfRange(bytes, at, bytes.length))));
        }
        if (kind == 0) {
            int jl = bytes[1] & 0xFF;
            int tl = bytes[2] & 0xFF;
            int el = bytes[3] & 0xFF;
            int at = 4;
            String joinRef = new String(bytes, at, jl, StandardCharsets.UTF_8);
            String topic = new String(bytes, at += jl, tl, StandardCharsets.UTF_8);
            String event = new String(bytes, at += tl, el, StandardCharsets.UTF_8);
            at += el;
            return new ReceivedMessage(joinRef, null, topic, event, new Binary(Arrays.copyOfRange(bytes, at, bytes.length)));
        }
        int tl = bytes[1] & 0xFF;
        int el = bytes[2] & 0xFF;
        String topic = new String(bytes, 3, tl, StandardCharsets.UTF_8);
        String event = new String(bytes, 3 + tl, el, StandardCharsets.UTF_8);
        return new ReceivedMessage(null, null, topic, event, new Binary(Arrays.copyOfRange(bytes, 3 + tl + el, bytes.length)));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isString() ? node.stringValue() : node.toString();
    }

    @Override
    public String toString() {
        return "[" + joinRef + ", " + ref + ", " + topic + ", " + event + ", " + payload + "]";
    }
}
