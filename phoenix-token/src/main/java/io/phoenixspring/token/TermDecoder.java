package io.phoenixspring.token;

import static io.phoenixspring.token.TermEncoder.*;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads Erlang's external term format into plain Java values, defensively: the input is only
 * trusted as far as its MAC, and a payload signed with a leaked or test key must still not be able
 * to allocate without bound, recurse without bound, or name code to run. Every length is checked
 * against the bytes that remain before anything is allocated, nesting is capped, compressed terms
 * inflate to a capped size, and functions, pids, ports and references are refused.
 */
final class TermDecoder {

    /** Deeper nesting than any real token carries; keeps recursion far from the thread's stack. */
    static final int MAX_DEPTH = 512;

    /** Upper bound for a compressed payload once inflated. */
    static final int MAX_INFLATED = 8 * 1024 * 1024;

    private static final int BIT_BINARY_EXT = 77;
    private static final int NEW_PID_EXT = 88;
    private static final int NEW_PORT_EXT = 89;
    private static final int NEWER_REFERENCE_EXT = 90;

    private final byte[] bytes;
    private int position;
    private final int limit;

    private TermDecoder(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    /**
     * Decodes a whole {@code term_to_binary} output (version byte first, possibly compressed).
     *
     * @throws InvalidTermException when the bytes are not exactly one term we accept
     */
    static Object decode(byte[] payload) {
        if (payload.length < 2 || (payload[0] & 0xFF) != VERSION) {
            throw new InvalidTermException("not external term format");
        }
        TermDecoder decoder = new TermDecoder(payload, 1, payload.length);
        if ((payload[1] & 0xFF) == COMPRESSED) {
            decoder.position = 2;
            byte[] inflated = decoder.inflate();
            decoder = new TermDecoder(inflated, 0, inflated.length);
        }
        Object term = decoder.read(0);
        if (decoder.position != decoder.limit) {
            throw new InvalidTermException("trailing bytes after the term");
        }
        return term;
    }

    private byte[] inflate() {
        long size = readInt() & 0xFFFFFFFFL;
        if (size > MAX_INFLATED) {
            throw new InvalidTermException("compressed term too large: " + size + " bytes");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, position, limit - position);
            byte[] out = new byte[(int) size];
            int filled = 0;
            while (filled < out.length) {
                int n = inflater.inflate(out, filled, out.length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != out.length || !inflater.finished() || inflater.getRemaining() != 0) {
                throw new InvalidTermException("compressed term does not match its declared size");
            }
            return out;
        } catch (DataFormatException e) {
            throw new InvalidTermException("corrupt compressed term");
        } finally {
            inflater.end();
        }
    }

    private Object read(int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidTermException("term nested deeper than " + MAX_DEPTH);
        }
        int tag = readByte();
        switch (tag) {
            case SMALL_INTEGER_EXT:
                return (long) readByte();
            case INTEGER_EXT:
                return (long) readInt();
            case SMALL_BIG_EXT:
                return readBig(readByte());
            case LARGE_BIG_EXT:
                return readBig(readLength(1));
            case NEW_FLOAT_EXT:
                return Double.longBitsToDouble(readLong());
            case FLOAT_EXT:
                return readOldFloat();
            case ATOM_EXT:
                return atom(readLatin1(readShort()));
            case SMALL_ATOM_EXT:
                return atom(readLatin1(readByte()));
            case ATOM_UTF8_EXT:
                return atom(readUtf8Atom(readShort()));
            case SMALL_ATOM_UTF8_EXT:
                return atom(readUtf8Atom(readByte()));
            case BINARY_EXT:
                return binary(readBytes(readLength(0)));
            case NIL_EXT:
                return Collections.emptyList();
            case STRING_EXT: {
                int length = readShort();
                require(length);
                List<Object> chars = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    chars.add((long) (bytes[position++] & 0xFF));
                }
                return Collections.unmodifiableList(chars);
            }
            case LIST_EXT:
                return readList(depth);
            case SMALL_TUPLE_EXT:
                return readTuple(readByte(), depth);
            case LARGE_TUPLE_EXT:
                return readTuple(readLength(1), depth);
            case MAP_EXT:
                return readMap(depth);
            case BIT_BINARY_EXT:
                throw new InvalidTermException("bitstrings that are not binaries have no Java mapping");
            case 112, 113, 117:
                throw new InvalidTermException("functions are executable terms and never decoded");
            case NEW_PID_EXT, 103, NEW_PORT_EXT, 102, 120, NEWER_REFERENCE_EXT, 114, 101:
                throw new InvalidTermException("pids, ports and references have no meaning outside their node");
            default:
                throw new InvalidTermException("unknown term tag " + tag);
        }
    }

    private static Object atom(String name) {
        switch (name) {
            case "nil":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                return new Atom(name);
        }
    }

    /** A binary is text when it is valid UTF-8, as Elixir's String.valid?/1 would say. */
    private static Object binary(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }

    private Object readBig(int length) {
        int sign = readByte();
        require(length);
        if (sign > 1) {
            throw new InvalidTermException("bad bignum sign");
        }
        byte[] magnitude = new byte[length];
        for (int i = 0; i < length; i++) {
            magnitude[length - 1 - i] = bytes[position++];
        }
        BigInteger value = new BigInteger(1, magnitude);
        if (sign == 1) {
            value = value.negate();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Object readOldFloat() {
        byte[] text = readBytes(31);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        try {
            return Double.parseDouble(new String(text, 0, end, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            throw new InvalidTermException("bad FLOAT_EXT");
        }
    }

    private String readLatin1(int length) {
        if (length > 255) {
            throw new InvalidTermException("atom longer than 255 characters");
        }
        return new String(readBytes(length), StandardCharsets.ISO_8859_1);
    }

    private String readUtf8Atom(int length) {
        Object text = binary(readBytes(length));
        if (!(text instanceof String name) || name.codePointCount(0, name.length()) > 255) {
            throw new InvalidTermException("atom is not valid UTF-8 of at most 255 characters");
        }
        return name;
    }

    private Object readList(int depth) {
        int length = readLength(1);
        List<Object> items = new ArrayList<>(Math.min(length, 1024));
        for (int i = 0; i < length; i++) {
            items.add(read(depth + 1));
        }
        Object tail = read(depth + 1);
        if (tail instanceof List<?> tailList && tailList.isEmpty()) {
            return Collections.unmodifiableList(items);
        }
        if (tail instanceof List<?> tailList) {
            // A list tail makes this a longer proper list: [1 | [2]] is [1, 2].
            items.addAll(tailList);
            return Collections.unmodifiableList(items);
        }
        if (tail instanceof ImproperList nested) {
            items.addAll(nested.items());
            return new ImproperList(items, nested.tail());
        }
        if (items.isEmpty()) {
            return tail;
        }
        return new ImproperList(items, tail);
    }

    private Tuple readTuple(int arity, int depth) {
        require(arity);
        List<Object> elements = new ArrayList<>(arity);
        for (int i = 0; i < arity; i++) {
            elements.add(read(depth + 1));
        }
        return new Tuple(elements);
    }

    private Map<Object, Object> readMap(int depth) {
        int arity = readLength(2);
        Map<Object, Object> map = new LinkedHashMap<>(Math.min(arity, 1024) * 2);
        for (int i = 0; i < arity; i++) {
            Object key = read(depth + 1);
            Object value = read(depth + 1);
            if (map.containsKey(key)) {
                throw new InvalidTermException("duplicate map key");
            }
            map.put(key, value);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A 4-byte count of items that each take at least {@code minBytesEach} bytes. */
    private int readLength(int minBytesEach) {
        long length = readInt() & 0xFFFFFFFFL;
        if (length * Math.max(minBytesEach, 1) > limit - position) {
            throw new InvalidTermException("length " + length + " exceeds the payload");
        }
        return (int) length;
    }

    private byte[] readBytes(int length) {
        require(length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    private void require(int length) {
        if (length < 0 || length > limit - position) {
            throw new InvalidTermException("truncated term");
        }
    }

    private int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    private int readShort() {
        require(2);
        int value = (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    private int readInt() {
        require(4);
        int value = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    private long readLong() {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }
}
