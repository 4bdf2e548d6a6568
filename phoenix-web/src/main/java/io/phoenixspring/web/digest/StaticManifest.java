package io.phoenixspring.web.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix.Endpoint's {@code cache_static_manifest} at run time: {@code cache_manifest.json} (as
 * {@link Digester} or {@code mix phx.digest} writes it) read once, answering
 * {@link #staticPath(String) static_path} and {@link #staticIntegrity(String) static_integrity}.
 * Without a manifest ({@link #none()}), paths are unchanged and there is no integrity, as in
 * development. {@code StaticFiles} caches the digested files it serves for a year.
 *
 * <pre>{@code
 * StaticManifest manifest = StaticManifest.load(Path.of("target/classes/static/cache_manifest.json"));
 * manifest.staticPath("/js/app.js");      // "/js/app-<md5>.js?vsn=d"
 * manifest.staticIntegrity("/js/app.js"); // "sha512-..." for <script integrity=...>
 * }</pre>
 */
public final class StaticManifest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StaticManifest NONE = new StaticManifest(Map.of(), Map.of(), true);

    /** Logical path to digested path, both without the leading slash. */
    private final Map<String, String> latest;
    /** Digested path to its sha512 (base64), null when the manifest has none (Phoenix before 1.4). */
    private final Map<String, String> digests;
    private final boolean withVsn;

    private StaticManifest(Map<String, String> latest, Map<String, String> digests, boolean withVsn) {
        this.latest = latest;
        this.digests = digests;
        this.withVsn = withVsn;
    }

    /** @return no manifest: {@code staticPath} returns its argument, {@code staticIntegrity} null */
    public static StaticManifest none() {
        return NONE;
    }

    /** @throws IllegalArgumentException when the file is missing or not a version 1 manifest */
    public static StaticManifest load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(missing(file.toAbsolutePath().toString()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param location where the manifest came from, named in errors
     * @throws IllegalArgumentException when it is not JSON with {@code latest} and {@code digests}
     */
    public static StaticManifest read(InputStream in, String location) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cache manifest " + location + " is not JSON: " + e.getOriginalMessage());
        }
        if (manifest == null || !manifest.path("latest").isObject() || !manifest.path("digests").isObject()) {
            throw new IllegalArgumentException("expected cache manifest " + location + " to include 'latest' and 'digests' keys");
        }
        Map<String, String> latest = new TreeMap<>();
        manifest.get("latest").properties().forEach(e -> latest.put(e.getKey(), e.getValue().asString()));
        Map<String, String> digests = new TreeMap<>();
        manifest.get("digests").properties().forEach(e -> {
            JsonNode sha = e.getValue().get("sha512");
            digests.put(e.getKey(), sha == null || sha.isNull() ? null : sha.asString());
        });
        return new StaticManifest(Map.copyOf(latest), java.util.Collections.unmodifiableMap(digests), true);
    }

    /** @return the message for a manifest that is not there, as Phoenix words it */
    public static String missing(String location) {
        return "could not find static manifest at " + location + ". Run \"mvn phoenix:digest\" after building your static files"
                + " or remove the phoenix.endpoint.cache-static-manifest property.";
    }

    /** @return this manifest without {@code ?vsn=d} on paths (Phoenix's {@code cache_manifest_skip_vsn}, e.g. behind a CDN) */
    public StaticManifest withoutVsn() {
        return new StaticManifest(latest, digests, false);
    }

    /**
     * Phoenix's {@code static_path}: {@code "/js/app.js"} becomes {@code "/js/app-<md5>.js?vsn=d"} when
     * the manifest knows it; any other path, and every path without a manifest, is returned as is.
     * A {@code #fragment} is kept.
     *
     * @throws IllegalArgumentException for a path not starting with a single {@code /}, or with a backslash
     */
    public String staticPath(String path) {
        int hash = path.indexOf('#');
        String file = hash < 0 ? path : path.substring(0, hash);
        String digested = latest.get(check(file).substring(1));
        if (digested == null) {
            return path;
        }
        return "/" + digested + (withVsn ? "?vsn=d" : "") + (hash < 0 ? "" : path.substring(hash));
    }

    /**
     * Phoenix's {@code static_integrity}: {@code "sha512-<base64>"} of the digested file, for a
     * {@code <script integrity>} attribute; null for a path the manifest does not know, or without a manifest.
     */
    public String staticIntegrity(String path) {
        String digested = latest.get(check(path).substring(1));
        String sha = digested == null ? null : digests.get(digested);
        return sha == null ? null : "sha512-" + sha;
    }

    /** @return whether a path relative to the static folder (no leading slash) is a digested file of this manifest */
    public boolean isDigested(String relativePath) {
        return digests.containsKey(relativePath);
    }

    /** @return logical path to digested path (Phoenix's {@code cache_static_manifest_latest}), no leading slashes */
    public Map<String, String> latest() {
        return latest;
    }

    private static String check(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("expected a path starting with a single / but got \"" + path + "\"");
        }
        if (path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("unsafe characters detected for path \"" + path + "\"");
        }
        return path;
    }

    @Override
    public String toString() {
        return "StaticManifest(" + latest.size() + " files" + (withVsn ? "" : ", without vsn") + ")";
    }
}
