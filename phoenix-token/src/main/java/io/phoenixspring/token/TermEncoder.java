package io.phoenixspring.token;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Java values in Erlang's external term format, byte for byte as {@code term_to_binary/1}
 * writes the corresponding Elixir term. See the README's term mapping for which Java type becomes
 * which term; values of other types (records, beans) go through Jackson to a map of binary keys.
 */
final class TermEncoder {

    static final int VERSION = 131;
    static final int NEW_FLOAT_EXT = 70;
    static final int COMPRESSED = 80;
    static final int SMALL_INTEGER_EXT = 97;
    static final int INTEGER_EXT = 98;
    static final int FLOAT_EXT = 99;
    static final int ATOM_EXT = 100;
    static final int SMALL_TUPLE_EXT = 104;
    static final int LARGE_TUPLE_EXT = 105;
    static final int NIL_EXT = 106;
    static final int STRING_EXT = 107;
    static final int LIST_EXT = 108;
    static final int BINARY_EXT = 109;
    static final int SMALL_BIG_EXT = 110;
    static final int LARGE_BIG_EXT = 111;
    static final int SMALL_ATOM_EXT = 115;
    static final int MAP_EXT = 116;
    static final int ATOM_UTF8_EXT = 118;
    static final int SMALL_ATOM_UTF8_EXT = 119;

    /** Beyond this many keys the VM stores a map in hash order, which only Erlang can reproduce. */
    private static final int FLATMAP_LIMIT = 32;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomEncoding atoms;
    private final Output out = new Output();

    private TermEncoder(AtomEncoding atoms) {
        this.atoms = atoms;
    }

    static byte[] encode(Object term, AtomEncoding atoms) {
        TermEncoder encoder = new TermEncoder(atoms);
        encoder.out.write(VERSION);
        encoder.write(term);
        return encoder.out.toByteArray();
    }

    /** The payload Phoenix.Token signs: {@code {data, signed_at_ms, max_age}}. */
    static byte[] encodePayload(Object data, long signedAtMillis, MaxAge maxAge, AtomEncoding atoms) {
        TermEncoder encoder = new TermEncoder(atoms);
        encoder.out.write(VERSION);
        encoder.out.write(SMALL_TUPLE_EXT);
        encoder.out.write(3);
        encoder.write(data);
        encoder.writeInteger(signedAtMillis);
        encoder.write(maxAge.toTerm());
        return encoder.out.toByteArray();
    }

    private void write(Object value) {
        if (value == null) {
            writeAtom("nil");
        } else if (value instanceof String text) {
            writeBinary(text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Boolean bool) {
            writeAtom(bool ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            writeInteger(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            writeInteger(big);
        } else if (value instanceof Double || value instanceof Float) {
            writeFloat(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            writeFloat(decimal.doubleValue());
        } else if (value instanceof Atom atom) {
            writeAtom(atom.name());
        } else if (value instanceof byte[] bytes) {
            writeBinary(bytes);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map);
        } else if (value instanceof Collection<?> collection) {
            writeList(new ArrayList<>(collection), null);
        } else if (value instanceof Object[] array) {
            writeList(List.of(array), null);
        } else if (value instanceof Tuple tuple) {
            writeTuple(tuple);
        } else if (value instanceof ImproperList list) {
            writeList(list.items(), list);
        } else if (value instanceof Character character) {
            writeBinary(character.toString().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Number number) {
            writeInteger(number.longValue());
        } else {
            write(viaJackson(value));
        }
    }

    /** Records, beans, enums, dates…: whatever Jackson makes of them, as maps of binary keys. */
    private static Object viaJackson(Object value) {
        Object converted = JSON.convertValue(value, Object.class);
        if (converted != null && converted.getClass() == value.getClass()) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as an Erlang term");
        }
        return converted;
    }

    private void writeInteger(long value) {
        if (value >= 0 && value <= 255) {
            out.write(SMALL_INTEGER_EXT);
            out.write((int) value);
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            out.write(INTEGER_EXT);
            out.writeInt((int) value);
        } else {
            writeInteger(BigInteger.valueOf(value));
        }
    }

    private void writeInteger(BigInteger value) {
        if (value.bitLength() < 32) {
            writeInteger(value.longValue());
            return;
        }
        byte[] magnitude = value.abs().toByteArray();
        int start = magnitude[0] == 0 ? 1 : 0;
        int length = magnitude.length - start;
        if (length <= 255) {
            out.write(SMALL_BIG_EXT);
            out.write(length);
        } else {
            out.write(LARGE_BIG_EXT);
            out.writeInt(length);
        }
        out.write(value.signum() < 0 ? 1 : 0);
        for (int i = magnitude.length - 1; i >= start; i--) {
            out.write(magnitude[i]);
        }
    }

    private void writeFloat(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Erlang floats are finite; cannot encode " + value);
        }
        out.write(NEW_FLOAT_EXT);
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    private void writeAtom(String name) {
        boolean latin1 = atoms == AtomEncoding.LATIN1 && name.chars().allMatch(c -> c <= 0xFF);
        if (latin1) {
            out.write(ATOM_EXT);
            out.writeShort(name.length());
            for (int i = 0; i < name.length(); i++) {
                out.write(name.charAt(i));
            }
            return;
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < 256) {
            out.write(SMALL_ATOM_UTF8_EXT);
            out.write(utf8.length);
        } else {
            out.write(ATOM_UTF8_EXT);
            out.writeShort(utf8.length);
        }
        out.write(utf8);
    }

    private void writeBinary(byte[] bytes) {
        out.write(BINARY_EXT);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private void writeTuple(Tuple tuple) {
        int size = tuple.size();
        if (size <= 255) {
            out.write(SMALL_TUPLE_EXT);
            out.write(size);
        } else {
            out.write(LARGE_TUPLE_EXT);
            out.writeInt(size);
        }
        for (Object element : tuple.elements()) {
            write(element);
        }
    }

    private void writeList(List<?> items, ImproperList improper) {
        if (items.isEmpty()) {
            out.write(NIL_EXT);
            return;
        }
        if (improper == null && isCharList(items)) {
            // term_to_binary packs a list of bytes as a string; Elixir charlists arrive this way.
            out.write(STRING_EXT);
            out.writeShort(items.size());
            for (Object item : items) {
                out.write(((Number) item).intValue());
            }
            return;
        }
        out.write(LIST_EXT);
        out.writeInt(items.size());
        for (Object item : items) {
            write(item);
        }
        if (improper == null) {
            out.write(NIL_EXT);
        } else {
            write(improper.tail());
        }
    }

    private static boolean isCharList(List<?> items) {
        if (items.size() > 65535) {
            return false;
        }
        for (Object item : items) {
            boolean integral = item instanceof Integer || item instanceof Long || item instanceof Short
                    || item instanceof Byte || item instanceof BigInteger;
            if (!integral) {
                return false;
            }
            if (item instanceof BigInteger big) {
                if (big.signum() < 0 || big.bitLength() > 8) {
                    return false;
                }
            } else {
                long value = ((Number) item).longValue();
                if (value < 0 || value > 255) {
                    return false;
                }
            }
        }
        return true;
    }

    private void writeMap(Map<?, ?> map) {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entries.add(Map.entry(normalizeKey(entry.getKey()), nullable(entry.getValue())));
        }
        if (entries.size() <= FLATMAP_LIMIT) {
            entries.sort((a, b) -> TermOrder.INSTANCE.compare(unwrap(a.getKey()), unwrap(b.getKey())));
        }
        out.write(MAP_EXT);
        out.writeInt(entries.size());
        for (Map.Entry<Object, Object> entry : entries) {
            write(unwrap(entry.getKey()));
            write(unwrap(entry.getValue()));
        }
    }

    /** Map.entry refuses nulls, and nil is a legal key and value. */
    private static final Object NIL = new Object();

    private static Object nullable(Object value) {
        return value == null ? NIL : value;
    }

    private static Object unwrap(Object value) {
        return value == NIL ? null : value;
    }

    private static Object normalizeKey(Object key) {
        if (key == null) {
            return NIL;
        }
        if (key instanceof Character character) {
            return character.toString();
        }
        if (key instanceof Object[] array) {
            return List.of(array);
        }
        boolean known = key instanceof String || key instanceof Number || key instanceof Boolean
                || key instanceof Atom || key instanceof byte[] || key instanceof Map<?, ?>
                || key instanceof Collection<?> || key instanceof Tuple || key instanceof ImproperList;
        return known ? key : nullable(viaJackson(key));
    }

    /** A growable buffer without ByteArrayOutputStream's synchronization. */
    private static final class Output {
        private byte[] buffer = new byte[64];
        private int size;

        void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void writeShort(int value) {
            write(value >>> 8);
            write(value);
        }

        void writeInt(int value) {
            writeShort(value >>> 16);
            writeShort(value & 0xFFFF);
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        private void ensure(int extra) {
            if (size + extra > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buffer, size);
        }
    }
}
