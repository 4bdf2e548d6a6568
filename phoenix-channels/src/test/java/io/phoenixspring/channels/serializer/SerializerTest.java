package io.phoenixspring.channels.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.message.Message;
import io.phoenixspring.channels.message.Reply;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phoenix.Socket.V1.JSONSerializer and V2.JSONSerializer, frame by frame. */
class SerializerTest {

    private static final Serializer V1 = V1JsonSerializer.INSTANCE;
    private static final Serializer V2 = V2JsonSerializer.INSTANCE;

    @Test
    void vsnPicksTheSerializerAsPhoenixDoes() {
        assertThat(Serializers.defaults().forVsn(null)).isSameAs(V1);
        assertThat(Serializers.defaults().forVsn("1.0.0")).isSameAs(V1);
        assertThat(Serializers.defaults().forVsn("2.0.0")).isSameAs(V2);
        assertThat(Serializers.defaults().forVsn("2.0.5")).isSameAs(V2);
        assertThat(Serializers.defaults().forVsn("2.1.0")).isNull();
        assertThat(Serializers.defaults().forVsn("3.0.0")).isNull();
        assertThat(Serializers.defaults().forVsn("x")).isNull();
        assertThat(Serializers.defaults().forVsn("")).isNull();
    }

    @Test
    void v2TextFramesAreArraysOfFive() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("z", 1);
        payload.put("a", 2);
        assertThat(V2.encode(new Message("room:1", "new_msg", payload, null, "3")).text())
                .isEqualTo("[\"3\",null,\"room:1\",\"new_msg\",{\"a\":2,\"z\":1}]");
        assertThat(V2.encode(new Reply("room:1", "ok", Map.of(), "4", "3")).text())
                .isEqualTo("[\"3\",\"4\",\"room:1\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
        assertThat(V2.fastlane(new Broadcast("room:1", "e", Map.of("k", "v"))).text())
                .isEqualTo("[null,null,\"room:1\",\"e\",{\"k\":\"v\"}]");
        Message decoded = V2.decode(Frame.text("[\"1\",\"2\",\"room:1\",\"ping\",{\"a\":[1,2]}]"));
        assertThat(decoded.joinRef()).isEqualTo("1");
        assertThat(decoded.ref()).isEqualTo("2");
        assertThat(decoded.topic()).isEqualTo("room:1");
        assertThat(decoded.event()).isEqualTo("ping");
        assertThat(decoded.payload().toString()).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void v2BinaryFramesForPushReplyAndBroadcast() {
        byte[] data = {0, 1, 2, (byte) 0xff};
        assertThat(HexFormat.of().formatHex(V2.encode(new Reply("room:bin", "ok", new Binary(data), "2", "1")).bytes()))
                .isEqualTo("01010108023132726f6f6d3a62696e6f6b000102ff");
        assertThat(HexFormat.of().formatHex(V2.fastlane(new Broadcast("t", "e", new Binary(data))).bytes()))
                .isEqualTo("020101" + "74" + "65" + "000102ff");
        assertThat(HexFormat.of().formatHex(V2.encode(new Message("t", "e", new Binary(data), null, "9")).bytes()))
                .isEqualTo("00010101" + "39" + "74" + "65" + "000102ff");
        Message push = V2.decode(Frame.binary(HexFormat.of().parseHex("00010108063132726f6f6d3a62696e62696e617279000102fffe")));
        assertThat(push.topic()).isEqualTo("room:bin");
        assertThat(push.event()).isEqualTo("binary");
        assertThat(push.payload()).isEqualTo(new Binary(HexFormat.of().parseHex("000102fffe")));
        Message noJoinRef = V2.decode(Frame.binary(HexFormat.of().parseHex("0000010709367068 6f656e6978686561727462656174".replace(" ", ""))));
        assertThat(noJoinRef.joinRef()).isNull();
    }

    @Test
    void v1ObjectsNeverCarryJoinRef() {
        assertThat(V1.encode(new Reply("room:1", "ok", Map.of("a", 1), "4", "3")).text())
                .isEqualTo("{\"event\":\"phx_reply\",\"payload\":{\"response\":{\"a\":1},\"status\":\"ok\"},\"ref\":\"4\",\"topic\":\"room:1\"}");
        assertThat(V1.fastlane(new Broadcast("room:1", "e", Map.of())).text())
                .isEqualTo("{\"event\":\"e\",\"payload\":{},\"ref\":null,\"topic\":\"room:1\"}");
        Message withJoinRef = V1.decode(Frame.text("{\"topic\":\"t\",\"event\":\"e\",\"payload\":{},\"ref\":\"1\",\"join_ref\":\"9\"}"));
        assertThat(withJoinRef.joinRef()).isEqualTo("9");
        assertThatThrownBy(() -> V1.encode(new Reply("t", "ok", new Binary(new byte[1]), "1", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedFramesAreInvalidMessages() {
        for (String bad : new String[] {"not json", "{}", "[1,2,3]", "{\"topic\":\"x\"}", "null", "[\"1\",\"1\",\"t\",\"e\",{},6]"}) {
            assertThatThrownBy(() -> V2.decode(Frame.text(bad))).as(bad).isInstanceOf(InvalidMessageException.class);
        }
        for (String bad : new String[] {"[]", "{\"topic\":\"t\",\"event\":\"e\",\"payload\":{}}", "3"}) {
            assertThatThrownBy(() -> V1.decode(Frame.text(bad))).as(bad).isInstanceOf(InvalidMessageException.class);
        }
        assertThatThrownBy(() -> V2.decode(Frame.binary(new byte[] {1, 0, 0, 0, 0}))).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> V2.decode(Frame.binary(new byte[] {0, 9, 9, 9, 9, 1}))).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> V1.decode(Frame.binary(new byte[] {0, 0, 0, 0, 0}))).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void nonStringTopicsAreUnroutableAndEchoedAsSent() {
        assertThatThrownBy(() -> V2.decode(Frame.text("[1,2,3,4,5]")))
                .isInstanceOfSatisfying(UnroutableMessageException.class, e -> assertThat(e.reply().text())
                        .isEqualTo("[null,2,3,\"phx_reply\",{\"response\":{\"reason\":\"unmatched topic\"},\"status\":\"error\"}]"));
    }
}
