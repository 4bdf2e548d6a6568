package io.phoenixspring.presence.bench;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The presence load generator: N real WebSocket clients (Reactor Netty, V2 protocol) of U users
 * join one room of a {@link PresenceLoadServer} on loopback, and every client keeps its presence
 * view the way the JS client's {@code Presence} does: {@code presence_state} replaces the view,
 * {@code presence_diff}s that arrive before it are kept and applied after it, a diff's joins are
 * applied before its leaves, metas are told apart by {@code phx_ref}. It measures the time from
 * the first join until every client's view holds exactly U keys and N metas, and reports its own
 * CPU next to the server's (both from /proc) so that a saturated generator is never taken for a
 * slow server.
 *
 * <pre>
 * PresenceLoadGenerator BASE_URL SERVER_PID [SOCKETS USERS CONCURRENCY TIMEOUT_SECONDS LOOP_THREADS]
 * </pre>
 *
 * <p>Frames are read with a streaming parser that only extracts the event, the join reply's
 * status, the keys and the {@code phx_ref}s; a view is a bit set of interned refs plus a
 * count of metas per key, which is all the completeness check needs (a JS view's keys are
 * exactly the keys with at least one meta).
 */
public final class PresenceLoadGenerator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonFactory JSON = new JsonFactory();

    private final String base;
    private final long serverPid;
    /** The round being run: its topic and its number of sockets. */
    private volatile String topic;
    private volatile int sockets;
    private final int users;
    private final LoopResources loops;
    private final int loopThreads;

    /** phx_ref → id, and id → key index: all clients share them. */
    private final FrameScanner.Interner refIds;
    private final FrameScanner.Interner keyIds;
    private final int[] keyOfRef;
    private final ThreadLocal<FrameScanner> scanners;
    private final AtomicLong slowFrames = new AtomicLong();

    private final AtomicInteger joined = new AtomicInteger();
    private final AtomicInteger failedJoins = new AtomicInteger();
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger socketsClosed = new AtomicInteger();
    private final AtomicInteger overfull = new AtomicInteger();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong states = new AtomicLong();
    private final AtomicLong stateBytes = new AtomicLong();
    private final AtomicLong diffs = new AtomicLong();
    private final AtomicLong diffBytes = new AtomicLong();
    private final AtomicLong parseFailures = new AtomicLong();
    private volatile long firstJoinSent;
    private volatile long allJoinedAt;
    private volatile long allCompleteAt;
    private volatile long lastStateAt;

    private PresenceLoadGenerator(String base, long serverPid, int sockets, int warmup, int users, int loopThreads) {
        this.base = base;
        this.serverPid = serverPid;
        this.sockets = sockets;
        this.users = users;
        this.loopThreads = loopThreads;
        this.loops = LoopResources.create("presence-loadgen", loopThreads, true);
        this.refIds = new FrameScanner.Interner((sockets + 3 * warmup) * 4 + 1024);
        this.keyIds = new FrameScanner.Interner(users * 4 + 64);
        this.keyOfRef = new int[refIds.capacity()];
        this.scanners = ThreadLocal.withInitial(() -> new FrameScanner(refIds, keyIds));
    }

    /** One client: its socket, and its presence view (touched only by its event-loop thread). */
    private final class Client {
        final int index;
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        Disposable connection;
        Runnable settle;
        boolean joinReplied;
        boolean synced;
        List<byte[]> pendingDiffs = new ArrayList<>();
        final BitSet refs = new BitSet();
        final int[] metasPerKey = new int[keyIds.capacity()];
        int metas;
        int keys;
        boolean isComplete;

        Client(int index) {
            this.index = index;
        }

        synchronized void send(String frame) {
            outbound.tryEmitNext(frame);
        }

        final FrameScanner.Pairs joins = new FrameScanner.Pairs();
        final FrameScanner.Pairs leaves = new FrameScanner.Pairs();

        /** A connection stays on one event-loop thread: its scanner is that thread's. */
        private FrameScanner scanner;

        void onFrame(byte[] frame) {
            frames.incrementAndGet();
            bytes.addAndGet(frame.length);
            if (scanner == null) {
                scanner = scanners.get();
            }
            try {
                scanner.header(frame);
            } catch (FrameScanner.Escaped e) {
                slowFrames.incrementAndGet();
                onFrameSlowly(frame);
                return;
            } catch (RuntimeException e) {
                unreadable(e);
                return;
            }
            switch (scanner.event) {
                case REPLY -> {
                    if (scanner.refIsOne && !joinReplied) {
                        boolean ok;
                        try {
                            ok = scanner.replyOk();
                        } catch (FrameScanner.Escaped e) {
                            ok = false;
                        }
                        onJoinReply(ok);
                    }
                }
                case STATE -> {
                    states.incrementAndGet();
                    stateBytes.addAndGet(frame.length);
                    joins.clear();
                    try {
                        scanner.state(joins);
                    } catch (FrameScanner.Escaped e) {
                        slowFrames.incrementAndGet();
                        onFrameSlowly(frame);
                        return;
                    } catch (RuntimeException e) {
                        unreadable(e);
                        return;
                    }
                    applyState();
                }
                case DIFF -> {
                    diffs.incrementAndGet();
                    diffBytes.addAndGet(frame.length);
                    if (!synced) {
                        pendingDiffs.add(frame);
                        return;
                    }
                    readAndApplyDiff(frame, scanner);
                }
                case ERROR -> errors.incrementAndGet();
                case CLOSE -> closes.incrementAndGet();
                default -> {
                }
            }
        }

        private void readAndApplyDiff(byte[] frame, FrameScanner scanner) {
            joins.clear();
            leaves.clear();
            try {
                scanner.header(frame);
                scanner.diff(joins, leaves);
            } catch (FrameScanner.Escaped e) {
                slowFrames.incrementAndGet();
                joins.clear();
                leaves.clear();
                if (!readSlowly(frame)) {
                    return;
                }
            } catch (RuntimeException e) {
                unreadable(e);
                return;
            }
            applyDiff();
        }

        private void onJoinReply(boolean ok) {
            joinReplied = true;
            if (ok) {
                if (joined.incrementAndGet() == sockets) {
                    allJoinedAt = System.nanoTime();
                }
            } else {
                failedJoins.incrementAndGet();
            }
            settle.run();
        }

        /** presence_state (in {@link #joins}): the view becomes exactly it, then the diffs that came first apply. */
        private void applyState() {
            refs.clear();
            java.util.Arrays.fill(metasPerKey, 0);
            metas = 0;
            keys = 0;
            for (int i = 0; i < joins.size; i += 2) {
                add(joins.data[i + 1], joins.data[i]);
            }
            synced = true;
            lastStateAt = System.nanoTime();
            List<byte[]> pending = pendingDiffs;
            pendingDiffs = null;
            if (scanner == null) {
                scanner = scanners.get();
            }
            for (byte[] diff : pending) {
                readAndApplyDiff(diff, scanner);
            }
            check();
        }

        /** A diff (in {@link #joins} / {@link #leaves}): joins first, then leaves, as the JS client does. */
        private void applyDiff() {
            for (int i = 0; i < joins.size; i += 2) {
                add(joins.data[i + 1], joins.data[i]);
            }
            for (int i = 0; i < leaves.size; i += 2) {
                remove(leaves.data[i + 1]);
            }
            check();
        }

        /** The same with Jackson's streaming parser, for frames with escaped strings. */
        private void onFrameSlowly(byte[] frame) {
            try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), frame)) {
                expect(p.nextToken(), JsonToken.START_ARRAY);
                p.nextToken(); // join_ref
                String ref = p.nextToken() == JsonToken.VALUE_STRING ? p.getString() : null;
                p.nextToken(); // topic
                p.nextToken();
                String event = p.getString();
                switch (event) {
                    case "phx_reply" -> {
                        if ("1".equals(ref) && !joinReplied) {
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            String status = null;
                            String name;
                            while ((name = p.nextName()) != null) {
                                JsonToken value = p.nextToken();
                                if (name.equals("status")) {
                                    status = p.getString();
                                } else if (value.isStructStart()) {
                                    p.skipChildren();
                                }
                            }
                            onJoinReply("ok".equals(status));
                        }
                    }
                    case "presence_state" -> {
                        states.incrementAndGet();
                        stateBytes.addAndGet(frame.length);
                        joins.clear();
                        expect(p.nextToken(), JsonToken.START_OBJECT);
                        readPresences(p, joins);
                        applyState();
                    }
                    case "presence_diff" -> {
                        diffs.incrementAndGet();
                        diffBytes.addAndGet(frame.length);
                        if (!synced) {
                            pendingDiffs.add(frame);
                        } else if (readSlowly(frame)) {
                            applyDiff();
                        }
                    }
                    case "phx_error" -> errors.incrementAndGet();
                    case "phx_close" -> closes.incrementAndGet();
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                unreadable(e);
            }
        }

        /** Reads a diff frame into {@link #joins} / {@link #leaves} with Jackson; false if unreadable. */
        private boolean readSlowly(byte[] frame) {
            joins.clear();
            leaves.clear();
            try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), frame)) {
                for (int i = 0; i < 5; i++) {
                    p.nextToken(); // [ join_ref ref topic event
                }
                expect(p.nextToken(), JsonToken.START_OBJECT);
                String name;
                while ((name = p.nextName()) != null) {
                    JsonToken value = p.nextToken();
                    if (name.equals("joins")) {
                        readPresences(p, joins);
                    } else if (name.equals("leaves")) {
                        readPresences(p, leaves);
                    } else if (value.isStructStart()) {
                        p.skipChildren();
                    }
                }
                return true;
            } catch (RuntimeException e) {
                unreadable(e);
                return false;
            }
        }

        /** {key: {"metas": [{..., "phx_ref": r, ...}]}} (after its START_OBJECT) into (key, ref) pairs. */
        private void readPresences(JsonParser p, FrameScanner.Pairs out) {
            String key;
            while ((key = p.nextName()) != null) {
                int keyId = intern(keyIds, key);
                expect(p.nextToken(), JsonToken.START_OBJECT);
                String field;
                while ((field = p.nextName()) != null) {
                    JsonToken value = p.nextToken();
                    if (!field.equals("metas")) {
                        if (value.isStructStart()) {
                            p.skipChildren();
                        }
                        continue;
                    }
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String ref = null;
                        String name;
                        while ((name = p.nextName()) != null) {
                            JsonToken v = p.nextToken();
                            if (name.equals("phx_ref")) {
                                ref = p.getString();
                            } else if (v.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                        if (ref == null) {
                            throw new IllegalStateException("a meta without phx_ref");
                        }
                        out.add(keyId, intern(refIds, ref));
                    }
                }
            }
        }

        private void add(int id, int keyId) {
            keyOfRef[id] = keyId;
            if (!refs.get(id)) {
                refs.set(id);
                metas++;
                if (metasPerKey[keyId]++ == 0) {
                    keys++;
                }
            }
        }

        private void remove(int id) {
            if (refs.get(id)) {
                refs.clear(id);
                metas--;
                if (--metasPerKey[keyOfRef[id]] == 0) {
                    keys--;
                }
            }
        }

        private void check() {
            boolean now = synced && metas == sockets && keys == Math.min(users, sockets);
            if (now && !isComplete) {
                isComplete = true;
                if (complete.incrementAndGet() == sockets) {
                    allCompleteAt = System.nanoTime();
                }
            } else if (!now && isComplete) {
                isComplete = false;
                complete.decrementAndGet();
            }
            if (metas > sockets) {
                overfull.incrementAndGet();
            }
        }
    }

    private static int intern(FrameScanner.Interner interner, String value) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return interner.intern(utf8, 0, utf8.length);
    }

    private void unreadable(RuntimeException e) {
        if (parseFailures.incrementAndGet() <= 5) {
            System.out.println("could not read a frame: " + e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + actual);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long serverPid = Long.parseLong(args[1]);
        int sockets = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        int timeout = args.length > 5 ? Integer.parseInt(args[5]) : 120;
        int loopThreads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        PresenceLoadGenerator generator = new PresenceLoadGenerator(base, serverPid, sockets, warmup, users, loopThreads);
        if (warmup > 0) {
            // A fresh JVM spends its first seconds compiling (both of them); optionally measure warm.
            for (int round = 1; round <= 3; round++) {
                generator.round("room:warmup" + round, warmup, concurrency, timeout, false);
                Thread.sleep(2000);
            }
            System.out.printf("warm-up: 3 rounds of %d sockets joined room:warmupN, their views completed, and closed%n", warmup);
        }
        int code = generator.round("room:load", sockets, concurrency, timeout, true);
        generator.loops.disposeLater().block(java.time.Duration.ofSeconds(5));
        System.exit(code);
    }

    private void reset() {
        for (AtomicInteger counter : List.of(joined, failedJoins, connectFailures, complete, errors, closes, socketsClosed, overfull)) {
            counter.set(0);
        }
        for (AtomicLong counter : List.of(frames, bytes, states, stateBytes, diffs, diffBytes, parseFailures, slowFrames)) {
            counter.set(0);
        }
        firstJoinSent = 0;
        allJoinedAt = 0;
        allCompleteAt = 0;
        lastStateAt = 0;
    }

    private int round(String roundTopic, int roundSockets, int concurrency, int timeoutSeconds, boolean report) throws Exception {
        reset();
        this.topic = roundTopic;
        this.sockets = roundSockets;
        String[] tokens = new String[users];
        for (int u = 0; u < users; u++) {
            tokens[u] = token("user" + u);
        }
        String wsBase = base.replaceFirst("^http", "ws") + "/socket/websocket?vsn=2.0.0&token=";
        if (report) {
            System.out.printf("presence load: %d sockets of %d users join %s (at most %d joins in flight), %d event-loop thread(s)%n",
                    sockets, users, topic, concurrency, loopThreads);
        }
        long serverWait0 = runQueueWait(String.valueOf(serverPid));
        long ownWait0 = runQueueWait("self");
        List<Client> clients = new ArrayList<>(sockets);
        Semaphore inFlight = new Semaphore(concurrency);
        long genCpu0 = ownCpu();
        long serverCpu0 = serverCpu();
        java.util.Map<String, Long> serverThreads0 = threadCpu(String.valueOf(serverPid));
        java.util.Map<String, Long> ownThreads0 = threadCpu("self");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = 0; i < sockets; i++) {
            Client client = new Client(i);
            clients.add(client);
            if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            AtomicBoolean settled = new AtomicBoolean();
            client.settle = () -> {
                if (settled.compareAndSet(false, true)) {
                    inFlight.release();
                }
            };
            client.connection = connect(client, wsBase + tokens[i % users]);
        }
        long lastConnectStarted = System.nanoTime();
        int reported = -1;
        while (System.nanoTime() < deadline && complete.get() < sockets) {
            Thread.sleep(100);
            long elapsed = (System.nanoTime() - firstJoinSent) / 1_000_000_000L;
            if (report && elapsed != reported && elapsed % 5 == 0) {
                reported = (int) elapsed;
                System.out.printf("  t=%3d s: %d joined, %d complete, %d frames, %d MB received%n", elapsed,
                        joined.get(), complete.get(), frames.get(), bytes.get() >> 20);
            }
        }
        long end = System.nanoTime();
        double genCpu = (ownCpu() - genCpu0) / 1e9;
        double serverCpu = (serverCpu() - serverCpu0) / 1e9;
        boolean allComplete = complete.get() == sockets;
        // Stay a little longer: a complete view must stay complete (no late duplicates or leaves).
        Thread.sleep(1000);
        int stillComplete = 0;
        long over = 0;
        for (Client c : clients) {
            synchronized (c) {
                if (c.isComplete) {
                    stillComplete++;
                }
            }
        }
        over = overfull.get();
        if (!report) {
            clients.forEach(c -> {
                if (c.connection != null) {
                    c.connection.dispose();
                }
            });
            System.out.printf("warm-up round %s: %d of %d views complete in %.2f s%n", topic, complete.get(), sockets,
                    ((allComplete ? allCompleteAt : end) - firstJoinSent) / 1e9);
            return allComplete ? 0 : 1;
        }
        double serverWait = (runQueueWait(String.valueOf(serverPid)) - serverWait0) / 1e9;
        double ownWait = (runQueueWait("self") - ownWait0) / 1e9;
        String stats = serverStats();
        double wall = ((allComplete ? allCompleteAt : end) - firstJoinSent) / 1e9;
        System.out.printf("joined: %d of %d in %.2f s from the first join (%.2f s to start every connect), %d failed joins, %d connect failures%n",
                joined.get(), sockets, allJoinedAt == 0 ? Double.NaN : (allJoinedAt - firstJoinSent) / 1e9,
                (lastConnectStarted - firstJoinSent) / 1e9, failedJoins.get(), connectFailures.get());
        System.out.printf("complete: %d of %d clients hold exactly %d keys and %d metas, %s %.2f s after the first join (last presence_state at %.2f s)%n",
                complete.get(), sockets, users, sockets, allComplete ? "all of them" : "NOT all, gave up", wall,
                (lastStateAt - firstJoinSent) / 1e9);
        System.out.printf("received: %d frames, %d MB: %d presence_state (%d MB), %d presence_diff (%d MB); phx_error %d, phx_close %d, sockets closed %d, unreadable frames %d, frames read by the slow path %d, views over %d metas %d%n",
                frames.get(), bytes.get() >> 20, states.get(), stateBytes.get() >> 20, diffs.get(), diffBytes.get() >> 20,
                errors.get(), closes.get(), socketsClosed.get(), parseFailures.get(), slowFrames.get(), sockets, over);
        System.out.printf("cpu: server %.2f s, generator %.2f s over %.2f s wall (2 cores = %.2f CPU-s available)%n",
                serverCpu, genCpu, (end - firstJoinSent) / 1e9, 2 * (end - firstJoinSent) / 1e9);
        System.out.printf("waiting for a CPU (run queue, /proc/PID/task/*/schedstat): server threads %.2f s, generator threads %.2f s; load average now %s%n",
                serverWait, ownWait, loadAverage());
        System.out.printf("server: %s%n", stats);
        System.out.printf("server threads (CPU s): %s%n", threadReport(threadCpu(String.valueOf(serverPid)), serverThreads0));
        System.out.printf("generator threads (CPU s): %s%n", threadReport(threadCpu("self"), ownThreads0));
        System.out.printf("after 1 s more: %d of %d views still complete%n", stillComplete, sockets);
        System.out.printf("RESULT %s: complete in %.2f s (target 15 s), crashed channels %s, phx_error %d, failed joins %d%n",
                allComplete && stillComplete == sockets && wall <= 15 && errors.get() == 0 && failedJoins.get() == 0 ? "MET" : "NOT MET",
                wall, field(stats, "crashed"), errors.get(), failedJoins.get());
        clients.forEach(c -> {
            if (c.connection != null) {
                c.connection.dispose();
            }
        });
        return allComplete ? 0 : 1;
    }

    private Disposable connect(Client client, String url) {
        return reactor.netty.http.client.HttpClient.create(ConnectionProvider.newConnection()).runOn(loops)
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(64 << 20).build())
                .uri(url)
                .handle((WebsocketInbound in, WebsocketOutbound out) -> {
                    if (firstJoinSent == 0) {
                        synchronized (this) {
                            if (firstJoinSent == 0) {
                                firstJoinSent = System.nanoTime();
                            }
                        }
                    }
                    client.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
                    Mono<Void> send = out.sendString(client.outbound.asFlux()).then();
                    Mono<Void> receive = in.aggregateFrames(64 << 20).receiveFrames().doOnNext(frame -> {
                        if (frame instanceof TextWebSocketFrame) {
                            byte[] data = copy(frame);
                            synchronized (client) {
                                client.onFrame(data);
                            }
                        }
                    }).then();
                    return Mono.zip(send, receive).then();
                })
                .then()
                .doOnError(e -> {
                    connectFailures.incrementAndGet();
                    client.settle.run();
                })
                .doFinally(signal -> socketsClosed.incrementAndGet())
                .subscribe(null, e -> { });
    }

    private static byte[] copy(WebSocketFrame frame) {
        ByteBuf content = frame.content();
        byte[] data = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), data);
        return data;
    }

    private String token(String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/token?user=" + user)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.substring(body.indexOf(":\"") + 2, body.lastIndexOf('"'));
    }

    private String serverStats() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "{\"error\":\"" + e + "\"}";
        }
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            return "?";
        }
        at += name.length() + 3;
        int end = at;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(at, end);
    }

    /** The server's CPU (user + system) from /proc, so the figure does not depend on the server. */
    private long serverCpu() throws Exception {
        return cpu(String.valueOf(serverPid));
    }

    /** This process's CPU, from /proc as the server's. */
    private static long ownCpu() throws Exception {
        return cpu("self");
    }

    /** CPU nanoseconds per thread name (digits folded to #, so pools add up), from /proc/PID/task. */
    private static java.util.Map<String, Long> threadCpu(String pid) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                    out.merge(name, nanos, Long::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            // no /proc: no per-thread figures
        }
        return out;
    }

    private static String threadReport(java.util.Map<String, Long> now, java.util.Map<String, Long> before) {
        StringBuilder out = new StringBuilder();
        now.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 100_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.1f, ", e.getKey(), e.getValue() / 1e9)));
        return out.length() == 0 ? "-" : out.substring(0, out.length() - 2);
    }

    /** Nanoseconds the threads of a process spent runnable but waiting for a CPU (live threads). */
    private static long runQueueWait(String pid) {
        long total = 0;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    total += Long.parseLong(fields[1]);
                } catch (Exception gone) {
                    // ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return total;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long cpu(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
