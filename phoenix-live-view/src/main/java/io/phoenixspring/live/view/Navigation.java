package io.phoenixspring.live.view;

/**
 * Where a callback asked to go ({@link LiveSocket#pushPatch}, {@link LiveSocket#pushNavigate},
 * {@link LiveSocket#redirect}); the runtime reads it after each callback.
 *
 * <pre>{@code
 * if (process.takeNavigation() instanceof Navigation.Patch patch) { ... patch.to() ... }
 * }</pre>
 */
public sealed interface Navigation {

    /** The path (or, for an external redirect, the URL) to go to. */
    String to();

    /** {@code push_patch}: same LiveView, new URL; handle_params runs, the client only updates the URL. */
    record Patch(String to, boolean replace) implements Navigation {
        public String kind() {
            return replace ? "replace" : "push";
        }
    }

    /** {@code push_navigate}: another LiveView of the same live session, without a page load. */
    record Navigate(String to, boolean replace) implements Navigation {
        public String kind() {
            return replace ? "replace" : "push";
        }
    }

    /** {@code redirect}: a full page load of {@code to} (a local path, or any URL when external). */
    record Redirect(String to, boolean external) implements Navigation {
    }
}
