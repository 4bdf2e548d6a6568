package io.phoenixspring.presence;

import io.phoenixspring.presence.tracker.TrackerOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Presence settings: the tracker's (Phoenix's names and defaults) and the diff coalescing window.
 * With a window of zero (the default, Phoenix's behaviour) a {@code presence_diff} goes out as soon
 * as a change happens; with a window of, say, 50 ms, every change of a topic within 50 ms of the
 * first one goes out as one {@code presence_diff} with many joins and leaves, which the JS client
 * applies unchanged. Diffs of one topic always go out in order.
 *
 * <pre>{@code
 * PresenceOptions options = PresenceOptions.defaults()
 *         .withDiffWindow(Duration.ofMillis(50))
 *         .withTracker(TrackerOptions.defaults("presence").withPoolSize(4));
 * }</pre>
 *
 * @param tracker the replication settings
 * @param diffWindow how long changes of one topic are gathered into one {@code presence_diff}
 */
public record PresenceOptions(TrackerOptions tracker, Duration diffWindow) {

    public static final String DEFAULT_NAME = "presence";

    public PresenceOptions {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(diffWindow, "diffWindow");
        if (diffWindow.isNegative() || diffWindow.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("diffWindow must be between 0 and 10s, got " + diffWindow.toMillis() + " ms");
        }
    }

    public static PresenceOptions defaults() {
        return new PresenceOptions(TrackerOptions.defaults(DEFAULT_NAME), Duration.ZERO);
    }

    public PresenceOptions withTracker(TrackerOptions value) {
        return new PresenceOptions(value, diffWindow);
    }

    public PresenceOptions withDiffWindow(Duration value) {
        return new PresenceOptions(tracker, value);
    }
}
