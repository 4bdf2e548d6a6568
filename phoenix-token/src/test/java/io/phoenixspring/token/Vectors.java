package io.phoenixspring.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code phoenix-token-vectors.json} (made by Elixir's own plug_crypto, see its
 * description) and turns its typed trees into the Java values of our term mapping.
 */
final class Vectors {

    static final String RESOURCE = "/vectors/phoenix-token-vectors.json";
    static final JsonNode ROOT = load();
    static final long NOW_MS = ROOT.path("constants").path("now_ms").asLong();

    private Vectors() {
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> section(String name) {
        return ROOT.path(name).values().stream();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A vector's typed tree as the Java value our term mapping decodes it to. */
    static Object term(JsonNode typed) {
        String type = typed.path("type").asString();
        switch (type) {
            case "integer": {
                BigInteger value = new BigInteger(typed.path("value").asString());
                return value.bitLength() < 64 ? (Object) value.longValue() : value;
            }
            case "float":
                return Double.longBitsToDouble(new BigInteger(typed.path("ieee754_hex").asString(), 16).longValue());
            case "binary":
                return typed.has("utf8") ? typed.path("utf8").asString()
                        : Base64.getDecoder().decode(typed.path("base64").asString());
            case "atom": {
                String name = typed.path("value").asString();
                switch (name) {
                    case "nil":
                        return null;
                    case "true":
                        return true;
                    case "false":
                        return false;
                    default:
                        return Atom.of(name);
                }
            }
            case "list": {
                List<Object> items = new ArrayList<>();
                typed.path("items").values().forEach(item -> items.add(term(item)));
                return typed.has("tail") ? new ImproperList(items, term(typed.path("tail"))) : items;
            }
            case "tuple": {
                List<Object> items = new ArrayList<>();
                typed.path("items").values().forEach(item -> items.add(term(item)));
                return new Tuple(items);
            }
            case "map": {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (JsonNode entry : typed.path("entries").values()) {
                    map.put(term(entry.get(0)), term(entry.get(1)));
                }
                return map;
            }
            default:
                throw new IllegalArgumentException("unknown typed node " + type);
        }
    }

    /** Options exactly as the vector passed them to Elixir. */
    static TokenOptions options(JsonNode opts) {
        TokenOptions options = TokenOptions.defaults();
        if (opts == null || opts.isMissingNode() || opts.isNull()) {
            return options;
        }
        if (opts.has("key_iterations")) {
            options = options.withKeyIterations(opts.path("key_iterations").asInt());
        }
        if (opts.has("key_length")) {
            options = options.withKeyLength(opts.path("key_length").asInt());
        }
        if (opts.has("key_digest")) {
            options = options.withKeyDigest(KeyDigest.parse(opts.path("key_digest").asString()));
        }
        if (opts.has("signed_at")) {
            JsonNode signedAt = opts.path("signed_at");
            options = signedAt.isIntegralNumber() ? options.withSignedAtSeconds(signedAt.asLong())
                    : options.withSignedAtSeconds(signedAt.asDouble());
        }
        if (opts.has("max_age")) {
            JsonNode maxAge = opts.path("max_age");
            if (maxAge.isString()) {
                options = options.withMaxAge(MaxAge.INFINITY);
            } else if (maxAge.isIntegralNumber()) {
                options = options.withMaxAge(MaxAge.seconds(maxAge.asLong()));
            } else {
                options = options.withMaxAge(MaxAge.seconds(maxAge.asDouble()));
            }
        }
        return options;
    }

    /**
     * Makes two decoded values comparable with equals: byte arrays by content, maps regardless
     * of pair order.
     */
    static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put(comparable(k), comparable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(comparable(item)));
            return out;
        }
        if (value instanceof Tuple tuple) {
            return new Tuple((List<Object>) comparable(tuple.elements()));
        }
        if (value instanceof ImproperList list) {
            return new ImproperList((List<Object>) comparable(list.items()), comparable(list.tail()));
        }
        return value;
    }

    static String describe(JsonNode vector) {
        String note = vector.path("note").asString("");
        return vector.path("id").asString() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
