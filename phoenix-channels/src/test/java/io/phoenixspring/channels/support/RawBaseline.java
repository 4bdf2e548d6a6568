package io.phoenixspring.channels.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The load test's baseline: bare Reactor Netty WebSockets with no protocol, no channels and no
 * PubSub; a broadcast writes one shared frame to every connection. What the framework adds on top
 * of the network is the difference between this and the real path, measured in the same run.
 */
final class RawBaseline {

    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    Mono<Void> accept(ServerWebExchange exchange) {
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return exchange.getResponse().setComplete().then(Mono.defer(() -> response.sendWebsocket((in, out) -> {
            Channel[] channel = new Channel[1];
            out.withConnection(c -> channel[0] = c.channel());
            channels.add(channel[0]);
            return in.receive().then().doFinally(signal -> channels.remove(channel[0]));
        })));
    }

    void broadcast(String text) {
        ByteBuf shared = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
        for (Channel channel : channels) {
            channel.writeAndFlush(new TextWebSocketFrame(shared.retainedDuplicate()), channel.voidPromise());
        }
        shared.release();
    }
}
