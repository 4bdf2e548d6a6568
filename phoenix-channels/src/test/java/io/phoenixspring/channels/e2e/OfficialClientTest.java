package io.phoenixspring.channels.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.phoenixspring.channels.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official {@code phoenix} npm client, unchanged, against a real server: every scenario of
 * {@code src/test/js/scenarios.mjs} over WebSocket with vsn 2.0.0 and 1.0.0 and over long-poll
 * (vsn 2.0.0: the client's LongPoll always uses its V2 serializer), each over plain HTTP and over
 * TLS ({@code wss://}, {@code https://}; the client trusts the test's self-signed certificate
 * through {@code NODE_EXTRA_CA_CERTS}). Each scenario runs in its own
 * {@code node} process, which prints one JSON line with what it observed and exits 0, or exits 1
 * with the reason and a trace of the frames and HTTP requests.
 *
 * <p>{@code npm ci} (exec-maven-plugin, process-test-resources) installs the pinned client from
 * {@code src/test/js/package-lock.json}; Node.js 20 or later must be on the PATH.
 */
class OfficialClientTest {

    static final Path JS = Path.of("src", "test", "js");
    private static final long PROCESS_TIMEOUT_SECONDS = 25;
    private static final String SCENARIO_TIMEOUT_MS = "15000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The transports and serializers the official client is run with. */
    private static final List<List<String>> TRANSPORTS = List.of(
            List.of("websocket", "2.0.0"),
            List.of("websocket", "1.0.0"),
            List.of("longpoll", "2.0.0"));

    /** Every scenario of scenarios.mjs, in its order (checked against {@code --list}). */
    static final List<String> SCENARIOS = List.of(
            "connect", "connect_refused", "join", "ping", "error_reply", "broadcast", "binary",
            "crash_rejoin", "unknown_event", "leave", "stop", "duplicate_join", "heartbeat", "disconnect",
            "join_on_open", "longpoll_keepalive");

    private static TestServer server;
    private static TestServer tlsServer;

    @BeforeAll
    static void start() {
        assertThat(JS.resolve("node_modules/phoenix/package.json"))
                .as("the official client is installed: `npm ci` in %s (exec-maven-plugin, process-test-resources)",
                        JS.toAbsolutePath())
                .exists();
        server = new TestServer();
        tlsServer = TestServer.tls(java.util.function.UnaryOperator.identity(), java.util.function.UnaryOperator.identity());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> runs = new ArrayList<>();
        for (String scheme : List.of("http", "https")) {
            for (List<String> transport : TRANSPORTS) {
                for (String scenario : SCENARIOS) {
                    if (applies(transport.get(0), transport.get(1), scenario)) {
                        runs.add(Arguments.of(scheme, transport.get(0), transport.get(1), scenario));
                    }
                }
            }
        }
        return runs.stream();
    }

    /**
     * Binary payloads need the V2 serializer (over long-poll the scenario checks the server's error
     * reply instead); the keep-alive scenario is about the long-poll transport's HTTP requests.
     */
    private static boolean applies(String transport, String vsn, String scenario) {
        return switch (scenario) {
            case "binary" -> vsn.equals("2.0.0");
            case "longpoll_keepalive" -> transport.equals("longpoll");
            default -> true;
        };
    }

    @ParameterizedTest(name = "{0} {1} vsn={2}: {3}")
    @MethodSource("scenarios")
    void officialClient(String scheme, String transport, String vsn, String scenario) throws Exception {
        TestServer target = scheme.equals("https") ? tlsServer : server;
        Result result = node("scenarios.mjs", target.baseUrl(), transport, vsn, scenario);
        JsonNode report = result.json();
        if (result.exit() != 0 || report == null || !report.path("ok").asBoolean(false)) {
            fail("%s over %s vsn=%s failed (exit %s)%n%s%nstdout:%n%s%nstderr:%n%s", scenario, transport, vsn,
                    result.exit(), report == null ? "(no JSON report)" : "reason: " + report.path("reason").asString(""),
                    result.stdout(), result.stderr());
        }
        assertThat(report.path("scenario").asString()).isEqualTo(scenario);
        assertThat(report.path("transport").asString()).isEqualTo(transport);
        assertThat(report.path("vsn").asString()).isEqualTo(vsn);
        assertThat(report.has("observed")).as("observations in %s", result.stdout()).isTrue();
    }

    @Test
    void theScriptHasExactlyTheseScenarios() throws Exception {
        Result result = node("scenarios.mjs", "--list");
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip().lines().toList()).isEqualTo(SCENARIOS);
    }

    @Test
    void theInstalledClientIsThePinnedOne() throws Exception {
        JsonNode manifest = JSON.readTree(JS.resolve("package.json").toFile());
        for (String dependency : List.of("phoenix", "ws")) {
            String pinned = manifest.path("dependencies").path(dependency).asString();
            assertThat(pinned).as("%s is pinned to an exact version", dependency).matches("\\d+\\.\\d+\\.\\d+");
            JsonNode installed = JSON.readTree(JS.resolve("node_modules/" + dependency + "/package.json").toFile());
            assertThat(installed.path("version").asString()).as(dependency).isEqualTo(pinned);
        }
        assertThat(manifest.path("dependencies").path("phoenix").asString()).startsWith("1.8.");
        Result version = node("--version");
        assertThat(version.exit()).isZero();
        assertThat(Integer.parseInt(version.stdout().strip().replaceFirst("^v(\\d+)\\..*$", "$1")))
                .as("Node.js major version (%s)", version.stdout().strip())
                .isGreaterThanOrEqualTo(20);
    }

    record Result(int exit, String stdout, String stderr) {

        /** The scenario's one JSON line (the last line of stdout that is a JSON object). */
        JsonNode json() {
            List<String> lines = stdout.strip().lines().filter(l -> l.startsWith("{")).toList();
            if (lines.isEmpty()) {
                return null;
            }
            try {
                return JSON.readTree(lines.get(lines.size() - 1));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    static Result node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("phoenix-e2e", ".out");
        Path err = Files.createTempFile("phoenix-e2e", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(JS.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("SCENARIO_TIMEOUT_MS", SCENARIO_TIMEOUT_MS);
            builder.environment().put("NODE_EXTRA_CA_CERTS",
                    io.phoenixspring.channels.support.SelfSignedTls.get().certificatePem().toString());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run `node` (Node.js 20 or later must be on the PATH): " + e.getMessage(), e);
            }
            boolean finished = process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (!finished) {
                throw new AssertionError("`" + String.join(" ", command) + "` did not exit within "
                        + PROCESS_TIMEOUT_SECONDS + " s and was killed\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return new Result(process.exitValue(), stdout, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
