package io.phoenixspring.pubsub;

import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of everything Phoenix writes and reads: channel frames, broadcasts
 * between nodes, presence metas and long-poll bodies. It is the application's Jackson
 * configuration (in a Spring Boot app, every {@code JsonMapperBuilderCustomizer}, so
 * {@code spring.jackson.*} and Jackson module beans apply) with what the wire needs layered on top:
 * map keys written sorted (as Phoenix's JSON library writes Elixir maps), and nesting limits.
 *
 * <p>The limits make whatever the server accepts also sendable. A client's JSON is read up to
 * {@value #CLIENT_DEPTH} levels (Jackson's default, also what Spring reads HTTP bodies with); the
 * server wraps it (a reply, a frame, a broadcast envelope, a presence diff) and writes, and other
 * nodes read, up to {@value #SERVER_DEPTH}. So there are two mappers of one configuration:
 * {@link #clientFacing()} for parsing what clients send, {@link #server()} for the rest.
 *
 * <pre>{@code
 * PhoenixJson json = PhoenixJson.of(builder -> builder.addModule(new MoneyModule()));
 * JsonNode frame = json.clientFacing().readTree(bytes);
 * byte[] out = json.server().writeValueAsBytes(payload);
 * }</pre>
 */
public final class PhoenixJson {

    /** How deep a client's JSON may nest: Jackson's default read limit. */
    public static final int CLIENT_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    /** How deep the server writes, and reads from other nodes: a client's JSON plus any wrapping. */
    public static final int SERVER_DEPTH = 2 * CLIENT_DEPTH;

    private static final PhoenixJson DEFAULTS = of(builder -> { });

    private final JsonMapper server;
    private final JsonMapper clientFacing;

    private PhoenixJson(JsonMapper server, JsonMapper clientFacing) {
        this.server = server;
        this.clientFacing = clientFacing;
    }

    /** Jackson's defaults plus the wire's settings. */
    public static PhoenixJson defaults() {
        return DEFAULTS;
    }

    /**
     * The application's configuration, applied to a builder (twice: once per limit), then the
     * wire's settings on top.
     *
     * @param application what the application sets on a {@link JsonMapper.Builder}
     */
    public static PhoenixJson of(Consumer<JsonMapper.Builder> application) {
        Objects.requireNonNull(application, "application");
        return new PhoenixJson(mapper(application, SERVER_DEPTH), mapper(application, CLIENT_DEPTH));
    }

    private static JsonMapper mapper(Consumer<JsonMapper.Builder> application, int readDepth) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(readDepth).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(SERVER_DEPTH).build())
                .build());
        application.accept(builder);
        return builder.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** Writes up to {@value #SERVER_DEPTH} levels and reads what other nodes wrote. */
    public JsonMapper server() {
        return server;
    }

    /** Reads a client's JSON (up to {@value #CLIENT_DEPTH} levels); writes like {@link #server()}. */
    public JsonMapper clientFacing() {
        return clientFacing;
    }
}
