package io.phoenixspring.pubsub.redis;

import io.phoenixspring.pubsub.PubSub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A pubsub node in its own JVM, driven by {@link SeparateJvmNodeTest}: it echoes every message it
 * receives on {@code to-remote} back on {@code from-remote}, prefixed with its node name, and
 * prints what it got. It exits when its standard input closes, so it never outlives the test.
 */
public final class RemoteNodeMain {

    private RemoteNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String nodeName = args[1];
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(RedisPubSubAdapter.Settings.of(url), "test");
        try (PubSub pubSub = PubSub.builder().name("test").nodeName(nodeName).adapter(adapter).build()) {
            pubSub.subscribe("to-remote", (topic, message) -> {
                System.out.println("GOT " + message);
                System.out.flush();
                pubSub.broadcast("from-remote", nodeName + ":" + message);
            });
            adapter.ready().get(30, TimeUnit.SECONDS);
            System.out.println("READY " + pubSub.nodeName());
            System.out.flush();
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (stdin.readLine() != null) {
                // keep running until the test closes our input
            }
        }
        System.exit(0);
    }
}
