package io.phoenixspring.autoconfigure.channels;

/**
 * Start-up fails with this when a {@code @PhoenixSocket} bean cannot be mounted: its path, a
 * channel topic pattern, or a channel it routes to is wrong. Boot's failure report explains it
 * (Description / Action) instead of a stack trace.
 */
public class InvalidSocketException extends IllegalStateException {

    private final String socket;
    private final String problem;

    /**
     * @param socket the socket bean, as "name (type)"
     * @param problem what is wrong, e.g. {@code channel topic "room:*:x": a splat (*) is only allowed at the end}
     * @param cause the failure that says so, or null
     */
    public InvalidSocketException(String socket, String problem, Throwable cause) {
        super("Phoenix socket " + socket + " cannot be mounted: " + problem, cause);
        this.socket = socket;
        this.problem = problem;
    }

    /** The socket bean, as "name (type)". */
    public String socket() {
        return socket;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
