package io.phoenixspring.channels.serializer;

import java.util.List;

/**
 * Picks the serializer for a connection's {@code vsn} parameter as Phoenix does:
 * {@code ~> 1.0.0} (or no vsn) is V1, {@code ~> 2.0.0} is V2, anything else is refused.
 *
 * <pre>{@code
 * Serializer serializer = Serializers.forVsn(params.get("vsn")); // null when unsupported
 * }</pre>
 */
public final class Serializers {

    /** Both serializers, in the order a fastlane broadcast encodes for them. */
    public static final List<Serializer> ALL = List.of(V1JsonSerializer.INSTANCE, V2JsonSerializer.INSTANCE);

    private Serializers() {
    }

    /** The serializer for {@code vsn}, or null when no serializer matches (connect refused). */
    public static Serializer forVsn(String vsn) {
        if (vsn == null) {
            return V1JsonSerializer.INSTANCE;
        }
        String[] parts = vsn.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        try {
            for (String part : parts) {
                if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                    return null;
                }
            }
            int major = Integer.parseInt(parts[0]);
            // "~> 2.0.0" means >= 2.0.0 and < 2.1.0; "~> 2.0" would allow any 2.x.
            int minor = Integer.parseInt(parts[1]);
            if (minor != 0) {
                return null;
            }
            return switch (major) {
                case 1 -> V1JsonSerializer.INSTANCE;
                case 2 -> V2JsonSerializer.INSTANCE;
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
