package io.phoenixspring.autoconfigure.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code phoenix.presence.*}: Phoenix.Tracker's options under Phoenix's names, and the
 * {@code presence_diff} coalescing window.
 *
 * <pre>
 * phoenix.presence.broadcast-period=1500ms
 * phoenix.presence.diff-window=50ms
 * </pre>
 */
@ConfigurationProperties("phoenix.presence")
public class PresenceProperties {

    /** Whether to create the Presence bean. */
    private boolean enabled = true;

    /** Name of the tracker; nodes replicate presences with the trackers of the same name. */
    private String name = "presence";

    /** How often each node sends its heartbeat with the presence changes since the last one (Phoenix's broadcast_period). */
    private Duration broadcastPeriod = Duration.ofMillis(1500);

    /** A node with no changes still heartbeats after this many broadcast periods (max_silent_periods). */
    private int maxSilentPeriods = 10;

    /** Silence after which a node is marked down and its presences leave; defaults to broadcast-period x max-silent-periods x 2 (down_period). */
    private Duration downPeriod;

    /** Silence after which a down node's presences are discarded for good (permdown_period). */
    private Duration permdownPeriod = Duration.ofMillis(1_200_000);

    /** Number of tracker shards; topics are spread over them (pool_size). */
    private int poolSize = 1;

    /** Largest delta, in presences, sent in a heartbeat; nodes behind a larger change ask for a full state transfer. */
    private int maxDeltaSize = 10_000;

    /** Log nodes going down, coming back and being discarded at INFO instead of DEBUG (log_level). */
    private boolean logReplicaEvents = false;

    /** Gather the changes of a topic over this window into one presence_diff; 0 sends each change at once (Phoenix's behaviour). */
    private Duration diffWindow = Duration.ZERO;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Duration getBroadcastPeriod() {
        return broadcastPeriod;
    }

    public void setBroadcastPeriod(Duration broadcastPeriod) {
        this.broadcastPeriod = broadcastPeriod;
    }

    public int getMaxSilentPeriods() {
        return maxSilentPeriods;
    }

    public void setMaxSilentPeriods(int maxSilentPeriods) {
        this.maxSilentPeriods = maxSilentPeriods;
    }

    public Duration getDownPeriod() {
        return downPeriod;
    }

    public void setDownPeriod(Duration downPeriod) {
        this.downPeriod = downPeriod;
    }

    public Duration getPermdownPeriod() {
        return permdownPeriod;
    }

    public void setPermdownPeriod(Duration permdownPeriod) {
        this.permdownPeriod = permdownPeriod;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public int getMaxDeltaSize() {
        return maxDeltaSize;
    }

    public void setMaxDeltaSize(int maxDeltaSize) {
        this.maxDeltaSize = maxDeltaSize;
    }

    public boolean isLogReplicaEvents() {
        return logReplicaEvents;
    }

    public void setLogReplicaEvents(boolean logReplicaEvents) {
        this.logReplicaEvents = logReplicaEvents;
    }

    public Duration getDiffWindow() {
        return diffWindow;
    }

    public void setDiffWindow(Duration diffWindow) {
        this.diffWindow = diffWindow;
    }
}
