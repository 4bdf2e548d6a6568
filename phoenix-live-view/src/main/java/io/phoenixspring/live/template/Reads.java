package io.phoenixspring.live.template;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a part of a template reads, found at compile time: the root assigns ({@code @user.name}
 * reads {@code user}), whether it reads everything ({@code assigns} itself), and the local variables
 * it uses that it does not bind (a part reading them is re-evaluated every time, as in Phoenix).
 */
final class Reads {

    final Set<String> keys = new TreeSet<>();
    final Set<String> freeVars = new TreeSet<>();
    /** Where each free variable is first used, for errors. */
    final Map<String, Integer> varPositions = new HashMap<>();
    boolean all;

    void variable(String name, int pos) {
        freeVars.add(name);
        varPositions.putIfAbsent(name, pos);
    }

    /** Whether a part with these reads must be re-evaluated when {@code changed} assigns changed. */
    boolean affectedBy(Set<String> changed) {
        if (changed == null || all || !freeVars.isEmpty()) {
            return true;
        }
        for (String key : keys) {
            if (changed.contains(key)) {
                return true;
            }
        }
        return false;
    }

    void add(Reads other) {
        keys.addAll(other.keys);
        freeVars.addAll(other.freeVars);
        all |= other.all;
    }

    /** Adds {@code other}'s reads, its free variables less those bound here. */
    void addBound(Reads other, Set<String> bound) {
        keys.addAll(other.keys);
        all |= other.all;
        for (String var : other.freeVars) {
            if (!bound.contains(var)) {
                freeVars.add(var);
            }
        }
    }
}
