package io.phoenixspring.channels.bench;

import io.phoenixspring.channels.support.TestServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the load test: the server (TestServer: the room contract's socket with its bench channel)
 * and the load generator as two separate JVMs on loopback, then prints the generator's report.
 *
 * <pre>
 * phoenix-channels/bench/loadtest.sh [JOIN_SOCKETS FANOUT_SOCKETS RATE SECONDS WARMUP_SOCKETS]
 * </pre>
 *
 * With {@code LOADTEST_SERVER_JAR} set to an executable Spring Boot jar of the room contract (the
 * demo: {@code demo/target/demo-0.1.0-SNAPSHOT.jar}), that application is the server instead, on a
 * free port, with the library's per-connection info logs turned down.
 */
public final class LoadTest {

    private static void awaitHealthy(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy on port " + port);
    }

    public static void main(String[] args) throws Exception {
        String joinSockets = args.length > 0 ? args[0] : "10000";
        String fanoutSockets = args.length > 1 ? args[1] : "5000";
        String rate = args.length > 2 ? args[2] : "20";
        String seconds = args.length > 3 ? args[3] : "10";
        String warmup = args.length > 4 ? args[4] : "0";
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("java.class.path");

        List<String> serverCommand = new ArrayList<>(List.of(java, "-Xms512m", "-Xmx1g"));
        String extra = System.getenv("SERVER_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            serverCommand.addAll(List.of(extra.trim().split("\\s+")));
        }
        String jar = System.getenv("LOADTEST_SERVER_JAR");
        int port = -1;
        if (jar != null && !jar.isBlank()) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            serverCommand.addAll(List.of("-jar", jar, "--server.port=" + port, "--logging.level.io.phoenixspring=warn"));
        } else {
            serverCommand.addAll(List.of("-cp", classpath, TestServer.class.getName()));
        }
        Process server = new ProcessBuilder(serverCommand).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            if (port < 0) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("listening ")) {
                        port = Integer.parseInt(line.substring("listening ".length()).trim());
                        break;
                    }
                }
            }
            if (port < 0) {
                throw new IllegalStateException("the server did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep the server's output pipe from filling up
                    }
                } catch (Exception ignored) {
                    // server ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            if (jar != null && !jar.isBlank()) {
                awaitHealthy(port);
            }
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath, LoadGenerator.class.getName(),
                    "http://127.0.0.1:" + port, joinSockets, fanoutSockets, rate, seconds, String.valueOf(server.pid()), warmup));
            Process generator = new ProcessBuilder(command).inheritIO().start();
            if (!generator.waitFor(5, TimeUnit.MINUTES)) {
                generator.destroyForcibly();
                throw new IllegalStateException("the load generator did not finish within 5 minutes");
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }
}
