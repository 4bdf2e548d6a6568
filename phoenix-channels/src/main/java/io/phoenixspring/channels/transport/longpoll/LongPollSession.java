package io.phoenixspring.channels.transport.longpoll;

import io.phoenixspring.channels.message.Frame;
import io.phoenixspring.channels.server.SocketConnection;
import io.phoenixspring.channels.socket.Outbound;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.Subscriber;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-poll session on its home node (Phoenix.Transports.LongPoll.Server): buffers frames for
 * the client until a poll takes them, and feeds posted frames to the socket. Requests reach it
 * through PubSub on its private topic, so any node behind a load balancer can serve them.
 */
final class LongPollSession implements Outbound, Subscriber {

    private static final Logger log = LoggerFactory.getLogger(LongPollSession.class);

    private final LongPollTransport transport;
    private final String topic;
    private final int limit;
    private final long byteLimit;
    private final ArrayDeque<String> buffer = new ArrayDeque<>();
    /** Characters buffered (a UTF-16 count: close enough to bytes for a bound, and known without encoding). */
    private long buffered;
    private String parkedId;
    private String parkedReply;
    private ScheduledFuture<?> parkedTimeout;
    private long lastPoll = System.nanoTime();
    private boolean closed;
    SocketConnection connection;

    LongPollSession(LongPollTransport transport, String topic, int limit, long byteLimit) {
        this.transport = transport;
        this.topic = topic;
        this.limit = limit;
        this.byteLimit = byteLimit;
    }

    String topic() {
        return topic;
    }

    // ---- Outbound: frames from the socket ----

    @Override
    public boolean send(Frame frame) {
        if (frame.binary()) {
            // The JS client's long-poll reads every message as JSON text; binary frames cannot reach it.
            log.debug("dropping a binary frame on a long-poll session");
            return true;
        }
        synchronized (this) {
            if (closed) {
                return true;
            }
            String text = frame.text();
            // A client that does not poll is a slow consumer past either bound; one message alone always fits.
            if (buffer.size() >= limit || (buffered > 0 && buffered + text.length() > byteLimit)) {
                return false;
            }
            buffer.add(text);
            buffered += text.length();
            if (parkedId != null) {
                answerParked();
            }
        }
        return true;
    }

    @Override
    public synchronized int queued() {
        return buffer.size();
    }

    @Override
    public void close(int code) {
        end("closed by the server (" + code + ")");
    }

    @Override
    public boolean supportsBinary() {
        return false;
    }

    // ---- requests from any node ----

    @Override
    public void onMessage(String topic, Object message) {
        if (!(message instanceof Map<?, ?> request)) {
            return;
        }
        String id = (String) request.get("id");
        String reply = (String) request.get("reply");
        switch (String.valueOf(request.get("lp"))) {
            case "poll" -> poll(id, reply);
            case "publish" -> publish(id, reply, request.get("frames"));
            default -> log.debug("unknown long-poll request {}", request.get("lp"));
        }
    }

    private void poll(String id, String reply) {
        synchronized (this) {
            lastPoll = System.nanoTime();
            if (closed) {
                transport.respond(reply, Map.of("lp", "gone", "id", id));
                return;
            }
            if (parkedId != null) {
                // A newer poll takes over; the older one ends empty.
                transport.respond(parkedReply, Map.of("lp", "messages", "id", parkedId, "messages", List.of()));
                clearParked();
            }
            parkedId = id;
            parkedReply = reply;
            if (!buffer.isEmpty()) {
                answerParked();
                return;
            }
            String parked = id;
            parkedTimeout = transport.timer().schedule(() -> expire(parked),
                    transport.mount().options().longpollWindow().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void expire(String id) {
        synchronized (this) {
            if (id.equals(parkedId)) {
                transport.respond(parkedReply, Map.of("lp", "messages", "id", parkedId, "messages", List.of()));
                clearParked();
            }
        }
    }

    private void answerParked() {
        List<String> messages = new ArrayList<>(buffer);
        buffer.clear();
        buffered = 0;
        transport.respond(parkedReply, Map.of("lp", "messages", "id", parkedId, "messages", messages));
        clearParked();
    }

    private void clearParked() {
        if (parkedTimeout != null) {
            parkedTimeout.cancel(false);
        }
        parkedId = null;
        parkedReply = null;
        parkedTimeout = null;
    }

    private void publish(String id, String reply, Object frames) {
        boolean alive;
        synchronized (this) {
            alive = !closed;
        }
        if (!alive) {
            transport.respond(reply, Map.of("lp", "gone", "id", id));
            return;
        }
        if (frames instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry) {
                    String data = (String) entry.get("d");
                    // Base64 was checked by the node that took the POST.
                    Frame frame = "bin".equals(entry.get("t")) ? Frame.binary(Base64.getDecoder().decode(data)) : Frame.text(data);
                    connection.receive(frame);
                }
            }
        }
        transport.respond(reply, Map.of("lp", "ok", "id", id));
    }

    /** Ends the session when no poll came for a while, as Phoenix's server does. */
    void checkInactive(long windowNanos) {
        boolean inactive;
        synchronized (this) {
            inactive = !closed && parkedId == null && System.nanoTime() - lastPoll > 2 * windowNanos;
        }
        if (inactive) {
            end("inactive");
            connection.closed();
        }
    }

    private void end(String why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            buffer.clear();
            buffered = 0;
            if (parkedId != null) {
                transport.respond(parkedReply, Map.of("lp", "gone", "id", parkedId));
                clearParked();
            }
        }
        log.debug("long-poll session {} ended: {}", topic, why);
        transport.sessionEnded(this);
    }

    PubSub pubSub() {
        return transport.runtime().pubSub();
    }
}
