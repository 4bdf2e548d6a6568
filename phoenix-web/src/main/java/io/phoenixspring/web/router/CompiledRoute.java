package io.phoenixspring.web.router;

import io.phoenixspring.web.conn.StatusException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A route's path pattern compiled to per-segment matchers; first declared route wins. */
final class CompiledRoute {

    /** Stands for an interpolated value when verifying a path template. */
    static final String ANY = "\u0000any";

    final Route route;
    final int index;
    final String[] literals;    // the literal segment, or the literal prefix of a dynamic segment
    final String[] names;       // null for a literal segment
    final String globPrefix;    // non-null when the last segment is a glob
    final String globName;
    final boolean forward;

    CompiledRoute(Route route, int index) {
        this.route = route;
        this.index = index;
        List<String> segments = io.phoenixspring.web.conn.Conn.split(route.path());
        List<String> lits = new ArrayList<>();
        List<String> nms = new ArrayList<>();
        String gp = null;
        String gn = null;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            int star = s.indexOf('*');
            int colon = s.indexOf(':');
            if (star >= 0) {
                if (i != segments.size() - 1) {
                    throw new IllegalArgumentException("a glob must be the last segment in " + route.path());
                }
                gp = s.substring(0, star);
                gn = s.substring(star + 1);
                if (gn.isEmpty()) {
                    throw new IllegalArgumentException("a glob needs a name, e.g. *path, in " + route.path());
                }
            } else if (colon >= 0) {
                String name = s.substring(colon + 1);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("a path param needs a name, e.g. :id, in " + route.path());
                }
                lits.add(s.substring(0, colon));
                nms.add(name);
            } else {
                lits.add(s);
                nms.add(null);
            }
        }
        this.literals = lits.toArray(String[]::new);
        this.names = nms.toArray(String[]::new);
        this.globPrefix = gp;
        this.globName = gn;
        this.forward = route.forward() != null || "_forward_path".equals(gn);
    }

    /** @return the first segment when it is fully literal, else null */
    String firstLiteral() {
        return literals.length > 0 && names[0] == null ? literals[0] : null;
    }

    /** @return the match, or null */
    RouteMatch match(List<String> segments) {
        int fixed = literals.length;
        int size = segments.size();
        if (globPrefix == null ? size != fixed : size < fixed) {
            return null;
        }
        for (int i = 0; i < fixed; i++) {
            String segment = segments.get(i);
            String literal = literals[i];
            if (names[i] == null ? !literal.equals(segment) : !segment.startsWith(literal)) {
                return null;
            }
        }
        if (globPrefix != null && !globPrefix.isEmpty() && (size == fixed || !segments.get(fixed).startsWith(globPrefix))) {
            return null;
        }
        Map<String, Object> params = Map.of();
        if (fixed > 0 || globPrefix != null) {
            params = new LinkedHashMap<>(4);
            for (int i = 0; i < fixed; i++) {
                if (names[i] != null) {
                    params.put(names[i], decode(segments.get(i).substring(literals[i].length())));
                }
            }
            if (globPrefix != null && !forward) {
                List<String> rest = new ArrayList<>(size - fixed);
                for (int i = fixed; i < size; i++) {
                    String s = segments.get(i);
                    rest.add(decode(i == fixed ? s.substring(globPrefix.length()) : s));
                }
                params.put(globName, List.copyOf(rest));
            }
        }
        if (forward) {
            return new RouteMatch(route, params, segments.subList(0, fixed), segments.subList(fixed, size));
        }
        return new RouteMatch(route, params, List.of(), segments);
    }

    /** Whether a path template (with {@link #ANY} for interpolations) can reach this route. */
    boolean matchesTemplate(List<String> segments) {
        int fixed = literals.length;
        if (globPrefix == null ? segments.size() != fixed : segments.size() < fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            String s = segments.get(i);
            if (names[i] == null) {
                if (!literals[i].equals(s)) {
                    return false;
                }
            } else if (s.equals(ANY) ? !literals[i].isEmpty() : !s.startsWith(literals[i])) {
                return false;
            }
        }
        if (route.forward() != null) {
            return route.forward().verifies(segments.subList(fixed, segments.size()));
        }
        return true;
    }

    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StatusException(400, "malformed URI path segment: " + raw);
        }
    }
}
