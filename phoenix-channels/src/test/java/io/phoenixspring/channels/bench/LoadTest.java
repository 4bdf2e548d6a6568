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
 */
public final class LoadTest {

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
        serverCommand.addAll(List.of("-cp", classpath, TestServer.class.getName()));
        Process server = new ProcessBuilder(serverCommand).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            String line;
            int port = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("listening ")) {
                    port = Integer.parseInt(line.substring("listening ".length()).trim());
                    break;
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
