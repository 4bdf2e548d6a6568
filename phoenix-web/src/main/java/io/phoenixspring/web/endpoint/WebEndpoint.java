package io.phoenixspring.web.endpoint;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.ResponseFormats;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.session.CookieStore;
import io.phoenixspring.web.template.TemplateRenderer;
import io.phoenixspring.web.template.ViewRenderer;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every conn knows of its endpoint: the session store (keyed by {@code secret_key_base}),
 * how errors render, whether debug errors are shown, which params are filtered from logs, the
 * JSON mapper, the template engine, the body size limit, the static files' cache manifest and the public URL
 * ({@code url()}, {@code path(...)}, {@code staticPath(...)}). The auto-configuration builds it
 * from {@code phoenix.endpoint.*}. A conn carries them as its {@link ResponseFormats};
 * {@link #of(Conn)} finds them again, as Phoenix reads {@code conn.private.phoenix_endpoint}.
 *
 * <pre>{@code
 * WebEndpoint endpoint = WebEndpoint.defaults()
 *         .withSessionStore(new CookieStore(secret, SessionOptions.defaults("_app_key", "salt")))
 *         .withErrorFormats(List.of("html", "json"))
 *         .withUrl(new EndpointUrl("https", "example.com", null, "/"));
 * endpoint.url(); // "https://example.com"
 * }</pre>
 *
 * @param sessionStore the cookie session store; null when no secret is configured (fetchSession then fails)
 * @param errorFormats formats errors render in, first is the fallback: "json", "html" (Phoenix's render_errors formats)
 * @param errorView the error view
 * @param debugErrors whether error responses show the exception (development only)
 * @param filterParameters parameter names (substrings, lower case) whose values are [FILTERED] in logs
 * @param json the JSON mapper for bodies and {@code Controller.json}
 * @param templates the template renderer for {@code Controller.render}; null when none
 * @param views the engines of view classes (controllers' HTML views, layouts, error views); none when null
 * @param maxBodyBytes largest request body the parsers read (Plug.Parsers' length, 8 MB)
 * @param staticManifest Phoenix's {@code cache_static_manifest}: {@link #staticPath} and {@link #staticIntegrity}
 *     read it, {@code StaticFiles} caches the digested files it names for a year; {@link StaticManifest#none()} when unset
 * @param structUrl Phoenix's {@code :url}: where clients reach the endpoint, behind {@link #url()}, {@link #path} and
 *     {@link #scriptName()}; {@link EndpointUrl#defaults()} when unset
 * @param staticStructUrl Phoenix's {@code :static_url}, behind {@link #staticUrl()} and {@link #staticPath}; the
 *     {@code structUrl} when unset (null)
 */
public record WebEndpoint(CookieStore sessionStore, List<String> errorFormats, ErrorView errorView,
        boolean debugErrors, List<String> filterParameters, JsonMapper json, TemplateRenderer templates,
        ViewRenderer views, long maxBodyBytes, StaticManifest staticManifest, EndpointUrl structUrl, EndpointUrl staticStructUrl)
        implements ResponseFormats {

    private static final JsonMapper DEFAULT_JSON = JsonMapper.builder().build();

    public WebEndpoint {
        errorFormats = List.copyOf(errorFormats);
        if (errorFormats.isEmpty()) {
            throw new IllegalArgumentException("render_errors needs at least one format (json or html)");
        }
        for (String format : errorFormats) {
            if (!format.equals("json") && !format.equals("html")) {
                throw new IllegalArgumentException("render_errors formats are json and html, got \"" + format + "\"");
            }
        }
        filterParameters = filterParameters.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("max body size must be positive, got " + maxBodyBytes);
        }
        views = views == null ? ViewRenderer.none() : views;
        staticManifest = staticManifest == null ? StaticManifest.none() : staticManifest;
        structUrl = structUrl == null ? EndpointUrl.defaults() : structUrl;
        staticStructUrl = staticStructUrl == null ? structUrl : staticStructUrl;
    }

    /**
     * @return the settings of the endpoint a conn came through; for a conn built with other
     *     {@link ResponseFormats}, the defaults with that JSON mapper and template renderer
     */
    public static WebEndpoint of(Conn conn) {
        ResponseFormats formats = conn.formats();
        if (formats instanceof WebEndpoint endpoint) {
            return endpoint;
        }
        return defaults().withJson(formats.json()).withTemplates(formats.templates()).withViews(formats.views());
    }

    /** @return JSON errors only, no session, no templates, debug errors off, "password" filtered, 8 MB bodies */
    public static WebEndpoint defaults() {
        return new WebEndpoint(null, List.of("json"), new DefaultErrorView(), false, List.of("password"),
                DEFAULT_JSON, null, null, 8_000_000, StaticManifest.none(), null, null);
    }

    public WebEndpoint withSessionStore(CookieStore value) {
        return new WebEndpoint(value, errorFormats, errorView, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withErrorFormats(List<String> value) {
        return new WebEndpoint(sessionStore, value, errorView, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withErrorView(ErrorView value) {
        return new WebEndpoint(sessionStore, errorFormats, value, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withDebugErrors(boolean value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, value, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withFilterParameters(List<String> value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, value, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withJson(JsonMapper value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, value, templates, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withTemplates(TemplateRenderer value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, value, views, maxBodyBytes,
                staticManifest, structUrl, staticStructUrl);
    }

    /** @return these settings with the engines of view classes ({@code ViewRenderer.of(...)} for several) */
    public WebEndpoint withViews(ViewRenderer value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, templates, value,
                maxBodyBytes, staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withMaxBodyBytes(long value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, templates, views, value,
                staticManifest, structUrl, staticStructUrl);
    }

    public WebEndpoint withStaticManifest(StaticManifest value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                value, structUrl, staticStructUrl);
    }

    /** @return these settings with {@code :url}; a static URL that followed the old one follows the new one */
    public WebEndpoint withUrl(EndpointUrl value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, value, staticStructUrl == structUrl ? null : staticStructUrl);
    }

    /** @return these settings with {@code :static_url} (a CDN, say); null to follow {@code :url} again */
    public WebEndpoint withStaticUrl(EndpointUrl value) {
        return new WebEndpoint(sessionStore, errorFormats, errorView, debugErrors, filterParameters, json, templates, views, maxBodyBytes,
                staticManifest, structUrl, value);
    }

    /** @return Phoenix's {@code url/0}, {@code "https://example.com"}: no path, the port only when not the scheme's default */
    public String url() {
        return structUrl.url();
    }

    /** @return Phoenix's {@code path/1}: {@code "/users/1"} under the url's path, {@code "/shop/users/1"} */
    public String path(String path) {
        return structUrl.path(path);
    }

    /** @return Phoenix's {@code script_name/0}: the url path's segments, {@code ["shop"]} */
    public List<String> scriptName() {
        return structUrl.scriptName();
    }

    /** @return Phoenix's {@code static_url/0}: the static URL (the url when none is set), without path */
    public String staticUrl() {
        return staticStructUrl.url();
    }

    /**
     * Phoenix's {@code Endpoint.static_path/1}: {@code "/js/app.js"} as the manifest digests it
     * ({@code "/js/app-<md5>.js?vsn=d"}), unchanged without a manifest, under the static url's path
     * ({@code "/shop/js/app-<md5>.js?vsn=d"}).
     *
     * @throws IllegalArgumentException for a path not starting with a single {@code /}
     */
    public String staticPath(String path) {
        return staticStructUrl.path(staticManifest.staticPath(path));
    }

    /** @return Phoenix's {@code Endpoint.static_integrity/1}: {@code "sha512-..."}, or null without a manifest entry */
    public String staticIntegrity(String path) {
        return staticManifest.staticIntegrity(path);
    }
}
