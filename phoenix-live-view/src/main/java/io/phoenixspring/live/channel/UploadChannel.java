package io.phoenixspring.live.channel;

import io.phoenixspring.channels.channel.Channel;
import io.phoenixspring.channels.channel.HandleResult;
import io.phoenixspring.channels.channel.JoinResult;
import io.phoenixspring.channels.channel.UnmatchedEventException;
import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.UploadFile;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * An entry's upload (Phoenix.LiveView.UploadChannel) on {@code lvu:<entry ref>}: joined with the signed
 * token of the view's {@code allow_upload} reply (one join per token), it writes the client's binary
 * {@code chunk}s to the entry's temporary file, never beyond the entry's declared size. The view
 * closes it ({@code phx_close}) once the entry is consumed; its end, whatever the cause, tells the view.
 */
final class UploadChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(UploadChannel.class);
    private static final String FILE = "phoenix_live_view_upload";
    /** The message that makes a joined upload channel stop normally. */
    private static final Object CLOSE = new Object();

    /** Preflighted entries not joined yet, by upload id; an entry leaves on its join or its discard. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final LiveTokens tokens;

    /** A preflighted entry: its file and how to tell its view when the channel ended. */
    record Pending(UploadFile file, Runnable ended) {
    }

    UploadChannel(LiveTokens tokens) {
        this.tokens = tokens;
    }

    /** Registers a preflighted entry's file; its token for the {@code allow_upload} reply. */
    String register(String uploadId, UploadFile file, Runnable ended) {
        Pending entry = new Pending(file, ended);
        pending.put(uploadId, entry);
        file.whenDiscarded(() -> pending.remove(uploadId, entry));
        return tokens.signUpload(uploadId);
    }

    /** How many entries wait for their join (for tests: nothing stays behind). */
    int pending() {
        return pending.size();
    }

    @Override
    public Object join(String topic, Object payload, Socket socket) {
        String token = payload instanceof JsonNode join && join.get("token") != null && join.get("token").isString()
                ? join.get("token").asString() : null;
        String id = tokens.verifyUpload(token);
        Pending entry = id == null ? null : pending.get(id);
        if (entry == null || !topic.equals("lvu:" + entry.file().entryRef())) {
            log.warn("Upload join refused on {}: {}", topic, id == null ? "invalid token" : "no such pending entry");
            return JoinResult.error(Map.of("reason", "invalid_token"));
        }
        try {
            if (!pending.remove(id, entry) || !entry.file().open(() -> socket.send(CLOSE))) {
                log.warn("Upload join refused on {}: the entry is gone or already joined", topic);
                return JoinResult.error(Map.of("reason", "invalid_token"));
            }
        } catch (IOException e) {
            log.warn("Upload join refused on {}: cannot create the temporary file: {}", topic, e.getMessage());
            return JoinResult.error(Map.of("reason", "internal_error"));
        }
        socket.assign(FILE, entry);
        return JoinResult.ok(Map.of());
    }

    @Override
    public Object handleIn(String event, Object payload, Socket socket) {
        if (!"chunk".equals(event)) {
            throw new UnmatchedEventException(event, socket.topic());
        }
        Pending entry = socket.assign(FILE);
        if (!(payload instanceof Binary chunk)) {
            log.warn("Upload chunk refused on {}: not a binary payload", socket.topic());
            return HandleResult.error(Map.of("reason", "chunks are binary"));
        }
        try {
            if (!entry.file().write(chunk.bytes())) {
                log.warn("Upload chunk refused on {}: {} more bytes exceed the declared {} ({} written)", socket.topic(),
                        chunk.bytes().length, entry.file().size(), entry.file().written());
                return HandleResult.error(Map.of("reason", "file_size_limit_exceeded", "limit", entry.file().size()));
            }
        } catch (IOException e) {
            log.warn("Upload chunk failed on {}: {}", socket.topic(), e.getMessage());
            return HandleResult.error(Map.of("reason", "write_failed"));
        }
        return HandleResult.ok(Map.of());
    }

    @Override
    public Object handleInfo(Object message, Socket socket) {
        return message == CLOSE ? HandleResult.stop("normal") : HandleResult.noReply();
    }

    @Override
    public void terminate(String reason, Socket socket) {
        Pending entry = socket.assign(FILE);
        if (entry != null) {
            if (!entry.file().complete()) {
                entry.file().discard();
            }
            entry.ended().run();
        }
    }
}
