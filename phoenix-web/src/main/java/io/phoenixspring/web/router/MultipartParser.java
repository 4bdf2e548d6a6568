package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.conn.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Plug.Parsers' multipart parser, over Spring's part reader: fields become strings, files become
 * {@link Upload}s in temporary files that are deleted once the response is sent, and names nest as
 * a query's do. The whole body counts against the endpoint's limit (413 past it); a body that is
 * not multipart is a 400. A file part with an empty filename (a file input left empty) is skipped,
 * as Plug skips it.
 */
final class MultipartParser {

    private static final Logger log = LoggerFactory.getLogger(MultipartParser.class);
    private static final String UPLOADS = MultipartParser.class.getName() + ".uploads";
    private static final ResolvableType PART = ResolvableType.forClass(Part.class);
    /** Parts up to this size stay in memory; larger files go to disk while they arrive. */
    private static final int IN_MEMORY_BYTES = 256 * 1024;

    private final DefaultPartHttpMessageReader reader = new DefaultPartHttpMessageReader();
    private final long limit;

    MultipartParser(long limit) {
        this.limit = limit;
        reader.setMaxInMemorySize((int) Math.min(IN_MEMORY_BYTES, limit));
        reader.setMaxDiskUsagePerPart(limit);
        reader.setHeadersCharset(StandardCharsets.UTF_8);
    }

    static boolean isMultipart(MediaType type) {
        return MediaType.MULTIPART_FORM_DATA.includes(type) || MediaType.MULTIPART_MIXED.includes(type);
    }

    Mono<Map<String, Object>> parse(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(StatusException.tooLarge(limit));
        }
        List<Path> uploads = new CopyOnWriteArrayList<>();
        exchange.getAttributes().put(UPLOADS, uploads);
        return reader.read(PART, limited(request), Map.of())
                .concatMap(part -> pair(part, uploads))
                .collectList()
                .map(pairs -> Params.ofPairs(pairs).asMap())
                .onErrorMap(DataBufferLimitException.class, e -> StatusException.tooLarge(limit))
                .onErrorMap(DecodingException.class,
                        e -> StatusException.badRequest("malformed multipart body: " + e.getMessage(), e));
    }

    private Mono<Map.Entry<String, Object>> pair(Part part, List<Path> uploads) {
        if (part instanceof FormFieldPart field) {
            return Mono.just(Map.entry(part.name(), field.value()));
        }
        if (!(part instanceof FilePart file)) {
            return DataBufferUtils.join(part.content())
                    .map(buffer -> {
                        try {
                            return Map.<String, Object>entry(part.name(), buffer.toString(StandardCharsets.UTF_8));
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    });
        }
        if (file.filename().isEmpty()) {
            return file.delete().then(Mono.empty());
        }
        // As written by the client (Plug keeps it as a string): parsing it could only fail on a typo.
        String type = file.headers().getFirst("content-type");
        return Mono.fromCallable(() -> {
                    Path target = Files.createTempFile("phoenix-upload-", "");
                    uploads.add(target);
                    return target;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(target -> file.transferTo(target)
                        .then(file.delete())
                        .thenReturn(Map.<String, Object>entry(file.name(),
                                new Upload(target, file.filename(), type))));
    }

    /** The request's body, failing past the limit whether or not a content-length was sent. */
    private ServerHttpRequest limited(ServerHttpRequest request) {
        AtomicLong read = new AtomicLong();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new DataBufferLimitException("multipart body larger than " + limit + " bytes");
                    }
                    return buffer;
                });
            }
        };
    }

    /** Deletes the request's uploads, off the event loop; called once the response is sent (or failed). */
    static void deleteUploads(ServerWebExchange exchange) {
        List<Path> uploads = exchange.getAttribute(UPLOADS);
        if (uploads == null || uploads.isEmpty()) {
            return;
        }
        Schedulers.boundedElastic().schedule(() -> {
            for (Path upload : uploads) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException | UncheckedIOException e) {
                    log.warn("Could not delete the upload {}: {}", upload, e.toString());
                }
            }
        });
    }
}
