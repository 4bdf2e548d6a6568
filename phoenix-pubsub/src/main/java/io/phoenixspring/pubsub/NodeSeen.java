package io.phoenixspring.pubsub;

import java.time.Instant;

/**
 * Another node this node received a broadcast from ({@link PubSub#nodesSeen()}).
 *
 * <pre>{@code
 * pubSub.nodesSeen().forEach(n -> log.info("{} last heard at {}", n.node(), n.lastSeen()));
 * }</pre>
 *
 * @param node the other node's {@link PubSub#nodeName()}
 * @param lastSeen when its latest frame arrived here
 */
public record NodeSeen(String node, Instant lastSeen) {
}
