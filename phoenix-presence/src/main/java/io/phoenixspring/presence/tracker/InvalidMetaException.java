package io.phoenixspring.presence.tracker;

/**
 * A presence meta that cannot be replicated: a value Jackson cannot write as JSON, or a meta
 * nested deeper than {@value Metas#MAX_META_DEPTH} levels (so that every message around it stays
 * within the {@value Metas#MAX_JSON_DEPTH} levels that nodes and clients are written with).
 * {@code track} and {@code update} throw it before changing anything, so a channel can answer the
 * client instead of crashing.
 *
 * <pre>{@code
 * try {
 *     presence.update(socket, user, meta -> { meta.put("status", status); return meta; });
 * } catch (InvalidMetaException e) {
 *     return HandleResult.error(Map.of("reason", "invalid status"));
 * }
 * }</pre>
 */
public final class InvalidMetaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String key;

    InvalidMetaException(String topic, String key, String reason) {
        super("the presence meta of key '" + key + "' on topic '" + topic + "' cannot be replicated: " + reason);
        this.topic = topic;
        this.key = key;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }
}
