package io.phoenixspring.autoconfigure.channels;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link SocketsNeedReactorNettyException} into Boot's Description / Action report. */
class SocketsNeedReactorNettyFailureAnalyzer extends AbstractFailureAnalyzer<SocketsNeedReactorNettyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SocketsNeedReactorNettyException cause) {
        StringBuilder description = new StringBuilder()
                .append("Phoenix sockets need Reactor Netty: their WebSocket and long-poll transports run on ")
                .append("Reactor Netty's connections, but ").append(cause.server()).append(".\n\nSockets declared:\n");
        cause.sockets().forEach(socket -> description.append("    - ").append(socket).append('\n'));
        String action = "Use spring-boot-starter-webflux's default server (Reactor Netty): remove the dependency that "
                + "brings another server (spring-boot-starter-tomcat, spring-boot-starter-jetty) and any exclusion of "
                + "spring-boot-starter-reactor-netty. Or, if the application needs no sockets, remove the sockets or set "
                + "phoenix.endpoint.sockets.enabled=false.";
        return new FailureAnalysis(description.toString().stripTrailing(), action, cause);
    }
}
