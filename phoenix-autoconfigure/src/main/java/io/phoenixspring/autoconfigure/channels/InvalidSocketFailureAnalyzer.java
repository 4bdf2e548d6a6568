package io.phoenixspring.autoconfigure.channels;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidSocketException} into Boot's Description / Action report. */
class InvalidSocketFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSocketException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSocketException cause) {
        String description = "The Phoenix socket " + cause.socket() + " cannot be mounted:\n\n    " + cause.problem();
        return new FailureAnalysis(description, action(cause), cause);
    }

    /** Which part of the socket to fix, from the failure's kind: the mount path, a topic pattern, a channel. */
    static String action(InvalidSocketException cause) {
        String problem = cause.problem();
        if (cause.getCause() instanceof NoSuchBeanDefinitionException) {
            return "Make the channel class a bean (annotate it with @Component, or declare it with a @Bean method), "
                    + "or route to an instance: routes.channel(\"room:*\", new RoomChannel()).";
        }
        if (problem.contains("splat")) {
            return "In the socket's channels(ChannelRoutes routes), write each topic pattern as an exact topic "
                    + "(\"lobby\") or as a prefix ending in a single * (\"room:*\").";
        }
        if (problem.contains("socket path")) {
            return "Set @PhoenixSocket(path = ...) to a path that starts with '/' and does not end with one, e.g. "
                    + "@PhoenixSocket(path = \"/socket\").";
        }
        if (problem.contains("SocketHandler")) {
            return "Implement io.phoenixspring.channels.socket.SocketHandler in the socket class, or remove its "
                    + "@PhoenixSocket annotation.";
        }
        return "Fix the channel the socket routes to as the description says (a @PhoenixChannel has exactly one @Join "
                + "and one handler per event), or set phoenix.endpoint.sockets.enabled=false to start without sockets.";
    }
}
