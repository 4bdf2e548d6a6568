package io.phoenixspring.autoconfigure.channels;

import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.SocketHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

/**
 * Checks, once every bean exists and before the web server starts, that Phoenix's sockets can run:
 * they need Reactor Netty as the server (else {@link SocketsNeedReactorNettyException}), and a
 * Reactor Netty before {@value ReactorNettyVersion#FIXED} gets one WARN, as it stalls long-poll.
 */
final class SocketServerCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SocketServerCheck.class);

    static final String REACTIVE_WEB_SERVER_FACTORY = "org.springframework.boot.web.server.reactive.ReactiveWebServerFactory";
    static final String NETTY_WEB_SERVER_FACTORY = "org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory";

    private final ListableBeanFactory beans;
    private final ClassLoader classLoader;
    private final String reactorNettyVersion;

    /** @param reactorNettyVersion the version found on the class path, or null when absent or unknown */
    SocketServerCheck(ListableBeanFactory beans, ClassLoader classLoader, String reactorNettyVersion) {
        this.beans = beans;
        this.classLoader = classLoader;
        this.reactorNettyVersion = reactorNettyVersion;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String otherServer = otherServer();
        if (otherServer != null) {
            List<String> sockets = sockets();
            if (!sockets.isEmpty()) {
                throw new SocketsNeedReactorNettyException(otherServer, sockets);
            }
            return;
        }
        warnIfStalling();
    }

    void warnIfStalling() {
        if (reactorNettyVersion != null && ReactorNettyVersion.stalls(reactorNettyVersion)) {
            log.warn("Reactor Netty {} is on the class path: before {} it stops reading a keep-alive connection after a "
                    + "response sent off the event loop (reactor-netty #4361), so long-poll clients stall. Use Spring Boot "
                    + "4.1.3 or later (Reactor Netty 1.3.9), or on an older spring-boot-starter-parent set the properties "
                    + "reactor-bom.version=2025.0.8 and netty.version=4.2.18.Final (with Boot's BOM imported instead, import "
                    + "io.projectreactor:reactor-bom and io.netty:netty-bom at those versions before it)",
                    reactorNettyVersion, ReactorNettyVersion.FIXED);
        }
    }

    /** What the application serves HTTP with instead of Reactor Netty, or null when it is Reactor Netty (or unknown). */
    String otherServer() {
        if (!ClassUtils.isPresent(ReactorNettyVersion.HTTP_SERVER, classLoader)) {
            return "Reactor Netty (io.projectreactor.netty:reactor-netty-http) is not on the class path";
        }
        if (!ClassUtils.isPresent(REACTIVE_WEB_SERVER_FACTORY, classLoader)) {
            return null;
        }
        Class<?> factoryType = ClassUtils.resolveClassName(REACTIVE_WEB_SERVER_FACTORY, classLoader);
        Class<?> netty = ClassUtils.isPresent(NETTY_WEB_SERVER_FACTORY, classLoader)
                ? ClassUtils.resolveClassName(NETTY_WEB_SERVER_FACTORY, classLoader) : null;
        // No factory: a mock web environment (tests), where nothing serves connections.
        for (String name : beans.getBeanNamesForType(factoryType, true, false)) {
            Class<?> type = beans.getType(name);
            if (type != null && (netty == null || !netty.isAssignableFrom(type))) {
                return "the web server is " + type.getName() + " (bean '" + name + "')";
            }
        }
        return null;
    }

    /** The declared sockets, as "name (type)" (or the type when it is the name): beans annotated with @PhoenixSocket and SocketHandler beans. */
    List<String> sockets() {
        Set<String> names = new LinkedHashSet<>(List.of(beans.getBeanNamesForAnnotation(PhoenixSocket.class)));
        names.addAll(List.of(beans.getBeanNamesForType(SocketHandler.class, true, false)));
        List<String> sockets = new ArrayList<>();
        for (String name : names) {
            Class<?> type = beans.getType(name);
            String typeName = type == null ? "?" : ClassUtils.getUserClass(type).getName();
            sockets.add(name.equals(typeName) ? typeName : name + " (" + typeName + ")");
        }
        return sockets;
    }
}
