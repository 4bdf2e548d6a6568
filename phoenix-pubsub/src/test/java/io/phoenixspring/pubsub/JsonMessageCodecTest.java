package io.phoenixspring.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonMessageCodecTest {

    record UserUpdate(long id, String name, List<String> roles) {
    }

    record Wrapper(UserUpdate user) {
    }

    private final JsonMessageCodec codec = new JsonMessageCodec().register("user_update", UserUpdate.class);

    private Object roundTrip(Object message) {
        return codec.decode(codec.encode(message));
    }

    @Test
    void plainValuesRoundTripAsJsonTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("id", 123);
        nested.put("big", 1L << 40);
        nested.put("huge", new BigInteger("123456789012345678901234567890"));
        nested.put("ratio", 0.5);
        nested.put("ok", true);
        nested.put("none", null);
        nested.put("tags", List.of("a", "b"));
        nested.put("set", Set.of(1));
        nested.put("inner", Map.of("k", List.of(Map.of("x", "y"))));

        Object back = roundTrip(nested);

        assertThat(back).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) back;
        assertThat(map).containsEntry("id", 123).containsEntry("big", 1L << 40)
                .containsEntry("huge", new BigInteger("123456789012345678901234567890"))
                .containsEntry("ratio", 0.5).containsEntry("ok", true).containsEntry("none", null)
                .containsEntry("tags", List.of("a", "b")).containsEntry("set", List.of(1))
                .containsEntry("inner", Map.of("k", List.of(Map.of("x", "y"))));
        assertThat(roundTrip("text")).isEqualTo("text");
        assertThat(roundTrip(null)).isNull();
        assertThat(roundTrip(42)).isEqualTo(42);
    }

    @Test
    void registeredTypesRoundTripAsThemselves() {
        UserUpdate update = new UserUpdate(123, "Shane", List.of("admin"));
        byte[] bytes = codec.encode(update);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"user_update\",\"value\":{\"id\":123,\"name\":\"Shane\",\"roles\":[\"admin\"]}}");
        assertThat(codec.decode(bytes)).isEqualTo(update);
    }

    @Test
    void unregisteredTypesAreRefusedWithAHint() {
        assertThatThrownBy(() -> codec.encode(new Wrapper(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message is a " + Wrapper.class.getName())
                .hasMessageContaining("register it with JsonMessageCodec.register(alias, Wrapper.class)");
        assertThatThrownBy(() -> codec.encode(Map.of("when", new java.util.Date())))
                .hasMessageContaining("message.when is a java.util.Date");
        assertThatThrownBy(() -> codec.encode(Map.of(1, "x"))).hasMessageContaining("non-String key");
    }

    @Test
    void registeredTypesNestedInPlainValuesAreRefusedRatherThanSilentlyTurnedIntoMaps() {
        assertThatThrownBy(() -> codec.encode(List.of(new UserUpdate(1, "a", List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message[0]")
                .hasMessageContaining("only allowed as the whole message");
    }

    @Test
    void decodingNeverTakesAClassNameFromTheWire() {
        byte[] hostile = "{\"type\":\"java.lang.ProcessBuilder\",\"value\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(hostile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'java.lang.ProcessBuilder', which is not registered");
        byte[] polymorphic = "{\"value\":[\"java.net.URL\",\"http://x\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(polymorphic)).isEqualTo(List.of("java.net.URL", "http://x"));
    }

    @Test
    void malformedPayloadsAreRefused() {
        assertThatThrownBy(() -> codec.decode("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"value\" field");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"user_update\",\"value\":{\"id\":\"nope\"}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot decode payload");
    }

    @Test
    void registrationConflictsAreRefused() {
        codec.register("user_update", UserUpdate.class);
        assertThatThrownBy(() -> codec.register("user_update", Wrapper.class))
                .hasMessageContaining("'user_update' is already registered for");
        assertThatThrownBy(() -> codec.register("other", UserUpdate.class))
                .hasMessageContaining("already registered as 'user_update'");
        assertThatThrownBy(() -> codec.register("", Wrapper.class)).hasMessageContaining("must not be empty");
    }

    @Test
    void wireFormatRoundTripsAndDescribesBadFrames() {
        Envelope envelope = new Envelope("node-a", "node-b", "room:ünïcode", "phoenix.default", "json",
                "{\"value\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] frame = NodeFrame.encode(envelope);

        assertThat(frame[0]).isEqualTo((byte) 'P');
        assertThat(frame[1]).isEqualTo((byte) 1);
        Envelope back = NodeFrame.decode(frame);
        assertThat(back.origin()).isEqualTo("node-a");
        assertThat(back.target()).isEqualTo("node-b");
        assertThat(back.topic()).isEqualTo("room:ünïcode");
        assertThat(back.dispatcher()).isEqualTo("phoenix.default");
        assertThat(back.codec()).isEqualTo("json");
        assertThat(back.payload()).isEqualTo(envelope.payload());

        Envelope toAll = NodeFrame.decode(NodeFrame.encode(
                new Envelope("a", null, "t", "d", "json", new byte[0])));
        assertThat(toAll.target()).isNull();

        byte[] future = frame.clone();
        future[1] = 2;
        assertThatThrownBy(() -> NodeFrame.decode(future)).isInstanceOf(NodeFrame.UnsupportedVersionException.class)
                .hasMessage("frame has wire-format version 2; this node reads version 1");
        byte[] notOurs = frame.clone();
        notOurs[0] = '{';
        assertThatThrownBy(() -> NodeFrame.decode(notOurs)).hasMessageContaining("bad magic byte");
        assertThatThrownBy(() -> NodeFrame.decode(Arrays.copyOf(frame, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> NodeFrame.encode(new Envelope("a", null, "x".repeat(70_000), "d", "json", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic is 70000 bytes of UTF-8; at most 65535 can cross nodes");
    }
}
