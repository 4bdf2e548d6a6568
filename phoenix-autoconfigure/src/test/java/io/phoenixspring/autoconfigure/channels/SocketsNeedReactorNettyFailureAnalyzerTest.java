package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SocketsNeedReactorNettyFailureAnalyzerTest {

    @Test
    void describesWhatRunsInsteadAndTheSocketsAndSaysWhatToDo() {
        SocketsNeedReactorNettyException cause = new SocketsNeedReactorNettyException(
                "the web server is org.example.TomcatReactiveWebServerFactory (bean 'tomcat')",
                List.of("userSocket (com.example.UserSocket)", "adminSocket (com.example.AdminSocket)"));
        // Found however deep Spring wraps it.
        FailureAnalysis analysis = new SocketsNeedReactorNettyFailureAnalyzer()
                .analyze(new BeanCreationException("phoenixSocketServerCheck", "failed", cause));

        assertThat(analysis.getDescription()).isEqualTo("""
                Phoenix sockets need Reactor Netty: their WebSocket and long-poll transports run on Reactor Netty's \
                connections, but the web server is org.example.TomcatReactiveWebServerFactory (bean 'tomcat').

                Sockets declared:
                    - userSocket (com.example.UserSocket)
                    - adminSocket (com.example.AdminSocket)""");
        assertThat(analysis.getAction())
                .startsWith("Use spring-boot-starter-webflux's default server (Reactor Netty): remove the dependency")
                .contains("spring-boot-starter-tomcat", "spring-boot-starter-reactor-netty",
                        "phoenix.endpoint.sockets.enabled=false");
        assertThat(analysis.getCause()).isSameAs(cause);
    }
}
