package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.phoenixspring.channels.message.Frame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    private final MessageAssembler messages = new MessageAssembler(10);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWholeFrameIsAMessage() {
        Frame frame = messages.add(new TextWebSocketFrame("hello"));
        assertThat(frame.binary()).isFalse();
        assertThat(frame.text()).isEqualTo("hello");
    }

    @Test
    void fragmentsAreJoinedAndKeepTheFirstFramesKind() {
        assertThat(messages.add(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(bytes("abc"))))).isNull();
        assertThat(messages.add(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(bytes("def"))))).isNull();
        Frame frame = messages.add(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(bytes("g"))));
        assertThat(frame.binary()).isTrue();
        assertThat(frame.bytes()).isEqualTo(bytes("abcdefg"));
    }

    @Test
    void aMessageOverTheLimitIsRefusedOnceAndItsOtherFragmentsAreDropped() {
        assertThat(messages.add(new TextWebSocketFrame(false, 0, "0123456"))).isNull();
        assertThat(messages.add(new ContinuationWebSocketFrame(false, 0, "789ab"))).isSameAs(MessageAssembler.TOO_BIG);
        assertThat(messages.add(new ContinuationWebSocketFrame(false, 0, "more"))).isNull();
        assertThat(messages.add(new ContinuationWebSocketFrame(true, 0, "end"))).isNull();
        assertThat(messages.add(new TextWebSocketFrame("next")).text()).isEqualTo("next");
    }

    @Test
    void aSingleFrameOverTheLimitIsRefused() {
        assertThat(messages.add(new TextWebSocketFrame("0123456789ab"))).isSameAs(MessageAssembler.TOO_BIG);
    }

    @Test
    void controlFramesAreNotMessages() {
        assertThat(messages.add(new PingWebSocketFrame())).isNull();
    }
}
