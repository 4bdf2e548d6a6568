package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.error.StatusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * Plug.Static: files from a classpath directory, mounted with {@code forward}. Responses carry an
 * etag (a matching {@code if-none-match} gets 304) and {@code cache-control: public}; requests with
 * a {@code vsn} query param (digested asset URLs) are cached for a year, immutable. A file is read
 * from the classpath once, then served from memory, so only the first request touches the disk.
 *
 * <pre>{@code
 * Router.builder().forward("/assets", StaticFiles.from("static/assets"))
 * // GET /assets/app.css?vsn=d -> static/assets/app.css, cache-control: public, max-age=31536000, immutable
 * }</pre>
 */
public final class StaticFiles implements Plug {

    private record File(byte[] bytes, String etag, String contentType) {
    }

    private static final File MISSING = new File(null, null, null);

    private final String root;
    private final ClassLoader loader;
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    private StaticFiles(String root, ClassLoader loader) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = loader;
    }

    /** @return a plug serving {@code <classpathDirectory>/<rest of the path>} */
    public static StaticFiles from(String classpathDirectory) {
        String dir = classpathDirectory.startsWith("/") ? classpathDirectory.substring(1) : classpathDirectory;
        return new StaticFiles(dir, StaticFiles.class.getClassLoader());
    }

    @Override
    public Conn call(Conn conn) {
        if (!conn.method().equals("GET") && !conn.method().equals("HEAD")) {
            throw new StatusException(404, "static files answer GET and HEAD only");
        }
        List<String> segments = conn.pathInfo();
        if (segments.isEmpty()) {
            throw new StatusException(404, "no file");
        }
        StringBuilder path = new StringBuilder(root);
        for (int i = 0; i < segments.size(); i++) {
            String segment = java.net.URLDecoder.decode(segments.get(i).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            if (segment.equals("..") || segment.equals(".") || segment.contains("/") || segment.contains("\\")
                    || segment.indexOf('\0') >= 0) {
                throw new StatusException(400, "invalid path for static file: " + conn.requestPath());
            }
            path.append(i == 0 ? "" : "/").append(segment);
        }
        File file = cache.computeIfAbsent(path.toString(), this::load);
        if (file == MISSING) {
            throw new StatusException(404, "no static file " + conn.requestPath());
        }
        boolean versioned = conn.params().has("vsn");
        Conn out = conn.putRespHeader("cache-control", versioned ? "public, max-age=31536000, immutable" : "public")
                .putRespHeader("etag", file.etag());
        if (file.etag().equals(conn.reqHeader("if-none-match"))) {
            return out.sendResp(304, "");
        }
        return out.putRespHeader("content-type", file.contentType()).putStatus(200).sendResp(file.bytes());
    }

    private File load(String path) {
        if (path.endsWith("/")) {
            return MISSING;
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return MISSING;
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String type = MediaTypeFactory.getMediaType(path).map(MediaType::toString).orElse("application/octet-stream");
            if (type.startsWith("text/") || type.equals("application/javascript")) {
                type = type + "; charset=utf-8";
            }
            return new File(bytes, "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"", type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
