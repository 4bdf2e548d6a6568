package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Query;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phoenix's verified routes ({@code ~p"/users/#{id}"}) for Java: declare paths on an interface,
 * and {@link #create} checks every template against the router when the bean is made. A path no
 * route matches fails the application at startup (or the test that builds it), never in production.
 *
 * <pre>{@code
 * interface Paths { @VerifiedPath("/users/{id}") String user(Object id); }
 * @Bean Paths paths(Router router) { return VerifiedRoutes.create(Paths.class, router); }
 * paths.user(42); // "/users/42"
 * }</pre>
 *
 * <p>With the endpoint's cache manifest ({@link #create(Class, Router, StaticManifest)}), a path
 * without placeholders that names a static file is {@code ~p}'s static form: it returns the
 * digested path, {@code @VerifiedPath("/assets/app.js")} giving {@code "/assets/app-<md5>.js?vsn=d"}
 * (Phoenix's {@code static_path}); a file the manifest knows needs no route.
 *
 * <p>With the endpoint ({@link #create(Class, Router, WebEndpoint)}) paths are under its url path
 * (Phoenix's script name), and {@link VerifiedUrl @VerifiedUrl} methods return full URLs
 * ({@code url(~p"...")}). A {@code Map} filling a placeholder of the query is the whole query,
 * encoded as Phoenix's {@code ~p"/users?#{params}"}: {@code @VerifiedPath("/users?{params}")}.
 * A request's own public URL is {@link #url(Conn, String)}.
 */
public final class VerifiedRoutes {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/?&=]+)}");

    private VerifiedRoutes() {
    }

    /**
     * @throws IllegalStateException listing every template that no route matches, or whose placeholders
     *         do not fit the method's parameters
     */
    public static <T> T create(Class<T> paths, Router router) {
        return create(paths, router, StaticManifest.none());
    }

    /**
     * @param manifest the endpoint's cache manifest ({@code WebEndpoint.staticManifest()}); fixed paths it knows are digested
     * @throws IllegalStateException listing every template that neither a route nor the manifest matches, or whose
     *         placeholders do not fit the method's parameters
     */
    public static <T> T create(Class<T> paths, Router router, StaticManifest manifest) {
        return create(paths, router, WebEndpoint.defaults().withStaticManifest(manifest));
    }

    /**
     * @param endpoint its cache manifest digests fixed static paths; its url and path prefix the paths and URLs
     * @throws IllegalStateException listing every template that neither a route nor the manifest matches, or whose
     *         placeholders do not fit the method's parameters
     */
    public static <T> T create(Class<T> paths, Router router, WebEndpoint endpoint) {
        StaticManifest manifest = endpoint.staticManifest();
        if (!paths.isInterface()) {
            throw new IllegalArgumentException(paths.getName() + " must be an interface");
        }
        Map<Method, Template> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Method method : paths.getMethods()) {
            VerifiedPath annotation = method.getAnnotation(VerifiedPath.class);
            VerifiedUrl asUrl = method.getAnnotation(VerifiedUrl.class);
            if (annotation == null && asUrl == null || method.isDefault()) {
                continue;
            }
            if (annotation != null && asUrl != null) {
                problems.add(method.getName() + " has both @VerifiedPath and @VerifiedUrl");
                continue;
            }
            String template = annotation != null ? annotation.value() : asUrl.value();
            String prefix = asUrl != null ? endpoint.url() : "";
            int placeholders = count(template);
            if (placeholders != method.getParameterCount()) {
                problems.add(method.getName() + ": \"" + template + "\" has " + placeholders + " placeholders but the method takes "
                        + method.getParameterCount() + " arguments");
            } else if (method.getReturnType() != String.class) {
                problems.add(method.getName() + " must return String");
            } else if (placeholders == 0 && manifest.latest().containsKey(staticFile(template))) {
                // The static form: computed once, as the template has nothing to fill.
                templates.put(method, new Template((asUrl != null ? endpoint.staticUrl() : "") + endpoint.staticPath(template), ""));
                continue;
            } else if (!router.verifies(template)) {
                problems.add(method.getName() + ": no route matches \"" + template + "\"");
            }
            templates.put(method, new Template(endpoint.path(template), prefix));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("unverified routes in " + paths.getName() + ":\n  " + String.join("\n  ", problems)
                    + "\nroutes:\n" + router.format());
        }
        Object proxy = Proxy.newProxyInstance(paths.getClassLoader(), new Class<?>[] {paths}, (self, method, args) -> {
            Template template = templates.get(method);
            if (template != null) {
                return template.prefix() + fill(template.path(), args == null ? new Object[0] : args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "VerifiedRoutes(" + paths.getSimpleName() + ")";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(self, method, args);
            }
            throw new UnsupportedOperationException(method.getName() + " has no @VerifiedPath");
        });
        return paths.cast(proxy);
    }

    /** A verified template under the script name, and what goes before it: "" for a path, the endpoint url for a URL. */
    private record Template(String path, String prefix) {
    }

    /**
     * Phoenix's {@code url(conn, ~p"...")} for the request's own origin: {@code url(conn, paths.user(1))}
     * is {@code "https://public.example.com/users/1"}. Behind a proxy the origin is the public one when
     * Boot's {@code server.forward-headers-strategy} is {@code framework} or {@code native}; without a
     * strategy it is where the server was reached. For links leaving the request (mail, say), prefer
     * the endpoint's configured {@link #url(WebEndpoint, String)}: a client chooses its own Host header.
     * With either strategy a proxy's {@code X-Forwarded-Prefix} goes before the path
     * ({@code "https://public.example.com/app/users/1"}).
     *
     * @param path a path, as a verified route returns it (already under the script name)
     */
    public static String url(Conn conn, String path) {
        EndpointUrl origin = EndpointUrl.of(conn);
        return origin.url() + origin.path(path);
    }

    /** @return the request's origin without path, {@code "https://public.example.com"} (Phoenix's {@code Routes.url(conn)}) */
    public static String url(Conn conn) {
        return EndpointUrl.of(conn).url();
    }

    /** @return the endpoint's url before a verified path: {@code url(MyEndpoint, ~p"/users")} */
    public static String url(WebEndpoint endpoint, String path) {
        return endpoint.url() + path;
    }

    /**
     * Phoenix's {@code unverified_path/4}: a path no route verifies (built at run time), under the
     * endpoint's script name, with params encoded as the query.
     *
     * <pre>{@code VerifiedRoutes.unverifiedPath(endpoint, "/posts", Map.of("page", 1)); // "/posts?page=1"}</pre>
     */
    public static String unverifiedPath(WebEndpoint endpoint, String path, Map<?, ?> params) {
        String query = Query.encode(params);
        return endpoint.path(path) + (query.isEmpty() ? "" : "?" + query);
    }

    /** @return {@link #unverifiedPath(WebEndpoint, String, Map)} with the endpoint the conn came through */
    public static String unverifiedPath(Conn conn, String path, Map<?, ?> params) {
        return unverifiedPath(WebEndpoint.of(conn), path, params);
    }

    /** @return Phoenix's {@code unverified_url/3}: the endpoint's url before {@link #unverifiedPath(WebEndpoint, String, Map)} */
    public static String unverifiedUrl(WebEndpoint endpoint, String path, Map<?, ?> params) {
        return endpoint.url() + unverifiedPath(endpoint, path, params);
    }

    /** @return the manifest key of a fixed template: no leading slash, no query or fragment */
    private static String staticFile(String template) {
        int end = template.length();
        for (char c : new char[] {'?', '#'}) {
            int i = template.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        return template.startsWith("/") ? template.substring(1, end) : template;
    }

    private static int count(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String fill(String template, Object[] args) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int query = template.indexOf('?');
        while (m.find()) {
            Object arg = args[i++];
            boolean inQuery = query >= 0 && m.start() > query;
            if (arg instanceof Map<?, ?> && !inQuery) {
                throw new IllegalArgumentException("a map fills only the query, not the path segment {" + m.group(1) + "} of "
                        + template);
            }
            String value = String.valueOf(arg);
            // As ~p encodes: URI.encode_www_form in the query, only unreserved characters kept in a segment.
            String encoded = arg instanceof Map<?, ?> params ? Query.encode(params)
                    : inQuery ? Query.encodeWwwForm(value) : Query.encodeSegment(value);
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        // "/users?{params}" with no params is "/users", not "/users?".
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == '?' ? out.substring(0, end - 1) : out.toString();
    }
}
