package io.phoenixspring.presence.tracker;

import java.util.Map;

/**
 * One presence as the tracker reports it: its key and its meta, which carries {@code phx_ref}
 * (and {@code phx_ref_prev} after an update).
 *
 * <pre>{@code
 * TrackedPresence p = joins.get(0);
 * String user = p.key();
 * String ref = p.ref();
 * }</pre>
 */
public record TrackedPresence(String key, Map<String, Object> meta) {

    public String ref() {
        return (String) meta.get("phx_ref");
    }
}
