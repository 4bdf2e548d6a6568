package io.phoenixspring.channels.serializer;

import io.phoenixspring.pubsub.PhoenixJson;

/**
 * Picks the serializer for a connection's {@code vsn} parameter as Phoenix does:
 * {@code ~> 1.0.0} (or no vsn) is V1, {@code ~> 2.0.0} is V2, anything else is refused. Both
 * write with the runtime's one JSON configuration.
 *
 * <pre>{@code
 * Serializers serializers = Serializers.of(PhoenixJson.defaults());
 * Serializer serializer = serializers.forVsn(params.get("vsn")); // null when unsupported
 * }</pre>
 */
public final class Serializers {

    private static final Serializers DEFAULTS = new Serializers(V1JsonSerializer.INSTANCE, V2JsonSerializer.INSTANCE);

    private final Serializer v1;
    private final Serializer v2;

    private Serializers(Serializer v1, Serializer v2) {
        this.v1 = v1;
        this.v2 = v2;
    }

    /** V1 and V2 writing with {@code json}. */
    public static Serializers of(PhoenixJson json) {
        return json == PhoenixJson.defaults() ? DEFAULTS : new Serializers(new V1JsonSerializer(json), new V2JsonSerializer(json));
    }

    /** V1 and V2 with Jackson's defaults and the wire's settings. */
    public static Serializers defaults() {
        return DEFAULTS;
    }

    /** The serializer for {@code vsn}, or null when no serializer matches (connect refused). */
    public Serializer forVsn(String vsn) {
        if (vsn == null) {
            return v1;
        }
        String[] parts = vsn.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
        }
        // "~> 2.0.0" means >= 2.0.0 and < 2.1.0; "~> 2.0" would allow any 2.x.
        if (Integer.parseInt(parts[1]) != 0) {
            return null;
        }
        return switch (Integer.parseInt(parts[0])) {
            case 1 -> v1;
            case 2 -> v2;
            default -> null;
        };
    }
}
