package io.phoenixspring.pubsub;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default {@link MessageCodec}: JSON through Jackson, safe by construction.
 *
 * <p>It writes plain values ({@code null}, strings, booleans, numbers, {@code Map}s with string
 * keys and {@code Collection}s of plain values, nested freely) and instances of types registered
 * under an alias. The wire form is {@code {"value": ...}} for plain values and
 * {@code {"type": "alias", "value": {...}}} for registered types. Reading never takes a class name
 * from the wire, only an alias from this codec's own table, and reads plain values as
 * {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Boolean}, {@code Integer},
 * {@code Long}, {@code BigInteger} or {@code Double}.
 *
 * <pre>{@code
 * record UserUpdate(long id, String name) {}
 *
 * JsonMessageCodec codec = new JsonMessageCodec().register("user_update", UserUpdate.class);
 * byte[] bytes = codec.encode(new UserUpdate(123, "Shane"));
 * UserUpdate back = (UserUpdate) codec.decode(bytes);
 * }</pre>
 *
 * <p>A registered type is (de)serialised by Jackson from its declared properties, so values
 * nested in it come back as their declared types. A registered type nested inside a plain
 * {@code Map} or {@code List} is refused, since it would come back as a map.
 *
 * <p>JSON between nodes nests up to {@value #MAX_NESTING_DEPTH} levels, read and written
 * (Jackson's default, 500, is what clients' JSON is read with): a value a client could send can
 * always be wrapped in a message and still cross nodes.
 */
public final class JsonMessageCodec implements MessageCodec {

    /** How deep the JSON between nodes may nest, read and written. */
    public static final int MAX_NESTING_DEPTH = PhoenixJson.SERVER_DEPTH;

    private final JsonMapper mapper;
    private final Map<String, Class<?>> typesByAlias = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> aliasesByType = new ConcurrentHashMap<>();

    /**
     * A codec with a default {@link JsonMapper} (reading and writing {@value #MAX_NESTING_DEPTH}
     * levels) and no registered types.
     */
    public JsonMessageCodec() {
        this(PhoenixJson.defaults().server());
    }

    /** A codec writing with Phoenix's one JSON configuration ({@link PhoenixJson#server()}). */
    public JsonMessageCodec(PhoenixJson json) {
        this(json.server());
    }

    /**
     * A codec using the given mapper, for example one with extra modules. Do not enable default
     * typing on it: that would let the wire pick classes again. Prefer {@link #JsonMessageCodec(PhoenixJson)}; else build it on a {@code JsonFactory}
     * whose read and write constraints allow {@value #MAX_NESTING_DEPTH} levels, as the default
     * codec's does, or deep values (a presence meta a client set) will not cross nodes.
     *
     * @param mapper the mapper to use
     */
    public JsonMessageCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Allows instances of {@code type} to cross nodes under {@code alias}. Register the same pairs
     * on every node. Safe to call while running.
     *
     * @param alias the name written on the wire, for example {@code "user_update"}
     * @param type the exact class of the messages
     * @return this codec
     * @throws IllegalArgumentException if the alias or the type is already registered otherwise
     */
    public synchronized JsonMessageCodec register(String alias, Class<?> type) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(type, "type");
        if (alias.isEmpty()) {
            throw new IllegalArgumentException("type alias must not be empty");
        }
        Class<?> existingType = typesByAlias.get(alias);
        if (existingType != null && existingType != type) {
            throw new IllegalArgumentException("type alias '" + alias + "' is already registered for "
                    + existingType.getName());
        }
        String existingAlias = aliasesByType.get(type);
        if (existingAlias != null && !existingAlias.equals(alias)) {
            throw new IllegalArgumentException(type.getName() + " is already registered as '"
                    + existingAlias + "'");
        }
        typesByAlias.put(alias, type);
        aliasesByType.put(type, alias);
        return this;
    }

    @Override
    public String id() {
        return "json";
    }

    @Override
    public byte[] encode(Object message) {
        ObjectNode root = mapper.createObjectNode();
        if (message != null) {
            String alias = aliasesByType.get(message.getClass());
            if (alias != null) {
                root.put("type", alias);
            } else {
                checkPlain(message, "message");
            }
        }
        try {
            root.set("value", mapper.valueToTree(message));
            return mapper.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object decode(byte[] payload) {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.has("value")) {
            throw new IllegalArgumentException("payload is not a JSON object with a \"value\" field");
        }
        JsonNode value = root.get("value");
        JsonNode type = root.get("type");
        try {
            if (type == null || type.isNull()) {
                return mapper.treeToValue(value, Object.class);
            }
            Class<?> target = typesByAlias.get(type.asString());
            if (target == null) {
                throw new IllegalArgumentException("payload has type alias '" + type.asString()
                        + "', which is not registered with this codec");
            }
            return mapper.treeToValue(value, target);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot decode payload: " + e.getOriginalMessage(), e);
        }
    }

    private void checkPlain(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + " is a Map with a non-String key ("
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                            + "); JSON objects only have string keys");
                }
                checkPlain(entry.getValue(), path + "." + key);
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                checkPlain(element, path + "[" + i++ + "]");
            }
            return;
        }
        String hint = aliasesByType.containsKey(value.getClass())
                ? " (registered types are only allowed as the whole message)"
                : "; register it with JsonMessageCodec.register(alias, " + value.getClass().getSimpleName()
                        + ".class) on every node";
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
                + ", which the JSON codec does not send" + hint);
    }
}
