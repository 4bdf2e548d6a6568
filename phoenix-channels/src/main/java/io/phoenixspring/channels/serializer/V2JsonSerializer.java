package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;
import io.phoenixspring.pubsub.PhoenixJson;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Phoenix.Socket.V2.JSONSerializer ({@code vsn=2.0.0}, the JS client's default): text frames
 * are JSON arrays {@code [join_ref, ref, topic, event, payload]}; binary payloads travel in
 * binary frames whose first byte says push (0), reply (1) or broadcast (2), followed by one-byte
 * lengths of the strings that follow.
 */
public final class V2JsonSerializer implements Serializer {

    /** With Jackson's defaults and the wire's settings ({@link PhoenixJson#defaults()}). */
    public static final V2JsonSerializer INSTANCE = new V2JsonSerializer(PhoenixJson.defaults());

    private final Json json;

    private static final int PUSH = 0;
    private static final int REPLY = 1;
    private static final int BROADCAST = 2;

    /** A serializer writing with {@code json}, Phoenix's one JSON configuration. */
    public V2JsonSerializer(PhoenixJson json) {
        this.json = new Json(json);
    }

    @Override
    public String version() {
        return "2.0.0";
    }

    @Override
    public Frame fastlane(Broadcast broadcast) {
        if (broadcast.payload() instanceof Binary binary) {
            return binaryFrame(BROADCAST, null, null, broadcast.topic(), broadcast.event(), binary.bytes());
        }
        return array(null, null, broadcast.topic(), broadcast.event(), broadcast.payload());
    }

    @Override
    public Frame encode(Message message) {
        if (message.payload() instanceof Binary binary) {
            return binaryFrame(PUSH, message.joinRef(), null, message.topic(), message.event(), binary.bytes());
        }
        return array(message.joinRef(), message.ref(), message.topic(), message.event(), message.payload());
    }

    @Override
    public Frame encode(Reply reply) {
        if (reply.payload() instanceof Binary binary) {
            return binaryFrame(REPLY, reply.joinRef(), reply.ref(), reply.topic(), reply.status(), binary.bytes());
        }
        return Frame.text(json.write(g -> {
            g.writeStartArray();
            Json.writeStringOrNull(g, reply.joinRef());
            Json.writeStringOrNull(g, reply.ref());
            g.writeString(reply.topic());
            g.writeString("phx_reply");
            g.writeStartObject();
            g.writeName("response");
            Json.writeValue(g, reply.payload());
            g.writeName("status");
            g.writeString(reply.status());
            g.writeEndObject();
            g.writeEndArray();
        }));
    }

    private Frame array(String joinRef, String ref, String topic, String event, Object payload) {
        return Frame.text(json.write(g -> {
            g.writeStartArray();
            Json.writeStringOrNull(g, joinRef);
            Json.writeStringOrNull(g, ref);
            g.writeString(topic);
            g.writeString(event);
            Json.writeValue(g, payload);
            g.writeEndArray();
        }));
    }

    /** Push: join_ref, topic, event. Reply: join_ref, ref, topic, status. Broadcast: topic, event. */
    private Frame binaryFrame(int kind, String joinRef, String ref, String topic, String event, byte[] data) {
        byte[][] fields = switch (kind) {
            case PUSH -> new byte[][] {utf8(joinRef), utf8(topic), utf8(event)};
            case REPLY -> new byte[][] {utf8(joinRef), utf8(ref), utf8(topic), utf8(event)};
            default -> new byte[][] {utf8(topic), utf8(event)};
        };
        int length = 1 + fields.length + data.length;
        for (byte[] field : fields) {
            if (field.length > 255) {
                throw new IllegalArgumentException("binary frame fields are at most 255 bytes");
            }
            length += field.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        out[at++] = (byte) kind;
        for (byte[] field : fields) {
            out[at++] = (byte) field.length;
        }
        for (byte[] field : fields) {
            System.arraycopy(field, 0, out, at, field.length);
            at += field.length;
        }
        System.arraycopy(data, 0, out, at, data.length);
        return Frame.binary(out);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Message decode(Frame frame) {
        return frame.binary() ? decodeBinary(frame.bytes()) : decodeText(frame.bytes());
    }

    private Message decodeText(byte[] bytes) {
        JsonNode array = json.parse(bytes);
        if (!array.isArray() || array.size() != 5) {
            throw new InvalidMessageException("V2 messages are arrays of five: [join_ref, ref, topic, event, payload]");
        }
        JsonNode topic = array.get(2);
        JsonNode event = array.get(3);
        if (!topic.isString() || !event.isString()) {
            throw new UnroutableMessageException(Frame.text(json.write(g -> {
                g.writeStartArray();
                g.writeNull();
                g.writeTree(array.get(1));
                g.writeTree(topic);
                g.writeString("phx_reply");
                g.writeStartObject();
                g.writeName("response");
                g.writeStartObject();
                g.writeName("reason");
                g.writeString("unmatched topic");
                g.writeEndObject();
                g.writeName("status");
                g.writeString("error");
                g.writeEndObject();
                g.writeEndArray();
            })));
        }
        return new Message(topic.stringValue(), event.stringValue(), array.get(4), Json.refText(array.get(1)),
                Json.refText(array.get(0)));
    }

    private static Message decodeBinary(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != PUSH) {
            throw new InvalidMessageException("clients may only send binary pushes (kind 0)");
        }
        int joinRefLength = bytes[1] & 0xFF;
        int refLength = bytes[2] & 0xFF;
        int topicLength = bytes[3] & 0xFF;
        int eventLength = bytes[4] & 0xFF;
        int at = 5;
        if (at + joinRefLength + refLength + topicLength + eventLength > bytes.length) {
            throw new InvalidMessageException("binary push shorter than its header says");
        }
        String joinRef = new String(bytes, at, joinRefLength, StandardCharsets.UTF_8);
        at += joinRefLength;
        String ref = new String(bytes, at, refLength, StandardCharsets.UTF_8);
        at += refLength;
        String topic = new String(bytes, at, topicLength, StandardCharsets.UTF_8);
        at += topicLength;
        String event = new String(bytes, at, eventLength, StandardCharsets.UTF_8);
        at += eventLength;
        byte[] payload = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
        return new Message(topic, event, new Binary(payload), ref.isEmpty() ? null : ref,
                joinRef.isEmpty() ? null : joinRef);
    }
}
