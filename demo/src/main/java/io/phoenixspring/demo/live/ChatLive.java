package io.phoenixspring.demo.live;

import io.phoenixspring.channels.endpoint.Endpoint;
import io.phoenixspring.channels.message.Broadcast;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.presence.Presence;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /live-chat?user=NAME&room=ID}: the chat page's room ({@code static/index.html}) as a LiveView, in the
 * same rooms as the {@code room:*} channel. Messages are a stream ({@code #messages}, the server keeps none);
 * sending one broadcasts {@code new_msg {"body","user"}} on {@code room:ID} as {@code RoomChannel} does, and
 * every {@code new_msg} on the topic (a channel user's, an API message, this view's own) arrives here as a
 * {@link Broadcast}. Once connected the view is tracked in the channels' {@link Presence} under its user
 * (meta as the channel's), and {@code #online} lists the topic's presences as the JS page does: each user
 * once, with the number of tabs, the JS page's and the LiveView's alike. Without a valid user and room it
 * shows {@code #join-form}, which patches to the room's URL; {@code #leave} patches back.
 * Template: {@code ChatLive.html.heex}.
 */
@PhoenixLiveView
public class ChatLive implements LiveView {

    private static final Logger log = LoggerFactory.getLogger(ChatLive.class);
    /** As the chat page's inputs ({@code maxlength}). */
    static final int MAX_NAME = 40;
    static final int MAX_BODY = 2000;

    /** One message of the stream: {@code id} makes its DOM id ({@code messages-ID}). */
    public record Message(long id, String user, String body) {
    }

    /** One line of {@code #online}: the user, the status of their last tab, and what the JS page shows beside it. */
    public record Online(String user, String status, String detail) {
    }

    /** Sent to itself when entering a room: tracking waits until the view has joined, so a failed join tracks nothing. */
    record Track(String user, String room) {
    }

    private final Presence presence;
    private final Endpoint endpoint;

    public ChatLive(Presence presence, Endpoint endpoint) {
        this.presence = presence;
        this.endpoint = endpoint;
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.stream("messages", List.of())
                .assign("user", null).assign("room", null).assign("tracked", false)
                .assign("online", List.of()).assign("error", null).assign("seq", 0L)
                .assign("draft_user", "").assign("draft_room", "lobby")
                .assign("page_title", "Chat");
    }

    /** Enters the room of {@code ?user=&room=} (leaving the current one), or shows the form. */
    @Override
    public void handleParams(Map<String, Object> params, URI uri, LiveSocket socket) {
        String user = text(params.get("user"));
        String room = text(params.get("room"));
        if (user.equals(socket.get("user")) && room.equals(socket.get("room"))) {
            return;
        }
        if (socket.get("room") != null) {                         // the form shows the room just left
            socket.assign("draft_user", socket.get("user")).assign("draft_room", socket.get("room"));
            leave(socket);
        }
        if (user.isEmpty() && room.isEmpty()) {
            socket.assign("error", null);
            return;
        }
        String problem = problem(user, room);
        socket.assign("draft_user", user).assign("draft_room", room).assign("error", problem);
        if (problem == null) {
            enter(socket, user, room);
        }
    }

    /** {@code #join-form}: {@code user} and {@code room}, checked again by handleParams. */
    @HandleEvent("join")
    void join(Map<String, Object> value, LiveSocket socket) {
        String user = text(value.get("user"));
        String room = text(value.get("room"));
        String problem = problem(user, room);
        if (problem != null) {
            socket.assign("draft_user", user).assign("draft_room", room).assign("error", problem);
            return;
        }
        socket.pushPatch("/live-chat?user=" + encode(user) + "&room=" + encode(room));
    }

    /**
     * {@code #message-form}: the room's {@code new_msg}, exactly as the channel broadcasts it; the message comes
     * back over the topic like everyone's. The {@code clear} event empties the input (the client never
     * overwrites a focused input's value).
     */
    @HandleEvent("send")
    void send(Map<String, Object> value, LiveSocket socket) {
        String room = socket.get("room");
        String body = value.get("body") instanceof String text ? text.strip() : "";
        if (room == null || body.isEmpty()) {
            return;
        }
        if (body.length() > MAX_BODY) {
            socket.putFlash("error", "A message has at most " + MAX_BODY + " characters");
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();     // RoomChannel's new_msg payload
        message.put("body", body);
        message.put("user", socket.get("user"));
        String topic = topic(room);
        endpoint.broadcast(topic, "new_msg", message).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("new_msg on {} could not be broadcast: {}", topic, failure.toString());
            }
        });
        socket.pushEvent("clear", Map.of("id", "message"));
    }

    /** {@code #status}: the presence meta's status, as the channel's {@code set_status}. */
    @HandleEvent("status")
    void status(Map<String, Object> value, LiveSocket socket) {
        String status = text(value.get("status"));
        if (Boolean.TRUE.equals(socket.get("tracked")) && List.of("online", "away", "busy").contains(status)) {
            presence.update(socket, topic(socket.get("room")), socket.<String>get("user"), meta -> {
                meta.put("status", status);
                return meta;
            });
        }
    }

    @Override
    public void handleInfo(Object message, LiveSocket socket) {
        String room = socket.get("room");
        if (message instanceof Track track) {
            if (track.room().equals(room) && track.user().equals(socket.get("user"))
                    && !Boolean.TRUE.equals(socket.get("tracked"))) {
                presence.track(socket, topic(room), track.user(), Map.of(
                        "online_at", String.valueOf(System.currentTimeMillis()), "status", "online"));
                socket.assign("tracked", true).assign("online", online(room, track.user()));
            }
        } else if (message instanceof Broadcast broadcast) {
            if (room == null || !broadcast.topic().equals(topic(room))) {
                return;                                          // a room left since
            }
            switch (broadcast.event()) {
                case "new_msg" -> newMessage(broadcast.payload(), socket);
                case "presence_diff" -> socket.assign("online", online(room, socket.get("user")));
                default -> {
                }
            }
        } else {
            LiveView.super.handleInfo(message, socket);
        }
    }

    /** The view ends (page left or closed, socket gone, crash): its presence leaves, as a channel's does. */
    @Override
    public void terminate(String reason, LiveSocket socket) {
        presence.untrackAll(socket);
    }

    private void enter(LiveSocket socket, String user, String room) {
        socket.assign("user", user).assign("room", room).assign("page_title", "Chat · " + room)
                .assign("online", online(room, user));
        if (socket.connected()) {
            socket.subscribe(topic(room));                    // before tracking: this view sees its own join
            socket.send(new Track(user, room));
        }
    }

    private void leave(LiveSocket socket) {
        String room = socket.get("room");
        socket.unsubscribe(topic(room));
        if (Boolean.TRUE.equals(socket.get("tracked"))) {
            presence.untrack(socket, topic(room), socket.<String>get("user"));
        }
        socket.stream("messages", List.of(), -1, null, true)
                .assign("user", null).assign("room", null).assign("tracked", false)
                .assign("online", List.of()).assign("page_title", "Chat");
    }

    private void newMessage(Object payload, LiveSocket socket) {
        if (!(payload instanceof Map<?, ?> map)) {
            return;
        }
        Object body = map.get("body");
        String text = body instanceof String s ? s : endpoint.json().server().writeValueAsString(body);
        long id = socket.<Long>get("seq") + 1;
        socket.assign("seq", id).streamInsert("messages", new Message(id, String.valueOf(map.get("user")), text));
    }

    /** The room's presences as the JS page lists them: by user, the last tab's status, "2 tabs" for several. */
    private List<Online> online(String room, String me) {
        List<Online> users = new ArrayList<>();
        presence.list(topic(room)).forEach((user, entry) -> {
            List<?> metas = entry.get("metas") instanceof List<?> list ? list : List.of();
            Object status = metas.isEmpty() || !(metas.get(metas.size() - 1) instanceof Map<?, ?> meta)
                    ? null : meta.get("status");
            String shown = status instanceof String s ? s : endpoint.json().server().writeValueAsString(status);
            users.add(new Online(user, shown, metas.size() > 1 ? shown + " · " + metas.size() + " tabs" : shown));
        });
        users.sort(Comparator.comparing(Online::user));
        return List.copyOf(users);
    }

    /** Why this user and room cannot chat, or null: both needed, at most 40 characters, and room:secret is refused as by the channel. */
    static String problem(String user, String room) {
        if (user.isEmpty() || room.isEmpty()) {
            return "Pick a name and a room";
        }
        if (user.length() > MAX_NAME || room.length() > MAX_NAME) {
            return "A name and a room have at most " + MAX_NAME + " characters";
        }
        if (room.equals("secret")) {
            return "could not join room:secret: unauthorized";
        }
        return null;
    }

    static String topic(String room) {
        return "room:" + room;
    }

    private static String text(Object value) {
        return value instanceof String text ? text.strip() : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
