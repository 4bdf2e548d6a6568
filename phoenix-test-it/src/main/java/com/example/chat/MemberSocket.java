package com.example.chat;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import java.util.Map;

/**
 * {@code /members/socket}: only for signed-in users, who also bring the session of the page they
 * loaded ({@code /members/session}) and its CSRF token as the {@code _csrf_token} param.
 */
@PhoenixSocket(path = "/members/socket", longpoll = true, session = true, authenticated = true)
public class MemberSocket implements SocketHandler {

    @Override
    public void channels(ChannelRoutes routes) {
        routes.channel("member:*", MemberChannel.class);
    }

    @Override
    public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
        if (info.session() == null || !(info.session().get("visit") instanceof String visit)) {
            return ConnectResult.error("no session");
        }
        socket.assign("user", info.principal().getName());
        socket.assign("visit", visit);
        return ConnectResult.ok();
    }

    @Override
    public String id(Socket socket) {
        return "member_socket:" + socket.assigns().get("user");
    }
}
