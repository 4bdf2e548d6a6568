package io.phoenixspring.presence.tracker;

import java.util.Map;

/** One tracked presence: its topic, its key and its meta (which holds {@code phx_ref}). */
record Entry(String topic, String key, Map<String, Object> meta) {

    String ref() {
        return (String) meta.get("phx_ref");
    }
}
