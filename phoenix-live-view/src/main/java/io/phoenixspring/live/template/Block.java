package io.phoenixspring.live.template;

import io.phoenixspring.live.rendered.Rendered;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A compiled template, or a nested one (an {@code if} branch, a {@code :for} body, a slot's
 * content): statics interleaved with {@link Part}s. Its fingerprint covers the statics and the
 * parts' code and shape, so two blocks share one only when they render the same way.
 */
final class Block {

    final Source source;
    final List<String> statics;
    final List<Part> parts;
    final long fingerprint;
    final boolean root;
    final Reads reads = new Reads();

    Block(Source source, List<String> statics, List<Part> parts, boolean root) {
        this.source = source;
        this.statics = List.copyOf(statics);
        this.parts = List.copyOf(parts);
        this.root = root;
        StringBuilder shape = new StringBuilder(root ? "root" : "nested");
        for (String s : statics) {
            shape.append('\u0000').append(s);
        }
        for (Part part : parts) {
            shape.append('\u0001').append(part.signature());
            reads.add(part.reads());
        }
        this.fingerprint = hash(shape.toString());
    }

    /** Renders lazily: with change tracking, parts that read none of {@code changed} are null. */
    Rendered render(Env env, Set<String> changed) {
        return Rendered.lazy(statics, track -> dynamics(env, track ? changed : null), fingerprint, root);
    }

    List<Object> dynamics(Env env, Set<String> changed) {
        List<Object> values = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (changed != null && !part.reads().affectedBy(changed, env)) {
                values.add(null);
                continue;
            }
            try {
                values.add(part.value(env, changed));
            } catch (EvalException e) {
                throw source.error(e.pos, e.getMessage(), e.getCause());
            }
        }
        return values;
    }

    static long hash(String shape) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects statics and parts while compiling. */
    static final class Builder {
        private final List<String> statics = new ArrayList<>();
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        void text(String text) {
            current.append(text);
        }

        void part(Part part) {
            statics.add(current.toString());
            current.setLength(0);
            parts.add(part);
        }

        Block build(Source source, boolean root) {
            List<String> all = new ArrayList<>(statics);
            all.add(current.toString());
            return new Block(source, all, parts, root);
        }
    }
}
