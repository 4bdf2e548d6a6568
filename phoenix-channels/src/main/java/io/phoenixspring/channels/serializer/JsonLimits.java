package io.phoenixspring.channels.serializer;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * How deep JSON may nest, so that what the server accepts it can also send. A client's JSON is
 * read with Jackson's default limit ({@value #CLIENT_DEPTH} levels, also what Spring's mapper reads
 * an HTTP body with); the server then wraps it (a reply, a frame, a broadcast envelope, a presence
 * diff) and writes it, so every mapper that writes, or reads what another node wrote, allows
 * {@value #SERVER_DEPTH}. Without the margin a client's 499-deep ping is read, and its reply cannot
 * be written.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonLimits.serverMapper().build();
 * }</pre>
 */
public final class JsonLimits {

    /** The nesting a client's JSON may have: Jackson's default read limit. */
    public static final int CLIENT_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    /**
     * The nesting the server writes, and reads from other nodes: a client's JSON plus any
     * wrapping. The same number as PubSub's codec, which carries broadcasts between nodes.
     */
    public static final int SERVER_DEPTH = io.phoenixspring.pubsub.JsonMessageCodec.MAX_NESTING_DEPTH;

    private JsonLimits() {
    }

    /** A mapper builder whose writes (and reads) allow {@link #SERVER_DEPTH}. */
    public static JsonMapper.Builder serverMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(SERVER_DEPTH).build())
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(SERVER_DEPTH).build())
                .build());
    }

    /** A mapper builder that reads a client's JSON with {@link #CLIENT_DEPTH} and writes up to {@link #SERVER_DEPTH}. */
    public static JsonMapper.Builder clientFacingMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(SERVER_DEPTH).build())
                .build());
    }
}
