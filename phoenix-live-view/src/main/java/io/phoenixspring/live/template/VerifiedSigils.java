package io.phoenixspring.live.template;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.router.Router;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix's verification of {@code ~p} in templates: a warning, never an error. Every compiled
 * template records its literal {@code ~p} paths; once the application's router is known, each path
 * no route matches (of any method; an interpolation matches any segment) and not under a static path
 * logs one WARN line, as the Elixir compiler does. Templates compiled later are checked as they compile.
 * The auto-configuration calls {@link #verifyAgainst} when the context is ready.
 *
 * <pre>{@code
 * VerifiedSigils.staticPaths(List.of("assets", "images", "favicon.ico"));
 * VerifiedSigils.verifyAgainst("router", router);
 * // WARN ... page.html.heex:3:12: no route path for router matches "/postz/#{@post.id}"
 * }</pre>
 */
public final class VerifiedSigils {

    /** Phoenix's default {@code static_paths/0}: {@code ~w(assets fonts images favicon.ico robots.txt)}. */
    public static final List<String> DEFAULT_STATIC_PATHS = List.of("assets", "fonts", "images", "favicon.ico", "robots.txt");

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedSigils.class);
    /** Templates are finite, but one compiled per request (a bug, or inline templates) must not grow this forever. */
    private static final int MAX_RECORDED = 10_000;
    private static final Object LOCK = new Object();

    /** A literal {@code ~p} path: where it is, as written, and as the router verifies it ({@code {_}} for interpolations). */
    record Recorded(String file, int line, int column, String written, String template) {
        String key() {
            return file + ":" + line + ":" + column;
        }
    }

    private static final Map<String, Recorded> RECORDED = new LinkedHashMap<>();
    private static final Set<String> WARNED = new HashSet<>();
    private static volatile Set<String> staticPaths = Set.copyOf(DEFAULT_STATIC_PATHS);
    private static Router router;
    private static String routerName;

    private VerifiedSigils() {
    }

    /**
     * Phoenix's {@code static_paths}: a {@code ~p} path whose first segment is one of them is a static file,
     * digested from the endpoint's cache manifest and never checked against the router.
     */
    public static void staticPaths(Collection<String> paths) {
        staticPaths = Set.copyOf(paths);
    }

    /** @return the static paths in use ({@link #DEFAULT_STATIC_PATHS} unless set) */
    public static Set<String> staticPaths() {
        return staticPaths;
    }

    /**
     * Checks every recorded path against {@code router}, and the paths of templates compiled from now on,
     * warning once for each that no route matches.
     *
     * @param name how warnings name the router (its bean name)
     */
    public static void verifyAgainst(String name, Router router) {
        List<Recorded> unmatched = new ArrayList<>();
        synchronized (LOCK) {
            if (VerifiedSigils.router != router) {
                WARNED.clear();
            }
            VerifiedSigils.router = router;
            VerifiedSigils.routerName = name;
            for (Recorded recorded : RECORDED.values()) {
                if (unmatched(recorded)) {
                    unmatched.add(recorded);
                }
            }
        }
        unmatched.forEach(VerifiedSigils::warn);
    }

    /** Stops checking against {@code router} (its application closed); later templates are only recorded. */
    public static void forget(Router router) {
        synchronized (LOCK) {
            if (VerifiedSigils.router == router) {
                VerifiedSigils.router = null;
                VerifiedSigils.routerName = null;
            }
        }
    }

    static boolean isStatic(String path) {
        List<String> segments = Conn.split(path);
        return !segments.isEmpty() && staticPaths.contains(segments.get(0));
    }

    /** Records a path of a template being compiled; checks it at once if the router is known. */
    static void record(Recorded recorded) {
        boolean warn;
        synchronized (LOCK) {
            if (RECORDED.size() >= MAX_RECORDED && !RECORDED.containsKey(recorded.key())) {
                return;
            }
            RECORDED.put(recorded.key(), recorded);
            warn = router != null && unmatched(recorded);
        }
        if (warn) {
            warn(recorded);
        }
    }

    /** Under the lock: whether the path fails verification and has not been reported yet (marking it reported). */
    private static boolean unmatched(Recorded recorded) {
        if (isStatic(recorded.template()) || router.verifies(recorded.template())) {
            return false;
        }
        return WARNED.add(recorded.key());
    }

    private static void warn(Recorded recorded) {
        String name;
        synchronized (LOCK) {
            name = routerName;
        }
        LOG.warn("{}: no route path for {} matches \"{}\"", recorded.key(), name, recorded.written());
    }
}
