package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;
import io.phoenixspring.pubsub.PhoenixJson;
import tools.jackson.databind.JsonNode;

/**
 * Phoenix.Socket.V1.JSONSerializer ({@code vsn=1.0.0}, and the default when {@code vsn} is
 * absent): JSON objects {@code {"event","payload","ref","topic"}}. The server never sends
 * {@code join_ref} in V1, and V1 has no binary frames.
 */
public final class V1JsonSerializer implements Serializer {

    /** With Jackson's defaults and the wire's settings ({@link PhoenixJson#defaults()}). */
    public static final V1JsonSerializer INSTANCE = new V1JsonSerializer(PhoenixJson.defaults());

    private final Json json;

    /** A serializer writing with {@code json}, Phoenix's one JSON configuration. */
    public V1JsonSerializer(PhoenixJson json) {
        this.json = new Json(json);
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Frame fastlane(Broadcast broadcast) {
        return object(broadcast.topic(), broadcast.event(), broadcast.payload(), null);
    }

    @Override
    public Frame encode(Message message) {
        return object(message.topic(), message.event(), message.payload(), message.ref());
    }

    @Override
    public Frame encode(Reply reply) {
        return Frame.text(json.write(g -> {
            g.writeStartObject();
            g.writeName("event");
            g.writeString("phx_reply");
            g.writeName("payload");
            g.writeStartObject();
            g.writeName("response");
            Json.writeValue(g, reply.payload());
            g.writeName("status");
            g.writeString(reply.status());
            g.writeEndObject();
            g.writeName("ref");
            Json.writeStringOrNull(g, reply.ref());
            g.writeName("topic");
            g.writeString(reply.topic());
            g.writeEndObject();
        }));
    }

    private Frame object(String topic, String event, Object payload, String ref) {
        return Frame.text(json.write(g -> {
            g.writeStartObject();
            g.writeName("event");
            g.writeString(event);
            g.writeName("payload");
            Json.writeValue(g, payload);
            g.writeName("ref");
            Json.writeStringOrNull(g, ref);
            g.writeName("topic");
            g.writeString(topic);
            g.writeEndObject();
        }));
    }

    @Override
    public Message decode(Frame frame) {
        if (frame.binary()) {
            throw new InvalidMessageException("the V1 serializer has no binary frames");
        }
        JsonNode map = json.parse(frame.bytes());
        if (!map.isObject()) {
            throw new InvalidMessageException("V1 JSON serializer expected an object");
        }
        for (String key : new String[] {"topic", "event", "payload", "ref"}) {
            if (!map.has(key)) {
                throw new InvalidMessageException("missing key \"" + key + "\" in V1 message");
            }
        }
        JsonNode topic = map.get("topic");
        JsonNode event = map.get("event");
        if (!topic.isString() || !event.isString()) {
            throw new UnroutableMessageException(Frame.text(json.write(g -> {
                g.writeStartObject();
                g.writeName("event");
                g.writeString("phx_reply");
                g.writeName("payload");
                g.writeStartObject();
                g.writeName("response");
                g.writeStartObject();
                g.writeName("reason");
                g.writeString("unmatched topic");
                g.writeEndObject();
                g.writeName("status");
                g.writeString("error");
                g.writeEndObject();
                g.writeName("ref");
                g.writeTree(map.get("ref"));
                g.writeName("topic");
                g.writeTree(topic);
                g.writeEndObject();
            })));
        }
        return new Message(topic.stringValue(), event.stringValue(), map.get("payload"),
                Json.refText(map.get("ref")), Json.refText(map.get("join_ref")));
    }
}
