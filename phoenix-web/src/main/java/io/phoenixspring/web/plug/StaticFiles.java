package io.phoenixspring.web.plug;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.StatusException;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * Plug.Static: files from a classpath directory (or a folder on disk), mounted with {@code forward}.
 * Responses carry an etag (a matching {@code if-none-match} gets 304) and {@code cache-control: public};
 * requests with a {@code vsn} query param, and the digested files the endpoint's cache manifest names
 * ({@code app-<md5>.css}, see {@link WebEndpoint#staticPath}), are cached for a year, immutable. A
 * file is read once, then served from memory, so only the first request touches the disk.
 * With {@link #gzip(boolean) gzip} on (Plug.Static's {@code gzip: true}), a client that accepts gzip
 * gets {@code app.css.gz} when it exists (as {@code phx.digest} writes it), with
 * {@code content-encoding: gzip}, and every response says {@code vary: Accept-Encoding}.
 *
 * <pre>{@code
 * Router.builder().forward("/assets", StaticFiles.from("static/assets").gzip(true))
 * // GET /assets/app.css?vsn=d -> static/assets/app.css, cache-control: public, max-age=31536000, immutable
 * // GET /assets/app-<md5>.css (in the manifest) -> the same cache-control; with accept-encoding: gzip, its .gz
 * }</pre>
 */
public final class StaticFiles implements Plug {

    private record File(byte[] bytes, String etag, String contentType) {
    }

    private static final File MISSING = new File(null, null, null);

    /** Opens a path under the root, null when there is no such file. */
    private interface Source {
        InputStream open(String path) throws IOException;
    }

    private final String root;
    private final Source source;
    private final boolean gzip;
    private final Map<String, File> cache = new ConcurrentHashMap<>();
    /** The {@code .gz} beside each path, typed as the path itself. */
    private final Map<String, File> gzipped = new ConcurrentHashMap<>();

    private StaticFiles(String root, Source source, boolean gzip) {
        this.root = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        this.source = source;
        this.gzip = gzip;
    }

    /** @return a plug serving {@code <classpathDirectory>/<rest of the path>} */
    public static StaticFiles from(String classpathDirectory) {
        String dir = classpathDirectory.startsWith("/") ? classpathDirectory.substring(1) : classpathDirectory;
        ClassLoader loader = StaticFiles.class.getClassLoader();
        return new StaticFiles(dir, loader::getResourceAsStream, false);
    }

    /**
     * @return a plug serving files of a folder on disk (Plug.Static's {@code from: "/www/public"}),
     *     e.g. where {@code phoenix:digest -Doutput=...} wrote them
     */
    public static StaticFiles fromDirectory(Path directory) {
        Path base = directory.toAbsolutePath().normalize();
        return new StaticFiles("", path -> {
            // The segments were checked (no "..", no separators), so this stays under base.
            Path file = base.resolve(path);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }, false);
    }

    /** @return this plug serving precompressed {@code .gz} files to clients that accept gzip (default off, as in Plug) */
    public StaticFiles gzip(boolean enabled) {
        return new StaticFiles(root, source, enabled);
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
        String encoding = null;
        File file = MISSING;
        if (gzip && accepts(conn.reqHeader("accept-encoding"), "gzip")) {
            file = gzipped.computeIfAbsent(path.toString(), original -> load(original + ".gz", original));
            encoding = file == MISSING ? null : "gzip";
        }
        if (file == MISSING) {
            file = cache.computeIfAbsent(path.toString(), original -> load(original, original));
        }
        if (file == MISSING) {
            throw new StatusException(404, "no static file " + conn.requestPath());
        }
        StaticManifest manifest = WebEndpoint.of(conn).staticManifest();
        boolean versioned = conn.params().has("vsn") || digested(manifest, conn.requestPath()) || digested(manifest, path.toString());
        Conn out = conn.putRespHeader("cache-control", versioned ? "public, max-age=31536000, immutable" : "public")
                .putRespHeader("etag", file.etag());
        if (gzip) {
            // Caches must key on the encoding, whichever this client got.
            out = out.putRespHeader("vary", "Accept-Encoding");
        }
        if (encoding != null) {
            out = out.putRespHeader("content-encoding", encoding);
        }
        if (file.etag().equals(conn.reqHeader("if-none-match"))) {
            return out.sendResp(304, "");
        }
        return out.putRespHeader("content-type", file.contentType()).putStatus(200).sendResp(file.bytes());
    }

    /**
     * Whether the manifest names this file as digested. The manifest's paths are relative to the
     * folder {@code phoenix:digest} ran on, which the request path mirrors ({@code static_path} made
     * it), as may the file's path ({@code static/} for {@code from("static/assets")}); each tail of
     * the path is looked up, for a plug mounted under a prefix.
     */
    static boolean digested(StaticManifest manifest, String path) {
        for (int from = path.startsWith("/") ? 1 : 0; from >= 0; from = path.indexOf('/', from) < 0 ? -1 : path.indexOf('/', from) + 1) {
            if (manifest.isDigested(path.substring(from))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an accept-encoding header lists this coding without {@code q=0}. */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String entry : acceptEncoding.split(",")) {
            String[] parts = entry.split(";");
            if (!parts[0].trim().equalsIgnoreCase(coding)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].split("=", 2);
                if (param.length == 2 && param[0].trim().equalsIgnoreCase("q")) {
                    try {
                        return Double.parseDouble(param[1].trim()) > 0;
                    } catch (NumberFormatException malformed) {
                        return true;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** @param typedAs the path whose name gives the content type */
    private File load(String path, String typedAs) {
        if (path.endsWith("/")) {
            return MISSING;
        }
        try (InputStream in = source.open(path)) {
            if (in == null) {
                return MISSING;
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String type = MediaTypeFactory.getMediaType(typedAs).map(MediaType::toString).orElse("application/octet-stream");
            if (type.startsWith("text/") || type.equals("application/javascript")) {
                type = type + "; charset=utf-8";
            }
            return new File(bytes, "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"", type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
