package io.phoenixspring.channels.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.channels.message.Binary;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How annotated channel methods are found and their arguments resolved. */
class AnnotatedChannelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Msg(String body) {
    }

    @PhoenixChannel
    static class Room {
        @Join
        JoinResult join(String topic, Map<String, Object> params) {
            return JoinResult.ok(Map.of("topic", topic, "params", params));
        }

        @HandleIn({"say", "shout"})
        HandleResult say(Msg msg, @Event String event) {
            return HandleResult.ok(Map.of("event", event, "body", msg.body()));
        }

        @HandleIn("bytes")
        HandleResult bytes(byte[] data) {
            return HandleResult.ok(new Binary(data));
        }

        @HandleIn("void")
        void nothing() {
        }

        @HandleOut("secret")
        HandleResult secret(Object payload) {
            return HandleResult.noReply();
        }

        @HandleInfo
        HandleResult text(String message) {
            return HandleResult.stop("normal");
        }
    }

    @PhoenixChannel
    static class NoJoin {
        @HandleIn("x")
        void x() {
        }
    }

    @Test
    void methodsAreMatchedByEventAndArgumentsByType() {
        AnnotatedChannel channel = AnnotatedChannel.of(new Room());
        assertThat(channel.join("room:1", JSON.readTree("{\"a\":1}"), null))
                .isEqualTo(JoinResult.ok(Map.of("topic", "room:1", "params", Map.of("a", 1))));
        assertThat(channel.handleIn("shout", JSON.readTree("{\"body\":\"hi\"}"), null))
                .isEqualTo(HandleResult.ok(Map.of("event", "shout", "body", "hi")));
        assertThat(channel.handleIn("bytes", new Binary(new byte[] {1, 2}), null)).isEqualTo(HandleResult.ok(new Binary(new byte[] {1, 2})));
        assertThat(channel.handleIn("void", JSON.readTree("{}"), null)).isEqualTo(HandleResult.noReply());
        assertThat(channel.intercepts()).containsExactly("secret");
        assertThat(channel.handleInfo("tick", null)).isEqualTo(HandleResult.stop("normal"));
        assertThat(channel.handleInfo(42, null)).isEqualTo(HandleResult.noReply());
    }

    @Test
    void unmatchedEventsAndPayloadsFailLikeAnUnmatchedClause() {
        AnnotatedChannel channel = AnnotatedChannel.of(new Room());
        assertThatThrownBy(() -> channel.handleIn("nope", JSON.readTree("{}"), fakeSocketless()))
                .isInstanceOf(UnmatchedEventException.class);
        assertThatThrownBy(() -> channel.handleIn("bytes", JSON.readTree("{}"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.handleIn("say", new Binary(new byte[1]), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChannelWithoutJoinFailsAtStartup() {
        assertThatThrownBy(() -> AnnotatedChannel.of(new NoJoin())).hasMessageContaining("without a @Join method");
    }

    @PhoenixChannel
    static class ReturnsAString {
        @Join
        JoinResult join() {
            return JoinResult.ok();
        }

        @HandleIn("ping")
        String ping() {
            return "pong";
        }
    }

    @PhoenixChannel
    static class JoinsWithNothing {
        @Join
        void join() {
        }
    }

    @PhoenixChannel
    static class AnswersLater {
        @Join
        reactor.core.publisher.Mono<JoinResult> join() {
            return reactor.core.publisher.Mono.just(JoinResult.ok());
        }

        @HandleIn("ping")
        reactor.core.publisher.Mono<HandleResult> ping() {
            return reactor.core.publisher.Mono.just(HandleResult.noReply());
        }
    }

    @Test
    void callbacksThatReturnSomethingElseFailAtStartupNamingTheMethod() {
        assertThatThrownBy(() -> AnnotatedChannel.of(new ReturnsAString()))
                .hasMessage("ReturnsAString.ping is annotated @HandleIn but returns String; it must return HandleResult "
                        + "(or nothing), or a Mono of one");
        assertThatThrownBy(() -> AnnotatedChannel.of(new JoinsWithNothing()))
                .hasMessage("JoinsWithNothing.join is annotated @Join but returns void; it must return JoinResult, or a Mono of one");
        assertThat(AnnotatedChannel.of(new AnswersLater())).isNotNull();
    }

    private static io.phoenixspring.channels.socket.Socket fakeSocketless() {
        return null;
    }

    @PhoenixChannel
    static class Follower {
        final java.util.List<String> seen = new java.util.ArrayList<>();

        @Join
        JoinResult join(String topic) {
            return JoinResult.ok();
        }

        // Declared first on purpose: the JDK may list it first, yet the Broadcast handler must win.
        @HandleInfo
        HandleResult anything(Object message) {
            seen.add("anything " + message.getClass().getSimpleName());
            return HandleResult.noReply();
        }

        @HandleInfo
        HandleResult followed(io.phoenixspring.channels.message.Broadcast broadcast) {
            seen.add("broadcast " + broadcast.event());
            return HandleResult.noReply();
        }
    }

    @PhoenixChannel
    static class OnlyStrings {
        @Join
        JoinResult join(String topic) {
            return JoinResult.ok();
        }

        @HandleInfo
        HandleResult text(String message) {
            return HandleResult.noReply();
        }
    }

    @Test
    void theMostSpecificHandleInfoWinsWhateverTheMethodOrder() {
        Follower bean = new Follower();
        AnnotatedChannel channel = AnnotatedChannel.of(bean);
        channel.handleInfo(new io.phoenixspring.channels.message.Broadcast("user:1", "notice", Map.of()), null);
        channel.handleInfo(42, null);
        assertThat(bean.seen).containsExactly("broadcast notice", "anything Integer");
    }

    @Test
    void aMessageNoHandleInfoTakesIsLoggedOnce() {
        AnnotatedChannel channel = AnnotatedChannel.of(new OnlyStrings());
        try (io.phoenixspring.channels.support.LogCapture log = new io.phoenixspring.channels.support.LogCapture()) {
            assertThat(channel.handleInfo(42, null)).isEqualTo(HandleResult.noReply());
            assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line)
                    .contains("OnlyStrings has no @HandleInfo method for java.lang.Integer").contains("message dropped"));
        }
    }
}
