package io.phoenixspring.pubsub.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.pubsub.testing.Inbox;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A node in a second JVM process and a node in this one, talking through a real redis-server. */
class SeparateJvmNodeTest {

    @Test
    void nodesInSeparateProcessesExchangeBroadcastsAndDirectBroadcasts() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Process remote = startRemoteNode(redis.url(), "remote");
            LinkedBlockingQueue<String> remoteOutput = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(remote.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        remoteOutput.add(line);
                    }
                } catch (Exception ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(redis.url()), "test");
            try (PubSub local = PubSub.builder().name("test").nodeName("local").adapter(adapter).build()) {
                Inbox echoes = new Inbox("echoes");
                local.subscribe("from-remote", echoes);
                adapter.ready().get(10, TimeUnit.SECONDS);
                assertThat(awaitLine(remoteOutput, "READY")).isEqualTo("READY remote");

                local.broadcast("to-remote", "hello").get(5, TimeUnit.SECONDS);
                assertThat(awaitLine(remoteOutput, "GOT")).isEqualTo("GOT hello");
                assertThat(echoes.next(Duration.ofSeconds(10)).message()).isEqualTo("remote:hello");

                local.directBroadcast("remote", "to-remote", "direct").get(5, TimeUnit.SECONDS);
                local.directBroadcast("someone-else", "to-remote", "not for remote").get(5, TimeUnit.SECONDS);
                local.broadcast("to-remote", "last").get(5, TimeUnit.SECONDS);
                // Redis keeps per-publisher order, so once "last" is echoed anything meant for
                // "remote" before it has arrived, and "not for remote" must not have.
                assertThat(echoes.next(Duration.ofSeconds(10)).message()).isEqualTo("remote:direct");
                assertThat(echoes.next(Duration.ofSeconds(10)).message()).isEqualTo("remote:last");
                assertThat(List.copyOf(remoteOutput)).doesNotContain("GOT not for remote");
            } finally {
                remote.getOutputStream().close();
                if (!remote.waitFor(20, TimeUnit.SECONDS)) {
                    remote.destroyForcibly();
                }
            }
            assertThat(remote.exitValue()).isZero();
        }
    }

    private static Process startRemoteNode(String url, String nodeName) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // Surefire hides the real test class path behind a manifest-only jar; it publishes it here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                RemoteNodeMain.class.getName(), url, nodeName)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the remote node printed no line starting with '" + prefix + "' in time");
    }
}
