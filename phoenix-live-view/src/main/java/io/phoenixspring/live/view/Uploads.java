package io.phoenixspring.live.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A view's uploads (Phoenix.LiveView.Upload): the configs {@link LiveSocket#allowUpload} made, their
 * entries as the client declared them, and the files of preflighted entries. Only the view's own
 * thread touches it; {@link UploadFile}s are what the upload channels share. The runtime drives the
 * protocol side (validate, preflight, progress); views use {@link LiveSocket}'s methods.
 */
public final class Uploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final class Config {
        final String name;
        final UploadOptions options;
        final String ref;
        final List<UploadEntry> entries = new ArrayList<>();
        final Map<String, UploadFile> files = new LinkedHashMap<>();

        Config(String name, UploadOptions options, String ref) {
            this.name = name;
            this.options = options;
            this.ref = ref;
        }
    }

    private final Map<String, Config> byName = new LinkedHashMap<>();

    Uploads() {
    }

    void allow(String name, UploadOptions options) {
        Config old = byName.remove(name);
        if (old != null) {
            old.files.values().forEach(UploadFile::discard);
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        byName.put(name, new Config(name, options, "phx-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    void disallow(String name) {
        Config old = byName.remove(name);
        if (old != null) {
            old.files.values().forEach(UploadFile::discard);
        }
    }

    /** {@code @uploads}: each config as templates read it. */
    Map<String, UploadConfig> value() {
        Map<String, UploadConfig> value = new LinkedHashMap<>();
        byName.forEach((name, c) -> value.put(name, view(c)));
        return Collections.unmodifiableMap(value);
    }

    /** Whether a config has the ref (the client's {@code uploads} keys and {@code allow_upload} refs). */
    public boolean has(String configRef) {
        return find(configRef) != null;
    }

    /**
     * A form event's {@code uploads} metadata: the input's entries now, validated; entries the client no
     * longer lists are dropped. False for an unknown ref or malformed entries (nothing changes).
     */
    public boolean validate(String configRef, List<?> clientEntries) {
        Config config = find(configRef);
        List<UploadEntry> parsed = parse(clientEntries, config);
        if (parsed == null) {
            return false;
        }
        Map<String, UploadEntry> kept = new LinkedHashMap<>();
        for (UploadEntry entry : config.entries) {
            kept.put(entry.ref(), entry);
        }
        List<UploadEntry> next = new ArrayList<>();
        for (UploadEntry entry : parsed) {
            UploadEntry old = kept.remove(entry.ref());
            next.add(old != null && old.clientSize() == entry.clientSize() ? old : entry);
        }
        kept.keySet().forEach(ref -> drop(config, ref));
        config.entries.clear();
        config.entries.addAll(next);
        return true;
    }

    /** The answer to {@code allow_upload}: its reply without the diff, or null for an unknown ref or malformed entries. */
    public Map<String, Object> preflight(String configRef, List<?> clientEntries, Function<UploadFile, String> token) {
        if (!validate(configRef, clientEntries)) {
            return null;
        }
        Config config = find(configRef);
        List<List<String>> errors = errors(config);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ref", config.ref);
        if (!errors.isEmpty()) {
            reply.put("error", errors);
            return reply;
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < config.entries.size(); i++) {
            UploadEntry entry = config.entries.get(i);
            if (entry.preflighted()) {
                continue;
            }
            UploadFile file = new UploadFile(config.ref, entry.ref(), entry.clientSize());
            config.files.put(entry.ref(), file);
            config.entries.set(i, entry.preflight());
            tokens.put(entry.ref(), token.apply(file));
        }
        UploadOptions o = config.options;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("chunk_size", o.chunkSize());
        settings.put("chunk_timeout", o.chunkTimeout());
        settings.put("max_entries", o.maxEntries());
        settings.put("max_file_size", o.maxFileSize());
        reply.put("config", settings);
        reply.put("entries", tokens);
        reply.put("errors", Map.of());
        return reply;
    }

    /** The client's {@code progress}; an error message when refused (unknown entry, 100 before all bytes came). */
    public String progress(String configRef, String entryRef, Object progress) {
        Config config = find(configRef);
        if (config == null) {
            return "no upload with ref " + configRef;
        }
        if (!(progress instanceof Number n) || n.intValue() < 0 || n.intValue() > 100) {
            return "progress must be a number from 0 to 100";
        }
        for (int i = 0; i < config.entries.size(); i++) {
            UploadEntry entry = config.entries.get(i);
            if (entry.ref().equals(entryRef)) {
                UploadFile file = config.files.get(entryRef);
                if (file == null) {
                    return "entry " + entryRef + " was not preflighted";
                }
                if (n.intValue() == 100 && !file.complete()) {
                    return "entry " + entryRef + " is not complete: " + file.written() + " of " + file.size() + " bytes";
                }
                if (entry.progress() != n.intValue()) {
                    config.entries.set(i, entry.withProgress(n.intValue()));
                }
                return null;
            }
        }
        return "no entry " + entryRef + " in " + configRef;
    }

    /** An upload channel ended: its entry goes (unless it is another file by now). True when something changed. */
    public boolean ended(UploadFile file) {
        Config config = find(file.configRef());
        if (config == null || config.files.get(file.entryRef()) != file) {
            file.discard();
            return false;
        }
        drop(config, file.entryRef());
        config.entries.removeIf(e -> e.ref().equals(file.entryRef()));
        return true;
    }

    /** The view ended: every file deleted, every upload channel closed. */
    public void discardAll() {
        byName.values().forEach(c -> c.files.values().forEach(UploadFile::discard));
        byName.clear();
    }

    boolean cancel(String name, String entryRef) {
        Config config = config(name);
        boolean removed = config.entries.removeIf(e -> e.ref().equals(entryRef));
        drop(config, entryRef);
        return removed;
    }

    List<UploadEntry> completed(String name) {
        return config(name).entries.stream().filter(UploadEntry::done).toList();
    }

    List<UploadEntry> inProgress(String name) {
        return config(name).entries.stream().filter(e -> !e.done()).toList();
    }

    /**
     * Consumes the done entries: each file to {@code consumer}, then deleted and its channel closed (the
     * entry leaves when the channel has). Throws while entries are still uploading, as Phoenix.
     */
    <T> List<T> consume(String name, UploadConsumer<T> consumer) {
        Config config = config(name);
        if (config.entries.stream().anyMatch(e -> e.preflighted() && !e.done())) {
            throw new IllegalStateException("cannot consume uploaded files when entries are still in progress");
        }
        List<T> results = new ArrayList<>();
        for (UploadEntry entry : List.copyOf(config.entries)) {
            UploadFile file = config.files.get(entry.ref());
            if (!entry.done() || file == null || !file.complete()) {
                continue;
            }
            try {
                results.add(consumer.consume(file.path(), entry));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file.discard();
            }
        }
        return results;
    }

    private void drop(Config config, String entryRef) {
        UploadFile file = config.files.remove(entryRef);
        if (file != null) {
            file.discard();
        }
    }

    private Config config(String name) {
        Config config = byName.get(name);
        if (config == null) {
            throw new IllegalArgumentException("no upload allowed for " + name + " (call allowUpload in mount)");
        }
        return config;
    }

    private Config find(String configRef) {
        for (Config c : byName.values()) {
            if (c.ref.equals(configRef)) {
                return c;
            }
        }
        return null;
    }

    private static UploadConfig view(Config c) {
        UploadOptions o = c.options;
        String accept = o.accept().isEmpty() ? null : String.join(",", o.accept());
        return new UploadConfig(c.name, c.ref, accept, o.maxEntries(), o.maxFileSize(), o.chunkSize(), o.chunkTimeout(),
                o.autoUpload(), List.copyOf(c.entries), errors(c));
    }

    /** Phoenix's order: the config's too_many_files first, then each entry's. */
    private static List<List<String>> errors(Config c) {
        List<List<String>> errors = new ArrayList<>();
        if (c.entries.size() > c.options.maxEntries()) {
            errors.add(List.of(c.ref, "too_many_files"));
        }
        for (UploadEntry entry : c.entries) {
            if (entry.clientSize() > c.options.maxFileSize()) {
                errors.add(List.of(entry.ref(), "too_large"));
            }
            if (!accepted(c.options, entry)) {
                errors.add(List.of(entry.ref(), "not_accepted"));
            }
        }
        return errors;
    }

    private static boolean accepted(UploadOptions options, UploadEntry entry) {
        if (options.accept().isEmpty()) {
            return true;
        }
        String name = entry.clientName().toLowerCase(Locale.ROOT);
        String type = entry.clientType() == null ? "" : entry.clientType().toLowerCase(Locale.ROOT);
        for (String accept : options.accept()) {
            String a = accept.toLowerCase(Locale.ROOT);
            if (a.startsWith(".") ? name.endsWith(a)
                    : a.endsWith("/*") ? type.startsWith(a.substring(0, a.length() - 1)) : type.equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static List<UploadEntry> parse(List<?> clientEntries, Config config) {
        if (config == null || clientEntries == null) {
            return null;
        }
        List<UploadEntry> parsed = new ArrayList<>();
        for (Object raw : clientEntries) {
            if (!(raw instanceof Map<?, ?> m) || !(m.get("ref") instanceof String ref) || !(m.get("name") instanceof String name)
                    || !(m.get("size") instanceof Number size) || size.longValue() < 0) {
                return null;
            }
            Object type = m.get("type");
            Object path = m.get("relative_path");
            Long modified = m.get("last_modified") instanceof Number n ? n.longValue() : null;
            UploadEntry entry = new UploadEntry(ref, name, path instanceof String p ? p : "", size.longValue(),
                    type instanceof String t ? t : "", modified, 0, false, false, true);
            parsed.add(entry);
        }
        // valid? as Phoenix: no error of its own (too_many_files is the config's)
        List<UploadEntry> checked = new ArrayList<>();
        for (UploadEntry e : parsed) {
            boolean valid = e.clientSize() <= config.options.maxFileSize() && accepted(config.options, e);
            checked.add(valid ? e : new UploadEntry(e.ref(), e.clientName(), e.clientRelativePath(), e.clientSize(),
                    e.clientType(), e.clientLastModified(), 0, false, false, false));
        }
        return checked;
    }
}
