package io.phoenixspring.web.router;

import io.phoenixspring.web.digest.StaticManifest;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

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
        if (!paths.isInterface()) {
            throw new IllegalArgumentException(paths.getName() + " must be an interface");
        }
        Map<Method, String> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Method method : paths.getMethods()) {
            VerifiedPath annotation = method.getAnnotation(VerifiedPath.class);
            if (annotation == null || method.isDefault()) {
                continue;
            }
            String template = annotation.value();
            int placeholders = count(template);
            if (placeholders != method.getParameterCount()) {
                problems.add(method.getName() + ": \"" + template + "\" has " + placeholders + " placeholders but the method takes "
                        + method.getParameterCount() + " arguments");
            } else if (method.getReturnType() != String.class) {
                problems.add(method.getName() + " must return String");
            } else if (placeholders == 0 && manifest.latest().containsKey(staticFile(template))) {
                // The static form: computed once, as the template has nothing to fill.
                template = manifest.staticPath(template);
            } else if (!router.verifies(template)) {
                problems.add(method.getName() + ": no route matches \"" + template + "\"");
            }
            templates.put(method, template);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("unverified routes in " + paths.getName() + ":\n  " + String.join("\n  ", problems)
                    + "\nroutes:\n" + router.format());
        }
        Object proxy = Proxy.newProxyInstance(paths.getClassLoader(), new Class<?>[] {paths}, (self, method, args) -> {
            String template = templates.get(method);
            if (template != null) {
                return fill(template, args == null ? new Object[0] : args);
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
            String value = String.valueOf(args[i++]);
            String encoded = query >= 0 && m.start() > query ? UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)
                    : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
