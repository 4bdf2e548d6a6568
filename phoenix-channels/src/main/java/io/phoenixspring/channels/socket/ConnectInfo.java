package io.phoenixspring.channels.socket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * What the transport knows about the connecting client (Phoenix's {@code connect_info}): peer
 * address, request URI, {@code x-} headers, user agent, the headers the socket allows, and the
 * JS client's {@code authToken} (sent in {@code Sec-WebSocket-Protocol}).
 *
 * <pre>{@code
 * String ip = info.peerAddress().getHostString();
 * }</pre>
 *
 * @param peerAddress the client's address, if known
 * @param uri the connect request's URI
 * @param xHeaders every request header starting with {@code x-}, lower-cased names
 * @param userAgent the user-agent header, or null
 * @param headers the request headers the socket was configured to expose, lower-cased names
 * @param authToken the token given to the JS client as {@code authToken}, or null
 */
public record ConnectInfo(InetSocketAddress peerAddress, URI uri, Map<String, String> xHeaders, String userAgent,
        Map<String, String> headers, String authToken) {
}
