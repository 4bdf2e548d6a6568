package io.phoenixspring.presence.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level reader of the server's V2 frames for the load generator: it walks the JSON without
 * building anything and extracts only what a presence view needs (the event, the ref and status
 * of a reply, and for presence_state / presence_diff the key and {@code phx_ref} of every meta,
 * interned to small ints). Strings with escapes are not handled here: {@link Escaped} tells the
 * caller to read that frame with Jackson instead.
 */
final class FrameScanner {

    /** A string with an escape: read this frame with a full parser. */
    static final class Escaped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Escaped() {
            super(null, null, false, false);
        }
    }

    /** What a frame is about. */
    enum Event { REPLY, STATE, DIFF, ERROR, CLOSE, OTHER }

    /** (key id, ref id) pairs, growable. */
    static final class Pairs {
        int[] data = new int[64];
        int size;

        void add(int key, int ref) {
            if (size + 2 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = key;
            data[size++] = ref;
        }

        void clear() {
            size = 0;
        }
    }

    private static final byte[] PHX_REF = bytes("phx_ref");
    private static final byte[] METAS = bytes("metas");
    private static final byte[] JOINS = bytes("joins");
    private static final byte[] LEAVES = bytes("leaves");
    private static final byte[] STATUS = bytes("status");

    private final Interner refs;
    private final Interner keys;
    private byte[] b;
    private int at;
    private int strStart;
    private int strEnd;

    // Header of the last frame read.
    Event event;
    boolean refIsOne;
    int payload;

    FrameScanner(Interner refs, Interner keys) {
        this.refs = refs;
        this.keys = keys;
    }

    /** Reads {@code [join_ref, ref, topic, event, } and leaves the position at the payload. */
    void header(byte[] frame) {
        b = frame;
        at = 0;
        expect('[');
        skipValue(); // join_ref
        comma();
        ws();
        if (b[at] == '"') {
            string();
            refIsOne = strEnd - strStart == 1 && b[strStart] == '1';
        } else {
            skipValue();
            refIsOne = false;
        }
        comma();
        skipValue(); // topic
        comma();
        string();
        event = switch (new String(b, strStart, strEnd - strStart, StandardCharsets.ISO_8859_1)) {
            case "phx_reply" -> Event.REPLY;
            case "presence_state" -> Event.STATE;
            case "presence_diff" -> Event.DIFF;
            case "phx_error" -> Event.ERROR;
            case "phx_close" -> Event.CLOSE;
            default -> Event.OTHER;
        };
        comma();
        ws();
        payload = at;
    }

    /** The reply's {@code "status"} is "ok". */
    boolean replyOk() {
        at = payload;
        expect('{');
        if (peek() == '}') {
            return false;
        }
        boolean ok = false;
        do {
            string();
            boolean status = is(STATUS);
            colon();
            if (status) {
                string();
                ok = strEnd - strStart == 2 && b[strStart] == 'o' && b[strStart + 1] == 'k';
            } else {
                skipValue();
            }
        } while (next(','));
        return ok;
    }

    /** The payload is presences ({@code {key: {"metas": [...]}}}): adds their (key, ref) pairs. */
    void state(Pairs out) {
        at = payload;
        presences(out);
    }

    /** The payload is a diff: its joins and its leaves. */
    void diff(Pairs joins, Pairs leaves) {
        at = payload;
        expect('{');
        if (peek() == '}') {
            return;
        }
        do {
            string();
            boolean isJoins = is(JOINS);
            boolean isLeaves = !isJoins && is(LEAVES);
            colon();
            if (isJoins) {
                presences(joins);
            } else if (isLeaves) {
                presences(leaves);
            } else {
                skipValue();
            }
        } while (next(','));
    }

    private void presences(Pairs out) {
        expect('{');
        if (peek() == '}') {
            at++;
            return;
        }
        do {
            string();
            int key = keys.intern(b, strStart, strEnd - strStart);
            colon();
            expect('{');
            if (peek() == '}') {
                at++;
                continue;
            }
            do {
                string();
                boolean metas = is(METAS);
                colon();
                if (!metas) {
                    skipValue();
                    continue;
                }
                expect('[');
                if (peek() == ']') {
                    at++;
                    continue;
                }
                do {
                    out.add(key, meta());
                } while (next(','));
                // next() consumed the ']'
            } while (next(','));
        } while (next(','));
    }

    /** One meta object: returns the id of its phx_ref. */
    private int meta() {
        expect('{');
        int ref = -1;
        if (peek() == '}') {
            at++;
            throw new IllegalStateException("a meta without phx_ref");
        }
        do {
            string();
            boolean isRef = is(PHX_REF);
            colon();
            if (isRef) {
                string();
                ref = refs.intern(b, strStart, strEnd - strStart);
            } else {
                skipValue();
            }
        } while (next(','));
        if (ref < 0) {
            throw new IllegalStateException("a meta without phx_ref");
        }
        return ref;
    }

    // ---- tokens ----

    private void ws() {
        while (at < b.length && (b[at] == ' ' || b[at] == '\n' || b[at] == '\r' || b[at] == '\t')) {
            at++;
        }
    }

    private byte peek() {
        ws();
        return b[at];
    }

    private void expect(char c) {
        ws();
        if (b[at] != c) {
            throw new IllegalStateException("expected '" + c + "' at " + at + ", got '" + (char) b[at] + "'");
        }
        at++;
    }

    private void comma() {
        expect(',');
    }

    private void colon() {
        expect(':');
    }

    /** Consumes ',' (true) or a closing '}' / ']' (false). */
    private boolean next(char separator) {
        ws();
        byte c = b[at++];
        if (c == separator) {
            return true;
        }
        if (c == '}' || c == ']') {
            return false;
        }
        throw new IllegalStateException("unexpected '" + (char) c + "' at " + (at - 1));
    }

    /** A string: its bytes are b[strStart, strEnd). */
    private void string() {
        expect('"');
        int start = at;
        byte[] bytes = b;
        int i = start;
        while (true) {
            byte c = bytes[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                throw new Escaped();
            }
            i++;
        }
        strStart = start;
        strEnd = i;
        at = i + 1;
    }

    private boolean is(byte[] name) {
        return Arrays.equals(b, strStart, strEnd, name, 0, name.length);
    }

    private void skipValue() {
        byte c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> {
                at++;
                if (peek() == '}') {
                    at++;
                    return;
                }
                do {
                    string();
                    colon();
                    skipValue();
                } while (next(','));
            }
            case '[' -> {
                at++;
                if (peek() == ']') {
                    at++;
                    return;
                }
                do {
                    skipValue();
                } while (next(','));
            }
            default -> {
                while (at < b.length) {
                    byte d = b[at];
                    if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') {
                        break;
                    }
                    at++;
                }
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Byte strings to dense ids, shared by every client (and so by every event-loop thread: one
     * lock); open addressing over a pool of the bytes.
     */
    static final class Interner {
        private int[] slots; // id + 1, 0 = empty
        private int[] offsets = new int[1024];
        private int[] lengths = new int[1024];
        private byte[] pool = new byte[16 * 1024];
        private int poolSize;
        private int count;

        Interner(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 4) - 1) << 1;
            slots = new int[capacity];
        }

        /** Ids are below this. */
        int capacity() {
            return slots.length / 2;
        }

        synchronized int intern(byte[] bytes, int start, int length) {
            int hash = 1;
            for (int i = start; i < start + length; i++) {
                hash = 31 * hash + bytes[i];
            }
            hash ^= hash >>> 16;
            int mask = slots.length - 1;
            for (int slot = hash & mask;; slot = (slot + 1) & mask) {
                int id = slots[slot] - 1;
                if (id < 0) {
                    return add(slot, bytes, start, length);
                }
                if (lengths[id] == length && Arrays.equals(pool, offsets[id], offsets[id] + length, bytes, start, start + length)) {
                    return id;
                }
            }
        }

        private int add(int slot, byte[] bytes, int start, int length) {
            if (count * 2 >= slots.length) {
                throw new IllegalStateException("more distinct strings than this load test expects");
            }
            int id = count++;
            if (id == offsets.length) {
                offsets = Arrays.copyOf(offsets, id * 2);
                lengths = Arrays.copyOf(lengths, id * 2);
            }
            if (poolSize + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
            }
            System.arraycopy(bytes, start, pool, poolSize, length);
            offsets[id] = poolSize;
            lengths[id] = length;
            poolSize += length;
            slots[slot] = id + 1;
            return id;
        }

        synchronized int size() {
            return count;
        }
    }
}
