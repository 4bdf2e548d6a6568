package io.phoenixspring.channels.server;

/**
 * The queue of one joined channel, as {@link SocketRuntime#deepestMailboxes(int)} reports it.
 *
 * <pre>{@code
 * ChannelQueue q = runtime.deepestMailboxes(1).get(0);
 * log.info("{} ({}) {}: {} waiting, {} frames to send", q.socket(), q.transport(), q.topic(), q.depth(), q.outbound());
 * }</pre>
 *
 * @param socket the socket handler's name, e.g. {@code UserSocket}
 * @param transport {@code websocket}, {@code longpoll}, ...
 * @param topic the channel's topic
 * @param pattern the topic pattern of its channel route, e.g. {@code room:*}
 * @param depth messages waiting in the channel's mailbox (handle_in, handle_info, intercepted
 *     broadcasts), the one being handled excluded
 * @param outbound frames waiting to be written to the socket's client (shared by its channels;
 *     fastlane broadcasts queue there, not in a mailbox)
 */
public record ChannelQueue(String socket, String transport, String topic, String pattern, int depth, int outbound) {
}
