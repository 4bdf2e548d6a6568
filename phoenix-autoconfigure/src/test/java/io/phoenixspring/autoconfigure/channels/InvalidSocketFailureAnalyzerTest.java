package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.channels.socket.ChannelRoutes;
import io.phoenixspring.channels.socket.ConnectInfo;
import io.phoenixspring.channels.socket.ConnectResult;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.channels.socket.SocketHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@ExtendWith(OutputCaptureExtension.class)
class InvalidSocketFailureAnalyzerTest {

    private final InvalidSocketFailureAnalyzer analyzer = new InvalidSocketFailureAnalyzer();

    @Test
    void aBadTopicPatternIsDescribedWithTheSocketAndTheFix() {
        InvalidSocketException cause = new InvalidSocketException("userSocket (com.example.UserSocket)",
                "channel topic \"room:*:x\": a splat (*) is only allowed at the end", new IllegalArgumentException());
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("phoenixSocketHandlerMapping", "failed", cause));

        assertThat(analysis.getDescription()).isEqualTo("""
                The Phoenix socket userSocket (com.example.UserSocket) cannot be mounted:

                    channel topic "room:*:x": a splat (*) is only allowed at the end""");
        assertThat(analysis.getAction()).startsWith("In the socket's channels(ChannelRoutes routes), write each topic pattern")
                .contains("(\"room:*\")");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void eachKindOfMistakeGetsItsOwnAction() {
        assertThat(InvalidSocketFailureAnalyzer.action(new InvalidSocketException("s (T)", "No qualifying bean of type 'RoomChannel'",
                new NoSuchBeanDefinitionException(String.class)))).startsWith("Make the channel class a bean");
        assertThat(InvalidSocketFailureAnalyzer.action(new InvalidSocketException("s (T)",
                "socket path must start and not end with '/': socket/", null))).startsWith("Set @PhoenixSocket(path = ...)");
        assertThat(InvalidSocketFailureAnalyzer.action(new InvalidSocketException("s (T)",
                "a @PhoenixSocket bean must implement io.phoenixspring.channels.socket.SocketHandler", null)))
                .startsWith("Implement io.phoenixspring.channels.socket.SocketHandler");
        assertThat(InvalidSocketFailureAnalyzer.action(new InvalidSocketException("s (T)",
                "com.example.RoomChannel is a @PhoenixChannel without a @Join method", null)))
                .startsWith("Fix the channel the socket routes to").contains("phoenix.endpoint.sockets.enabled=false");
    }

    @PhoenixSocket(path = "/socket")
    static class BadSocket implements SocketHandler {
        @Override
        public void channels(ChannelRoutes routes) {
            routes.channel("room:*:messages", ChannelsAutoConfigurationTest.RoomChannel.class);
        }

        @Override
        public Object connect(Map<String, String> params, Socket socket, ConnectInfo info) {
            return ConnectResult.ok();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({BadSocket.class, ChannelsAutoConfigurationTest.RoomChannel.class})
    static class App {
    }

    @Test
    void bootsFailureReportNamesTheSocketAndThePattern(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .run("--phoenix.endpoint.secret-key-base=" + ChannelsAutoConfigurationTest.SECRET, "--server.port=0",
                        "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:",
                "The Phoenix socket " + BadSocket.class.getName() + " cannot be mounted:\n\n"
                        + "    channel topic \"room:*:messages\": a splat (*) is only allowed at the end",
                "Action:", "In the socket's channels(ChannelRoutes routes), write each topic pattern");
    }
}
