package io.phoenixspring.live.view;

import java.util.Map;

/**
 * A hook run before every {@link LiveView#mount} of a live session (Phoenix's {@code on_mount}),
 * in the plain HTTP render and in the connected one: load the current user from the session,
 * refuse a page. Halting must redirect ({@link LiveSocket#redirect}, {@link LiveSocket#pushNavigate}).
 *
 * <pre>{@code
 * OnMount requireUser = (params, session, socket) -> {
 *     if (session.get("user_id") == null) { socket.redirect("/login"); return OnMount.Result.HALT; }
 *     socket.assignNew("current_user", () -> users.find(session.get("user_id")));
 *     return OnMount.Result.CONT;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface OnMount {

    /** {@code {:cont, socket}} or {@code {:halt, socket}}. */
    enum Result { CONT, HALT }

    Result onMount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket);
}
