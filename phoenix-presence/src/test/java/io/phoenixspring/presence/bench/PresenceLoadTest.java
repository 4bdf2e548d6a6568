package io.phoenixspring.presence.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the presence load test: the server ({@link PresenceLoadServer}) and the generator
 * ({@link PresenceLoadGenerator}) as two separate JVMs on loopback, then prints the generator's
 * report. Bounded: the generator gives up after TIMEOUT_SECONDS, this process after that plus a
 * minute, and the server is stopped in every case.
 *
 * <pre>
 * phoenix-presence/bench/loadtest.sh [SOCKETS USERS DIFF_WINDOW_MS CONCURRENCY TIMEOUT_SECONDS LOOP_THREADS WARMUP_SOCKETS]
 * </pre>
 *
 * {@code SERVER_JVM_OPTS} and {@code GENERATOR_JVM_OPTS} add options to the server's and the
 * generator's JVM (e.g. {@code -XX:StartFlightRecording=...}).
 */
public final class PresenceLoadTest {

    private PresenceLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        String sockets = args.length > 0 ? args[0] : "5000";
        String users = args.length > 1 ? args[1] : "100";
        String window = args.length > 2 ? args[2] : "50";
        String concurrency = args.length > 3 ? args[3] : "256";
        String timeout = args.length > 4 ? args[4] : "120";
        String loopThreads = args.length > 5 ? args[5] : "1";
        String warmup = args.length > 6 ? args[6] : "0";
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("java.class.path");

        List<String> serverCommand = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx2g"));
        String extra = System.getenv("SERVER_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            serverCommand.addAll(List.of(extra.trim().split("\\s+")));
        }
        serverCommand.addAll(List.of("-cp", classpath, PresenceLoadServer.class.getName(), window));
        Process server = new ProcessBuilder(serverCommand).redirectErrorStream(true).start();
        int code = 1;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            String line;
            int port = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("listening ")) {
                    port = Integer.parseInt(line.substring("listening ".length()).trim());
                    break;
                }
                System.out.println("server: " + line);
            }
            if (port < 0) {
                throw new IllegalStateException("the server did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    String l;
                    int shown = 0;
                    while ((l = out.readLine()) != null) {
                        // keep the server's pipe from filling up; show the first lines of trouble
                        if ((l.contains("ERROR") || l.contains("WARN")) && shown++ < 5) {
                            System.out.println("server: " + l);
                        }
                    }
                } catch (Exception ignored) {
                    // server ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx2g"));
            String generatorExtra = System.getenv("GENERATOR_JVM_OPTS");
            if (generatorExtra != null && !generatorExtra.isBlank()) {
                command.addAll(List.of(generatorExtra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", classpath, PresenceLoadGenerator.class.getName(), "http://127.0.0.1:" + port, String.valueOf(server.pid()),
                    sockets, users, concurrency, timeout, loopThreads, warmup));
            Process generator = new ProcessBuilder(command).inheritIO().start();
            if (!generator.waitFor(4 * Long.parseLong(timeout) + 60, TimeUnit.SECONDS)) {
                generator.destroyForcibly();
                throw new IllegalStateException("the load generator did not finish in time");
            }
            code = generator.exitValue();
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
                server.destroyForcibly();
            }
        }
        System.exit(code);
    }
}
