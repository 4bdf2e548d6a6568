package io.phoenixspring.channels.socket;

/**
 * The level of a channel's {@code JOINED}/{@code REFUSED JOIN} and {@code HANDLED} log lines:
 * Phoenix's {@code log_join} and {@code log_handle_in} options ({@code :info}, {@code :debug},
 * {@code false}…). Set per socket on {@link PhoenixSocket}, per channel on
 * {@code @PhoenixChannel} (or {@code Channel.logJoin()}); {@link #DEFAULT} defers to the next
 * level up, ending at Phoenix's defaults (join {@code INFO}, handle_in {@code DEBUG}).
 *
 * <pre>{@code
 * @PhoenixChannel(logJoin = LogLevel.DEBUG, logHandleIn = LogLevel.OFF)
 * class RoomChannel { ... }
 * }</pre>
 */
public enum LogLevel {
    /** The socket's level for a channel; Phoenix's default for a socket. */
    DEFAULT,
    /** No line ({@code log_join: false}). */
    OFF,
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** This level, or {@code fallback} when this is {@link #DEFAULT}. */
    public LogLevel or(LogLevel fallback) {
        return this == DEFAULT ? fallback : this;
    }
}
