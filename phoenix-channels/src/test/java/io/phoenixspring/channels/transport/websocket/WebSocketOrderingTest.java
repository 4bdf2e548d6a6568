package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.channels.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Many senders broadcasting at once to sockets that share event loops: every socket gets every
 * message, and each sender's messages arrive in the order they were sent (Phoenix's guarantee
 * between two processes), with no frame left waiting in a loop's queue.
 */
class WebSocketOrderingTest {

    private static final int SENDERS = 4;
    private static final int MESSAGES = 400;
    private static final int SOCKETS = 12;
    private static final Pattern SENT = Pattern.compile("\"sender\":(\\d+),\"seq\":(\\d+)");

    @org.junit.jupiter.params.ParameterizedTest(name = "direct writes: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void concurrentBroadcastsArriveCompleteAndInOrderPerSender(boolean direct) throws Exception {
        try (TestServer server = new TestServer(0, options -> options.withDirectWrites(direct),
                io.phoenixspring.pubsub.PubSub.builder().build())) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("u" + i) + "&vsn=2.0.0"));
                client.send("[\"1\",\"1\",\"room:order\",\"phx_join\",{}]");
                assertThat(client.next()).contains("\"status\":\"ok\"");
                clients.add(client);
            }
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int id = sender;
                done.add(senders.submit(() -> {
                    start.await();
                    for (int seq = 0; seq < MESSAGES; seq++) {
                        server.endpoint.broadcast("room:order", "m", Map.of("sender", id, "seq", seq));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sent : done) {
                sent.get();
            }
            senders.shutdown();
            for (RawClient client : clients) {
                int[] next = new int[SENDERS];
                for (int i = 0; i < SENDERS * MESSAGES; i++) {
                    Matcher matcher = SENT.matcher(client.next());
                    assertThat(matcher.find()).isTrue();
                    int sender = Integer.parseInt(matcher.group(1));
                    assertThat(Integer.parseInt(matcher.group(2))).as("sender %d's next message", sender).isEqualTo(next[sender]);
                    next[sender]++;
                }
                client.close();
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "direct writes: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void everyFrameIsWrittenWithoutWaitingForTheNextOne(boolean direct) throws Exception {
        // Each socket on its own topic, broadcasts spaced out so that they land while an event
        // loop is still writing the previous ones; every step is awaited. A frame left behind in a
        // loop's queue (a lost wake-up) would only leave with a later frame, so here it would not arrive.
        try (TestServer server = new TestServer(0, options -> options.withDirectWrites(direct),
                io.phoenixspring.pubsub.PubSub.builder().build())) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                RawClient client = RawClient.connect(server.wsUrl("token=" + server.token("u" + i) + "&vsn=2.0.0"));
                client.send("[\"1\",\"1\",\"room:s" + i + "\",\"phx_join\",{}]");
                assertThat(client.next()).contains("\"status\":\"ok\"");
                clients.add(client);
            }
            java.util.Random random = new java.util.Random(42);
            for (int seq = 0; seq < 500; seq++) {
                for (int i = 0; i < SOCKETS; i++) {
                    server.endpoint.broadcast("room:s" + i, "m", Map.of("sender", 0, "seq", seq));
                    long until = System.nanoTime() + 1_000 + random.nextInt(30_000);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
                for (RawClient client : clients) {
                    assertThat(client.next()).endsWith("\"seq\":" + seq + "}]");
                }
            }
            clients.forEach(RawClient::close);
        }
    }
}
