package io.phoenixspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.channels.channel.Event;
import io.phoenixspring.channels.channel.HandleIn;
import io.phoenixspring.channels.channel.HandleOut;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.Join;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.server.ChannelsMetrics;
import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import io.phoenixspring.pubsub.PubSub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The testing_channels guide's examples, in Java, against ChannelTest itself. */
class ChannelTestTest {

    @PhoenixChannel
    static class RoomChannel {
        @Join
        JoinResult join(String topic, Socket socket) {
            return topic.equals("room:secret") ? JoinResult.error(Map.of("reason", "unauthorized")) : JoinResult.ok(Map.of("user", String.valueOf(socket.assigns().getOrDefault("user", "anonymous"))));
        }

        @HandleIn("ping")
        HandleResult ping(Object payload) {
            return HandleResult.ok(payload);
        }

        @HandleIn("shout")
        HandleResult shout(Map<String, Object> payload, Socket socket) {
            socket.broadcast("shout", payload);
            return HandleResult.noReply();
        }

        @HandleIn("whisper")
        HandleResult whisper(Map<String, Object> payload, Socket socket) {
            socket.push("whisper", payload);
            return HandleResult.noReply();
        }

        @HandleIn("binary")
        HandleResult binary(byte[] bytes) {
            return HandleResult.ok(new Binary(bytes));
        }

        @HandleIn("stop")
        HandleResult stop() {
            return HandleResult.stop("normal");
        }

        @HandleOut("secret")
        HandleResult secret(Object payload, Socket socket) {
            socket.push("secret", Map.of("redacted", true));
            return HandleResult.noReply();
        }

        @HandleIn
        HandleResult other(@Event String event, Socket socket) {
            throw new UnmatchedEventException(event, socket.topic());
        }
    }

    /** A channel no route of UserSocket names. */
    @PhoenixChannel
    static class LobbyChannel {
        @Join
        JoinResult join(String topic, Map<String, Object> payload, Socket socket) {
            return JoinResult.ok(Map.of("channel", "lobby", "user", String.valueOf((Object) socket.assign("user")),
                    "payload", payload));
        }

        @HandleIn("shout")
        HandleResult shout(Map<String, Object> payload, Socket socket) {
            socket.broadcast("shout", payload);
            return HandleResult.noReply();
        }
    }

    static class UserSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", new RoomChannel());
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            if (!"secret".equals(params.get("token"))) {
                return ConnectResult.error("invalid token");
            }
            socket.assign("user", params.get("user"));
            return ConnectResult.ok();
        }

        @Override
        public String id(Socket socket) {
            return "user_socket:" + socket.assign("user");
        }
    }

    /** A members-only socket: Spring Security's user and the browser session, as ConnectInfo carries them. */
    @io.phoenixspring.channels.socket.PhoenixSocket(path = "/members", session = true, authenticated = true)
    static class MemberSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*", new RoomChannel());
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            if (info.session() == null) {
                return ConnectResult.error("no session");
            }
            socket.assign("user", info.principal() == null ? "anonymous" : info.principal().getName());
            socket.assign("visit", info.session().get("visit"));
            return ConnectResult.ok();
        }
    }

    private record User(String getName) implements java.security.Principal {
    }

    @Test
    void connectInfoCarriesASignedInUserAndSession() {
        MemberSocket members = new MemberSocket();
        ChannelTest withMembers = new ChannelTest(runtime, type -> type == MemberSocket.class ? members : null);
        ConnectInfo alice = ConnectInfo.none().withPrincipal(new User("alice")).withSession(Map.of("visit", "v1"));

        ChannelTest.TestSocket socket = withMembers.connect(MemberSocket.class, Map.of(), alice).orElseThrow();
        assertThat(socket.assigns()).containsEntry("user", "alice").containsEntry("visit", "v1");
        // authenticated = true: no user, no connect (connect never runs, as over the network).
        assertThat(withMembers.connect(MemberSocket.class, Map.of(), ConnectInfo.none().withSession(Map.of("visit", "v1"))))
                .isEmpty();
        assertThat(withMembers.connect(MemberSocket.class, Map.of(), ConnectInfo.none().withPrincipal(new User("bob"))))
                .isEmpty();
    }

    private final PubSub pubSub = PubSub.builder().build();
    private final SocketRuntime runtime = new SocketRuntime(pubSub, ChannelsMetrics.noop());
    private final ChannelTest channels = new ChannelTest(runtime, type -> null);
    private final UserSocket userSocket = new UserSocket();

    @AfterEach
    void close() {
        runtime.close();
        pubSub.close();
    }

    @Test
    void theAssertTimeoutIsTheHelpersToSet() {
        assertThat(channels.assertTimeout()).isEqualTo(ChannelTest.ASSERT_TIMEOUT);
        ChannelTest.Joined room = channels.assertTimeout(Duration.ofMillis(200)).socket(userSocket, "user_id", Map.of())
                .join("room:lobby");
        long started = System.nanoTime();
        assertThatThrownBy(() -> room.assertPush("never", Map.of())).isInstanceOf(AssertionError.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> channels.assertTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pingRepliesWithStatusOk() {
        ChannelTest.Joined room = channels.socket(userSocket, "user_id", Map.of("user", "ada")).subscribeAndJoin("room:lobby");

        room.assertJoined(Map.of("user", "ada"));
        String ref = room.push("ping", Map.of("hello", "there"));
        room.assertReply(ref, "ok", Map.of("hello", "there"));
    }

    @Test
    void shoutBroadcastsToRoomLobby() {
        ChannelTest.Joined room = channels.socket(userSocket, "user_id", Map.of("user", "ada")).subscribeAndJoin("room:lobby");

        room.push("shout", Map.of("hello", "all"));
        room.assertBroadcast("shout", Map.of("hello", "all"));
        room.assertPush("shout", "{\"hello\":\"all\"}");
    }

    @Test
    void broadcastsArePushedToTheClient() {
        ChannelTest.Joined room = channels.socket(userSocket, "user_id", Map.of()).subscribeAndJoin("room:lobby");

        room.broadcastFrom("broadcast", Map.of("some", "data"));
        room.refutePush("broadcast", Duration.ofMillis(100));
        channels.broadcast("room:lobby", "broadcast", Map.of("some", "data"));
        room.assertPush("broadcast", Map.of("some", "data"));
        channels.broadcast("room:lobby", "secret", Map.of("password", "x"));
        room.assertPush("secret", Map.of("redacted", true));
    }

    @Test
    void connectRunsTheSocketsConnect() {
        assertThat(channels.connect(userSocket, Map.of("token", "wrong"))).isEmpty();
        ChannelTest.TestSocket socket = channels.connect(userSocket, Map.of("token", "secret", "user", "bob")).orElseThrow();
        assertThat(socket.assigns()).containsEntry("user", "bob");
        assertThat(socket.id()).isEqualTo("user_socket:bob");
    }

    @Test
    void refusedJoinsRepliesPushesAndBinary() {
        ChannelTest.TestSocket socket = channels.socket(userSocket, "user_id", Map.of());
        ChannelTest.Joined refused = socket.join("room:secret");
        assertThat(refused.joined()).isFalse();
        // Plain Java values: the reply compares with a Map (Phoenix: {:error, %{reason: "unauthorized"}}).
        assertThat(refused.joinResponse()).isEqualTo(Map.of("reason", "unauthorized"));
        refused.assertJoinRefused(Map.of("reason", "unauthorized"));
        assertThatThrownBy(() -> refused.assertJoinRefused(Map.of("reason", "locked"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> socket.join("room:2").assertJoinRefused(Map.of("reason", "unauthorized")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("to be refused, but it succeeded");
        assertThat(socket.join("room:3").joinResponse()).isEqualTo(Map.of("user", "anonymous"));

        ChannelTest.Joined room = socket.join("room:1");
        room.push("whisper", Map.of("to", "you"));
        room.assertPush("whisper", Map.of("to", "you"));
        String ref = room.push("binary", new Binary(new byte[] {1, 2}));
        room.assertReply(ref, "ok", new Binary(new byte[] {1, 2}));
        String missing = room.push("ping", Map.of());
        room.assertReply(missing, "ok");
        room.refuteReply("999", Duration.ofMillis(50));
        assertThatThrownBy(() -> room.assertReply(missing, "ok")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("received instead");
    }

    @Test
    void leaveCloseStopAndCrash() {
        ChannelTest.TestSocket socket = channels.socket(userSocket, "user_id", Map.of());
        ChannelTest.Joined room = socket.join("room:1");
        room.assertReply(room.leave(), "ok");
        room.assertClosed();

        ChannelTest.Joined stopped = socket.join("room:2");
        stopped.push("stop");
        stopped.assertClosed();

        ChannelTest.Joined crashed = socket.join("room:3");
        crashed.push("no_such_event");
        crashed.assertCrashed();

        socket.close();
    }

    @Test
    void joinsAChannelClassOrInstanceDirectlyBypassingTheSocketsRoutes() {
        ChannelTest withBeans = new ChannelTest(runtime, type -> type == LobbyChannel.class ? new LobbyChannel() : null);
        ChannelTest.TestSocket socket = withBeans.socket(userSocket, "user_id", Map.of("user", "ada"));
        socket.join("lobby").assertJoinRefused(Map.of("reason", "unmatched topic"));

        ChannelTest.Joined lobby = socket.subscribeAndJoin(LobbyChannel.class, "lobby", Map.of("hi", 1));
        lobby.assertJoined(Map.of("channel", "lobby", "user", "ada", "payload", Map.of("hi", 1)));
        lobby.push("shout", Map.of("hello", "all"));
        lobby.assertBroadcast("shout", Map.of("hello", "all"));
        lobby.assertPush("shout", Map.of("hello", "all"));
        lobby.assertReply(lobby.leave(), "ok");

        // An instance, on a topic the routes give to another channel: the instance wins.
        ChannelTest.Joined room = socket.join(new LobbyChannel(), "room:1", Map.of());
        room.assertJoined(Map.of("channel", "lobby", "user", "ada", "payload", Map.of()));
        assertThat(socket.join(LobbyChannel.class, "lobby").joined()).isTrue();
        assertThat(socket.join("room:2").joinResponse()).as("the routes still apply to other joins")
                .isEqualTo(Map.of("user", "ada"));
        assertThatThrownBy(() -> channels.socket(userSocket, "user_id", Map.of()).join(LobbyChannel.class, "lobby"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass an instance");
    }
}
