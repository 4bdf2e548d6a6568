package io.phoenixspring.channels.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: real WebSocket clients in this process, speaking the V2 protocol to a
 * server's {@code bench:*} channel (the room contract), on loopback and bounded in time. It
 * reports its own CPU next to the server's so that a saturated client is never taken for a slow
 * server.
 *
 * <pre>
 * LoadGenerator BASE_URL JOIN_SOCKETS FANOUT_SOCKETS RATE SECONDS SERVER_PID
 * </pre>
 *
 * Phases: (1) connect and join JOIN_SOCKETS sockets to bench:load, timed; (2) the server's heap
 * per idle joined socket (its /api/stats after GC, against the heap before connecting); (3) keep
 * FANOUT_SOCKETS sockets and broadcast RATE messages per second for SECONDS through
 * {@code POST /api/rooms/bench:load/messages}; every client checks order and latency.
 */
public final class LoadGenerator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final long serverPid;
    private final WireClients wire;

    private LoadGenerator(String base, long serverPid) throws java.io.IOException {
        this.base = base;
        this.serverPid = serverPid;
        URI uri = URI.create(base);
        this.wire = new WireClients(uri.getHost(), uri.getPort(), 2);
    }

    private static final byte[] BODY = "\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW_MSG = "\"new_msg\"".getBytes(StandardCharsets.US_ASCII);

    /** One client socket. */
    private final class Client {
        final int index;
        volatile boolean joined;
        long lastSeq = -1;
        long received;
        long outOfOrder;
        final long[] latencies;
        int latencyCount;
        WireClients.Connection connection;

        Client(int index, int expected) {
            this.index = index;
            this.latencies = new long[expected];
        }

        synchronized void reset() {
            lastSeq = -1;
            received = 0;
            outOfOrder = 0;
            latencyCount = 0;
        }

        void onText(byte[] bytes, int offset, int length, CountDownLatch joinedLatch) {
            if (!joined) {
                String frame = new String(bytes, offset, length, StandardCharsets.UTF_8);
                if (frame.startsWith("[\"1\",\"1\",\"bench:load\",\"phx_reply\"") && frame.contains("\"status\":\"ok\"")) {
                    joined = true;
                    joinedLatch.countDown();
                }
                return;
            }
            int at = indexOf(bytes, offset, length, BODY);
            if (at < 0 || indexOf(bytes, offset, length, NEW_MSG) < 0) {
                return;
            }
            long now = System.nanoTime();
            int i = at + BODY.length;
            long seq = 0;
            while (bytes[i] != ':') {
                seq = seq * 10 + (bytes[i++] - '0');
            }
            i++;
            long sent = 0;
            while (bytes[i] != '"') {
                sent = sent * 10 + (bytes[i++] - '0');
            }
            synchronized (this) {
                if (seq <= lastSeq) {
                    outOfOrder++;
                }
                lastSeq = seq;
                received++;
                if (latencyCount < latencies.length) {
                    latencies[latencyCount++] = now - sent;
                }
            }
        }
    }

    private static int indexOf(byte[] bytes, int offset, int length, byte[] needle) {
        outer:
        for (int i = offset; i <= offset + length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int joinSockets = Integer.parseInt(args[1]);
        int fanoutSockets = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long serverPid = Long.parseLong(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        new LoadGenerator(base, serverPid).run(joinSockets, fanoutSockets, rate, seconds, warmup);
        System.exit(0);
    }

    private void run(int joinSockets, int fanoutSockets, int rate, int seconds, int warmup) throws Exception {
        String token = token("loadgen");
        // The test server also serves /api/stats (heap) and bare WebSockets (/raw/*) for the
        // baselines; another server of the room contract (the demo) gets the Phoenix measures only.
        boolean testServer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        if (!testServer) {
            System.out.println("server without /api/stats and /raw/*: heap from jcmd, and no bare-WebSocket baselines in this run");
        }
        if (warmup > 0) {
            // A freshly started JVM spends its first seconds compiling; measure the server warm too.
            for (int round = 0; round < 3; round++) {
                CountDownLatch warmed = new CountDownLatch(warmup);
                Semaphore slots = new Semaphore(256);
                List<Client> warm = new ArrayList<>();
                for (int i = 0; i < warmup; i++) {
                    Client client = new Client(i, 0);
                    warm.add(client);
                    slots.acquire();
                    client.connection = connect(client, token, warmed, slots::release, new AtomicInteger());
                }
                warmed.await(60, TimeUnit.SECONDS);
                warm.forEach(c -> c.connection.close());
                // The bare baseline's connections too: code both paths share (Netty, Reactor Netty)
                // is then compiled for both before either is measured, not recompiled in the middle.
                if (!testServer) {
                    continue;
                }
                CountDownLatch bareWarmed = new CountDownLatch(warmup);
                List<Client> bareWarm = new ArrayList<>();
                for (int i = 0; i < warmup; i++) {
                    Client client = new Client(i, 0);
                    client.joined = true;
                    bareWarm.add(client);
                    slots.acquire();
                    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
                    client.connection = connectRaw(client, bareWarmed, () -> {
                        if (released.compareAndSet(false, true)) {
                            slots.release();
                        }
                    });
                }
                bareWarmed.await(60, TimeUnit.SECONDS);
                bareWarm.forEach(c -> c.connection.close());
            }
            Thread.sleep(2000);
            System.out.printf("warm-up: %d connect+join+close cycles%s done%n", 3 * warmup, testServer ? " and as many bare WebSockets" : "");
        }
        // The join baseline: the same number of bare WebSocket connections (upgrade only, no
        // connect callback, no join), in the same run.
        if (testServer) {
            Semaphore baselineSlots = new Semaphore(256);
            List<Client> bare = new ArrayList<>();
            CountDownLatch bareOpen = new CountDownLatch(joinSockets);
            long bareServer0 = serverCpu();
            long bareGen0 = ownCpu();
            long bareStarted = System.nanoTime();
            for (int i = 0; i < joinSockets; i++) {
                Client client = new Client(i, 0);
                client.joined = true;
                bare.add(client);
                baselineSlots.acquire();
                java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
                client.connection = connectRaw(client, bareOpen, () -> {
                    if (settled.compareAndSet(false, true)) {
                        baselineSlots.release();
                    }
                });
            }
            bareOpen.await(60, TimeUnit.SECONDS);
            System.out.printf("join baseline: %d bare WebSockets opened in %.2f s (server CPU %.2f s, generator CPU %.2f s)%n",
                    joinSockets - bareOpen.getCount(), (System.nanoTime() - bareStarted) / 1e9,
                    (serverCpu() - bareServer0) / 1e9, (ownCpu() - bareGen0) / 1e9);
            bare.forEach(c -> c.connection.close());
            Thread.sleep(2000);
        }

        long heapBefore = testServer ? stats(true)[0] : jcmdHeapAfterGc();

        // Phase 1: connect and join.
        int expectedPerClient = rate * seconds + 10;
        List<Client> clients = new ArrayList<>();
        CountDownLatch joinedLatch = new CountDownLatch(joinSockets);
        Semaphore inFlight = new Semaphore(256);
        AtomicInteger failures = new AtomicInteger();
        long cpuGen0 = ownCpu();
        long joinServerCpu0 = serverCpu();
        long started = System.nanoTime();
        for (int i = 0; i < joinSockets; i++) {
            Client client = new Client(i, i < fanoutSockets ? expectedPerClient : 0);
            clients.add(client);
            // At most 256 handshakes in flight: a slot is released when its client has joined or failed.
            inFlight.acquire();
            java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable release = () -> {
                if (settled.compareAndSet(false, true)) {
                    inFlight.release();
                }
            };
            client.connection = connect(client, token, joinedLatch, release, failures);
        }
        boolean allJoined = joinedLatch.await(60, TimeUnit.SECONDS);
        // Like the JS client, a heartbeat every 30 s: the server closes sockets it hears nothing from.
        java.util.concurrent.ScheduledExecutorService heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "loadgen-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(() -> {
            for (Client client : clients) {
                try {
                    client.connection.sendText("[null,\"hb\",\"phoenix\",\"heartbeat\",{}]");
                } catch (java.io.IOException | RuntimeException closed) {
                    // a socket this run already closed
                }
            }
        }, 30, 30, TimeUnit.SECONDS);
        double joinSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("join: %d sockets joined bench:load in %.2f s (all joined: %s, failures: %d; server CPU %.2f s, generator CPU %.2f s)%n",
                joinSockets - joinedLatch.getCount(), joinSeconds, allJoined, failures.get(),
                (serverCpu() - joinServerCpu0) / 1e9, (ownCpu() - cpuGen0) / 1e9);

        // Phase 2: heap per idle joined socket.
        Thread.sleep(1000);
        if (testServer) {
            long[] idle = stats(true);
            System.out.printf("heap: %.0f bytes per idle joined socket (server heap %d MB before, %d MB with %d sockets)%n",
                    (idle[0] - heapBefore) / (double) joinSockets, heapBefore >> 20, idle[0] >> 20, idle[2]);
        } else {
            long heap = jcmdHeapAfterGc();
            System.out.printf("heap: %.0f bytes per idle joined socket (server heap after a full GC, by jcmd: %d MB before, %d MB with the sockets)%n",
                    (heap - heapBefore) / (double) joinSockets, heapBefore >> 20, heap >> 20);
        }

        // Phase 3: fan-out at rate × fanoutSockets deliveries per second.
        for (int i = fanoutSockets; i < clients.size(); i++) {
            clients.get(i).connection.close();
        }
        List<Client> fanout = clients.subList(0, fanoutSockets);
        Thread.sleep(2000);
        if (warmup > 0) {
            // Throughput is measured in steady state, as in a server that has run a while: the HTTP
            // path that posts broadcasts (20 requests/s would take minutes to get compiled) and the
            // fan-out path are compiled first.
            long posts0 = System.nanoTime();
            for (int i = 0; i < warmup * 3; i++) {
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/rooms/bench:idle/messages"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"0:0\"}")).build(), HttpResponse.BodyHandlers.discarding());
            }
            System.out.printf("warm-up: %d broadcasts posted to a topic without subscribers in %.2f s%n",
                    warmup * 3, (System.nanoTime() - posts0) / 1e9);
            fanout("phoenix warm-up", fanout, rate, 10, seq -> base + "/api/rooms/bench:load/messages", true);
            fanout.forEach(Client::reset);
            Thread.sleep(1000);
        }
        double phoenix = fanout("phoenix", fanout, rate, seconds, seq -> base + "/api/rooms/bench:load/messages", true);
        heartbeats.shutdownNow();
        fanout.forEach(c -> c.connection.close());
        if (!testServer) {
            wire.close();
            return;
        }

        // Phase 4, the baseline: the same fan-out over bare WebSockets (no protocol, no channels).
        Thread.sleep(2000);
        List<Client> raw = new ArrayList<>();
        CountDownLatch rawOpen = new CountDownLatch(fanoutSockets);
        for (int i = 0; i < fanoutSockets; i++) {
            Client client = new Client(i, expectedPerClient);
            client.joined = true;
            raw.add(client);
            inFlight.acquire();
            client.connection = connectRaw(client, rawOpen, inFlight::release);
        }
        rawOpen.await(60, TimeUnit.SECONDS);
        Thread.sleep(1000);
        if (warmup > 0) {
            fanout("baseline warm-up", raw, rate, 10, seq -> null, false);
            raw.forEach(Client::reset);
            Thread.sleep(1000);
        }
        double baseline = fanout("baseline", raw, rate, seconds, seq -> null, false);
        System.out.printf("ratio: phoenix path delivers %.2f of the bare-WebSocket baseline's deliveries per server CPU-second%n",
                phoenix / baseline);
        raw.forEach(c -> c.connection.close());
        wire.close();
    }

    /** Broadcasts rate/s for seconds and reports; returns deliveries per server CPU-second. */
    private double fanout(String label, List<Client> fanout, int rate, int seconds,
            java.util.function.LongFunction<String> url, boolean phoenix) throws Exception {
        int fanoutSockets = fanout.size();
        long serverCpu0 = serverCpu();
        long serverSys0 = serverSys();
        long serverJit0 = serverJitCpu();
        long genCpu0 = ownCpu();
        long genSys0 = ownSys();
        long wall0 = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        int broadcasts = rate * seconds;
        AtomicLong postFailures = new AtomicLong();
        for (int seq = 0; seq < broadcasts; seq++) {
            long due = wall0 + seq * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String marker = seq + ":" + System.nanoTime();
            String body = "{\"body\":\"" + marker + "\"}";
            // One broadcast after the other, as one process would: broadcasts from one sender arrive in order.
            try {
                HttpRequest request = phoenix
                        ? HttpRequest.newBuilder(URI.create(url.apply(seq))).header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build()
                        : HttpRequest.newBuilder(URI.create(base + "/raw/broadcast?body=" + marker))
                                .POST(HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 202) {
                    postFailures.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                postFailures.incrementAndGet();
            }
        }
        long expected = (long) broadcasts * fanoutSockets;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (received(fanout) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double serverCpu = (serverCpu() - serverCpu0) / 1e9;
        double serverSys = (serverSys() - serverSys0) / 1e9;
        double serverJit = (serverJitCpu() - serverJit0) / 1e9;
        double genCpu = (ownCpu() - genCpu0) / 1e9;
        double genSys = (ownSys() - genSys0) / 1e9;
        long got = received(fanout);
        long outOfOrder = fanout.stream().mapToLong(c -> c.outOfOrder).sum();
        long[] all = latencies(fanout);
        Arrays.sort(all);
        System.out.printf(label + " fanout: %d sockets x %d broadcasts/s for %d s: %d of %d delivered, %d out of order, %d failed posts%n",
                fanoutSockets, rate, seconds, got, expected, outOfOrder, postFailures.get());
        System.out.printf(label + " latency: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                pct(all, 50), pct(all, 99), pct(all, 99.9), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf(label + " cpu: server %.2f s (%.2f s in the kernel), generator %.2f s (%.2f s in the kernel) over %.2f s wall; %.0f deliveries/s; %.0f deliveries per server CPU-second%n",
                serverCpu, serverSys, genCpu, genSys, wall, got / wall, got / serverCpu);
        System.out.printf(label + " cpu without the JIT: the server's compiler threads used %.2f s of it; %.0f deliveries per server CPU-second besides%n",
                serverJit, got / (serverCpu - serverJit));
        return got / serverCpu;
    }



    private WireClients.Connection connect(Client client, String token, CountDownLatch joined, Runnable settled, AtomicInteger failures) {
        return open("/socket/websocket?vsn=2.0.0&token=" + token, "[\"1\",\"1\",\"bench:load\",\"phx_join\",{}]",
                new WireClients.Handler() {
                    @Override
                    public void onOpen(WireClients.Connection connection) {
                    }

                    @Override
                    public void onText(byte[] buffer, int offset, int length) {
                        boolean wasJoined = client.joined;
                        client.onText(buffer, offset, length, joined);
                        if (!wasJoined && client.joined) {
                            settled.run();
                        }
                    }

                    @Override
                    public void onFailure(Exception failure) {
                        failures.incrementAndGet();
                        settled.run();
                    }
                });
    }

    private WireClients.Connection connectRaw(Client client, CountDownLatch open, Runnable settled) {
        return open("/raw/websocket", null, new WireClients.Handler() {
            @Override
            public void onOpen(WireClients.Connection connection) {
                open.countDown();
                settled.run();
            }

            @Override
            public void onText(byte[] buffer, int offset, int length) {
                client.onText(buffer, offset, length, open);
            }

            @Override
            public void onFailure(Exception failure) {
                settled.run();
            }
        });
    }

    private WireClients.Connection open(String pathAndQuery, String firstFrame, WireClients.Handler handler) {
        try {
            return wire.open(pathAndQuery, firstFrame, handler);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long received(List<Client> clients) {
        long total = 0;
        for (Client c : clients) {
            synchronized (c) {
                total += c.received;
            }
        }
        return total;
    }

    private static long[] latencies(List<Client> clients) {
        int n = 0;
        for (Client c : clients) {
            n += c.latencyCount;
        }
        long[] all = new long[n];
        int at = 0;
        for (Client c : clients) {
            System.arraycopy(c.latencies, 0, all, at, c.latencyCount);
            at += c.latencyCount;
        }
        return all;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private String token(String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/token?user=" + user)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.substring(body.indexOf(":\"") + 2, body.lastIndexOf('"'));
    }

    /** The server's used heap after a full GC, asked of the JVM with jcmd: for servers without /api/stats. */
    private long jcmdHeapAfterGc() throws Exception {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        new ProcessBuilder(jcmd, String.valueOf(serverPid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(serverPid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd: " + text);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** heap, cpuNanos, connections */
    private long[] stats(boolean gc) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/stats" + (gc ? "?gc=1" : ""))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new long[] {field(body, "heap"), field(body, "cpuNanos"), field(body, "connections")};
    }

    private static long field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = at;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(json.substring(at, end));
    }

    /** The server's CPU from /proc, so the measurement does not depend on the server's cooperation. */
    private long serverCpu() throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /** CPU of the server's JIT compiler threads: warm-up work that a long-running server no longer does. */
    private long serverJitCpu() throws Exception {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + serverPid + "/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException gone) {
                    // a compiler thread that ended
                }
            }
        }
        return ticks * 10_000_000L;
    }

    private long serverSys() throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[12]) * 10_000_000L;
    }

    private static long ownSys() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]) * 10_000_000L;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long ownCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
