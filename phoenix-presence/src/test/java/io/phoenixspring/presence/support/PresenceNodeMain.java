package io.phoenixspring.presence.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A presence node in its own JVM, driven by SeparateJvmPresenceTest: {@code redisUrl nodeName
 * topic count}. It tracks {@code count} presences keyed {@code nodeName-i}, prints
 * {@code READY ref,ref,...} and then runs until its standard input closes (then it leaves
 * cleanly) or it is killed.
 */
public final class PresenceNodeMain {

    private PresenceNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String name = args[1];
        String topic = args[2];
        int count = Integer.parseInt(args[3]);
        Node node = new Node(name, url, topic, Node.fastTracker());
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(node.presence.track(new Object(), topic, name + "-" + i, Map.of("status", "online")));
        }
        System.out.println("READY " + String.join(",", refs));
        System.out.flush();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (stdin.readLine() != null) {
            // run until the test closes our input
        }
        node.close();
        System.exit(0);
    }
}
