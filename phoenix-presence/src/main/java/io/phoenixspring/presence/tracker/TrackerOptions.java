package io.phoenixspring.presence.tracker;

import java.time.Duration;
import java.util.Objects;

/**
 * Phoenix.Tracker's options, with its defaults: {@code broadcast_period} 1500 ms,
 * {@code max_silent_periods} 10, {@code down_period} = broadcast period × max silent periods × 2
 * (30 s), {@code permdown_period} 1 200 000 ms (20 min), {@code pool_size} 1. {@code maxDeltaSize}
 * is the largest delta (presences added or removed in one broadcast period) sent in a heartbeat;
 * a replica with more changes sends its clock only, and the others ask for its whole state.
 *
 * <pre>{@code
 * TrackerOptions options = TrackerOptions.defaults("chat_presence")
 *         .withBroadcastPeriod(Duration.ofMillis(500))
 *         .withDownPeriod(Duration.ofSeconds(10));
 * }</pre>
 *
 * @param name names the tracker; nodes replicate with the trackers of the same name
 * @param broadcastPeriod how often a replica sends its heartbeat with its pending delta
 * @param maxSilentPeriods a replica with no changes still heartbeats after this many periods
 * @param downPeriod silence after which a replica is marked down and its presences leave
 * @param permdownPeriod silence after which a down replica's presences are discarded for good
 * @param poolSize number of shards; topics are spread over them by hash
 * @param maxDeltaSize the largest delta sent in a heartbeat, in presences
 * @param logReplicaEvents log replicas going down, up and permanently down at INFO (Phoenix's {@code log_level})
 */
public record TrackerOptions(String name, Duration broadcastPeriod, int maxSilentPeriods, Duration downPeriod,
        Duration permdownPeriod, int poolSize, int maxDeltaSize, boolean logReplicaEvents) {

    public static final Duration DEFAULT_BROADCAST_PERIOD = Duration.ofMillis(1500);
    public static final int DEFAULT_MAX_SILENT_PERIODS = 10;
    public static final Duration DEFAULT_PERMDOWN_PERIOD = Duration.ofMillis(1_200_000);
    public static final int DEFAULT_MAX_DELTA_SIZE = 10_000;

    public TrackerOptions {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("tracker name must be non-blank and contain no ':', got '" + name + "'");
        }
        requirePositive("broadcastPeriod", broadcastPeriod);
        requirePositive("downPeriod", downPeriod);
        requirePositive("permdownPeriod", permdownPeriod);
        if (maxSilentPeriods < 1) {
            throw new IllegalArgumentException("maxSilentPeriods must be at least 1, got " + maxSilentPeriods);
        }
        if (downPeriod.compareTo(broadcastPeriod.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("downPeriod (" + downPeriod.toMillis() + " ms) must be at least twice "
                    + "the broadcastPeriod (" + broadcastPeriod.toMillis() + " ms)");
        }
        if (permdownPeriod.compareTo(downPeriod) <= 0) {
            throw new IllegalArgumentException("permdownPeriod (" + permdownPeriod.toMillis() + " ms) must be greater "
                    + "than the downPeriod (" + downPeriod.toMillis() + " ms)");
        }
        if (poolSize < 1 || poolSize > 1024) {
            throw new IllegalArgumentException("poolSize must be between 1 and 1024, got " + poolSize);
        }
        if (maxDeltaSize < 1) {
            throw new IllegalArgumentException("maxDeltaSize must be at least 1, got " + maxDeltaSize);
        }
    }

    /** Phoenix's defaults, for a tracker named {@code name}. */
    public static TrackerOptions defaults(String name) {
        return new TrackerOptions(name, DEFAULT_BROADCAST_PERIOD, DEFAULT_MAX_SILENT_PERIODS,
                DEFAULT_BROADCAST_PERIOD.multipliedBy(DEFAULT_MAX_SILENT_PERIODS * 2L), DEFAULT_PERMDOWN_PERIOD, 1,
                DEFAULT_MAX_DELTA_SIZE, false);
    }

    public TrackerOptions withName(String value) {
        return new TrackerOptions(value, broadcastPeriod, maxSilentPeriods, downPeriod, permdownPeriod, poolSize,
                maxDeltaSize, logReplicaEvents);
    }

    public TrackerOptions withBroadcastPeriod(Duration value) {
        return new TrackerOptions(name, value, maxSilentPeriods, downPeriod, permdownPeriod, poolSize, maxDeltaSize,
                logReplicaEvents);
    }

    public TrackerOptions withMaxSilentPeriods(int value) {
        return new TrackerOptions(name, broadcastPeriod, value, downPeriod, permdownPeriod, poolSize, maxDeltaSize,
                logReplicaEvents);
    }

    public TrackerOptions withDownPeriod(Duration value) {
        return new TrackerOptions(name, broadcastPeriod, maxSilentPeriods, value, permdownPeriod, poolSize,
                maxDeltaSize, logReplicaEvents);
    }

    public TrackerOptions withPermdownPeriod(Duration value) {
        return new TrackerOptions(name, broadcastPeriod, maxSilentPeriods, downPeriod, value, poolSize, maxDeltaSize,
                logReplicaEvents);
    }

    public TrackerOptions withPoolSize(int value) {
        return new TrackerOptions(name, broadcastPeriod, maxSilentPeriods, downPeriod, permdownPeriod, value,
                maxDeltaSize, logReplicaEvents);
    }

    public TrackerOptions withMaxDeltaSize(int value) {
        return new TrackerOptions(name, broadcastPeriod, maxSilentPeriods, downPeriod, permdownPeriod, poolSize, value,
                logReplicaEvents);
    }

    public TrackerOptions withLogReplicaEvents(boolean value) {
        return new TrackerOptions(name, broadcastPeriod, maxSilentPeriods, downPeriod, permdownPeriod, poolSize,
                maxDeltaSize, value);
    }

    private static void requirePositive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
