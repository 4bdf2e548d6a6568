package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real port, driven by the official {@code phoenix} JS client in Node
 * (installed by the build with {@code npm ci}): tokens over HTTP, WebSocket connect, join, presence,
 * replies, broadcasts, refusals. Nothing is configured but the secret key base.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialClientTest {

    private static final Path JS = Path.of("src/test/js");

    @LocalServerPort
    int port;

    @Test
    void theOfficialClientChatsThroughTheStarterAlone() throws Exception {
        assertThat(JS.resolve("node_modules/phoenix/package.json")).as("npm ci ran (exec-maven-plugin)").exists();
        Process node = new ProcessBuilder("node", "chat.mjs", "http://127.0.0.1:" + port)
                .directory(JS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try {
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("node chat.mjs did not finish in 60 s");
            }
            out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
            node.destroyForcibly();
        }
        Map<?, ?> result = JsonMapper.builder().build().readValue(out.substring(out.lastIndexOf('\n') + 1), Map.class);
        assertThat(result.get("ok")).as(out).isEqualTo(true);
        assertThat(result.get("pong")).isEqualTo(Map.of("hello", "there"));
        assertThat(result.get("message")).isEqualTo(Map.of("user", "bob", "body", "hi all"));
        assertThat(result.get("forgedRefused")).isEqualTo(true);
        assertThat(result.get("privateReason")).isEqualTo("unauthorized");
        assertThat(result.get("onlineAfter")).isEqualTo(List.of("ada"));
        assertThat(node.exitValue()).isZero();
    }
}
