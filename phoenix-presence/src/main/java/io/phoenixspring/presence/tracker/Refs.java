package io.phoenixspring.presence.tracker;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code phx_ref}s: 16-character URL-safe base64 strings, like Phoenix's. Twelve bytes: a
 * per-process sequence that starts at the clock (so refs of one node grow over time) and four
 * random bytes drawn once per process (so two nodes do not collide).
 */
final class Refs {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 16);
    private static final int NODE = new SecureRandom().nextInt();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Refs() {
    }

    static String next() {
        ByteBuffer bytes = ByteBuffer.allocate(12);
        bytes.putLong(SEQUENCE.incrementAndGet());
        bytes.putInt(NODE);
        return ENCODER.encodeToString(bytes.array());
    }
}
