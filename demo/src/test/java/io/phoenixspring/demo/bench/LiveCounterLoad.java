package io.phoenixspring.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live contract's load measure, against a running demo (a separate JVM): N connected
 * {@code /counter} views, each dead-rendered over HTTP, connected over {@code /live/websocket} with
 * its cookie and CSRF token, joined, then clicked ({@code inc}) once a second, clicks spread evenly.
 * Reports the server's CPU per 1,000 clicks (from /proc), p50/p99 click → diff latency, diff bytes
 * per click, and the server's heap per idle connected view (jcmd GC.run + GC.heap_info before and
 * after connecting). The baseline, in the same run on the same server and transport: N sockets on the
 * {@code bench:*} channel, each sending {@code ping} once a second (a plain channel reply).
 *
 * <p>Then the large page (issue 16): M connected {@code /bench/rows} views (a stream of 1,000 rows, a
 * live component per row), each clicking one random row's component once a second; the same figures,
 * plus how many click diffs held anything but that one component ({@code {"c":{"CID":…}}}), and a
 * baseline of M ping sockets when M is not N.
 *
 * <p>Usage: {@code LiveCounterLoad <baseUrl> <serverPid> [views=1000] [seconds=20] [warmupSeconds=5] [rowViews=100]};
 * run by {@code demo/bench/livebench.sh}.
 */
public final class LiveCounterLoad {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
    static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    static final Pattern CONTAINER = Pattern.compile(
            "<div id=\"(phx-[^\"]+)\" data-phx-main data-phx-session=\"([^\"]+)\" data-phx-static=\"([^\"]*)\"");

    /** One client: a socket, its topic, and its pending clicks by ref. */
    static final class Client implements WebSocket.Listener {
        final String topic;
        final Map<String, Long> pending = new ConcurrentHashMap<>();
        final CompletableFuture<String> joined = new CompletableFuture<>();
        final StringBuilder text = new StringBuilder();
        final Run run;
        WebSocket socket;
        long ref = 10;

        Client(String topic, Run run) {
            this.topic = topic;
            this.run = run;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                onFrame(frame);
            }
            webSocket.request(1);
            return null;
        }

        private void onFrame(String frame) {
            JsonNode message = JSON.readTree(frame);
            String ref = message.get(1).isNull() ? null : message.get(1).asString();
            if (!"phx_reply".equals(message.get(3).asString()) || ref == null) {
                return;
            }
            if ("1".equals(ref)) {
                joined.complete(message.get(4).get("status").asString());   // not the rendered tree: kept no longer
                return;
            }
            Long sent = pending.remove(ref);
            if (sent != null && run.measuring) {
                run.latencies.add(System.nanoTime() - sent);
                JsonNode diff = message.get(4).get("response").get(run.live ? "diff" : "response");
                String bytes = diff == null ? "" : diff.toString();
                run.diffBytes.addAndGet(bytes.length());
                if (run.onlyComponent && !(diff != null && diff.size() == 1 && diff.has("c") && diff.get("c").size() == 1)) {
                    run.otherDiffs.incrementAndGet();
                }
                run.replies.incrementAndGet();
            }
        }

        synchronized void click(java.util.function.Supplier<String> payload) {
            String r = String.valueOf(++ref);
            pending.put(r, System.nanoTime());
            socket.sendText("[\"1\",\"" + r + "\",\"" + topic + "\",\"" + payload.get(), true);
        }
    }

    /** What one pass measures. */
    static final class Run {
        final boolean live;
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong diffBytes = new AtomicLong();
        final AtomicLong replies = new AtomicLong();
        final AtomicLong otherDiffs = new AtomicLong();
        final boolean onlyComponent;
        volatile boolean measuring;

        Run(boolean live) {
            this(live, false);
        }

        Run(boolean live, boolean onlyComponent) {
            this.live = live;
            this.onlyComponent = onlyComponent;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int views = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int rowViews = args.length > 5 ? Integer.parseInt(args[5]) : 100;

        long heapBefore = heapUsedKb(pid);
        Run live = new Run(true);
        List<Client> counters = connect(base, views, live, i -> "/counter?start=" + i);
        long heapAfter = heapUsedKb(pid);
        Map<String, Object> liveResult = measure(counters, live, pid, seconds, warmup,
                () -> "event\",{\"type\":\"click\",\"event\":\"inc\",\"value\":{\"value\":\"\"}}]");
        liveResult.put("heapPerViewKb", Math.round((heapAfter - heapBefore) * 10.0 / views) / 10.0);
        close(counters);

        Run plain = new Run(false);
        List<Client> pings = connectBench(base, views, plain);
        Map<String, Object> baseline = measure(pings, plain, pid, seconds, warmup, () -> "ping\",{}]");
        close(pings);

        long rowsHeapBefore = heapUsedKb(pid);
        Run rows = new Run(true, true);
        List<Client> rowPages = connect(base, rowViews, rows, i -> "/bench/rows");
        long rowsHeapAfter = heapUsedKb(pid);
        long rowsRetained = instances(pid, "io.phoenixspring.demo.live.RowsLive$Row");
        // cids are given in walk order: row N's component is cid N.
        Map<String, Object> rowsResult = measure(rowPages, rows, pid, seconds, warmup,
                () -> "event\",{\"type\":\"click\",\"event\":\"click\",\"value\":{\"value\":\"\"},\"cid\":"
                        + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 1001) + "}]");
        rowsResult.put("diffsBeyondTheComponent", rows.otherDiffs.get());
        rowsResult.put("streamItemsRetained", rowsRetained);
        rowsResult.put("heapPerViewKb", Math.round((rowsHeapAfter - rowsHeapBefore) * 10.0 / rowViews) / 10.0);
        close(rowPages);
        Map<String, Object> rowsBaseline = baseline;
        if (rowViews != views) {
            Run plainRows = new Run(false);
            List<Client> rowPings = connectBench(base, rowViews, plainRows);
            rowsBaseline = measure(rowPings, plainRows, pid, seconds, warmup, () -> "ping\",{}]");
            close(rowPings);
        }

        System.out.println("live /counter: " + liveResult);
        System.out.println("baseline bench:* ping: " + baseline);
        System.out.printf("ratio (live / baseline): CPU per 1,000 events %.2f, p99 %.2f%n",
                (double) liveResult.get("cpuSecondsPer1000") / (double) baseline.get("cpuSecondsPer1000"),
                (double) liveResult.get("p99Ms") / (double) baseline.get("p99Ms"));
        System.out.println("live /bench/rows (" + rowViews + " views × 1,000 rows): " + rowsResult);
        if (rowsBaseline != baseline) {
            System.out.println("baseline bench:* ping (" + rowViews + " sockets): " + rowsBaseline);
        }
        System.out.printf("ratio (rows / baseline): CPU per 1,000 events %.2f, p99 %.2f%n",
                (double) rowsResult.get("cpuSecondsPer1000") / (double) rowsBaseline.get("cpuSecondsPer1000"),
                (double) rowsResult.get("p99Ms") / (double) rowsBaseline.get("p99Ms"));
        System.exit(0);
    }

    private static List<Client> connect(String base, int views, Run run, java.util.function.IntFunction<String> path)
            throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < views; i++) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + path.apply(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            Matcher container = CONTAINER.matcher(page.body());
            if (page.statusCode() != 200 || !csrf.find() || !container.find()) {
                throw new IllegalStateException("GET " + path.apply(i) + ": " + page.statusCode() + " " + page.body());
            }
            String cookie = page.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).orElse("");
            Client client = new Client("lv:" + container.group(1), run);
            client.socket = HTTP.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/live/websocket?_csrf_token="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&vsn=2.0.0"), client).join();
            String join = JSON.writeValueAsString(List.of("1", "1", client.topic, "phx_join", Map.of(
                    "url", base + path.apply(i), "params", Map.of("_csrf_token", csrf.group(1), "_mounts", 0),
                    "session", container.group(2), "static", container.group(3))));
            client.socket.sendText(join, true);
            String reply = client.joined.get(10, TimeUnit.SECONDS);
            if (!"ok".equals(reply)) {
                throw new IllegalStateException("join refused: " + reply);
            }
            clients.add(client);
        }
        return clients;
    }

    static List<Client> connectBench(String base, int sockets, Run run) throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/token?user=b" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String value = JSON.readTree(token.body()).get("token").asString();
            Client client = new Client("bench:b" + i, run);
            client.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws")
                    + "/socket/websocket?vsn=2.0.0&token=" + URLEncoder.encode(value, StandardCharsets.UTF_8)), client).join();
            client.socket.sendText("[\"1\",\"1\",\"" + client.topic + "\",\"phx_join\",{}]", true);
            client.joined.get(10, TimeUnit.SECONDS);
            clients.add(client);
        }
        return clients;
    }

    private static Map<String, Object> measure(List<Client> clients, Run run, long pid, int seconds, int warmup,
            java.util.function.Supplier<String> payload) throws Exception {
        ScheduledExecutorService clicks = Executors.newScheduledThreadPool(2);
        long periodMicros = 1_000_000L;
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            clicks.scheduleAtFixedRate(() -> client.click(payload), periodMicros * i / clients.size(), periodMicros,
                    TimeUnit.MICROSECONDS);
        }
        Thread.sleep(warmup * 1000L);
        long cpuBefore = cpuTicks(pid);
        run.measuring = true;
        Thread.sleep(seconds * 1000L);
        run.measuring = false;
        long cpuAfter = cpuTicks(pid);
        clicks.shutdownNow();
        clicks.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(500);
        long[] sorted;
        synchronized (run.latencies) {
            sorted = run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        long replies = run.replies.get();
        result.put("events", replies);
        result.put("eventsPerSecond", Math.round(replies * 10.0 / seconds) / 10.0);
        result.put("cpuSecondsPer1000", round3((cpuAfter - cpuBefore) / 100.0 / Math.max(1, replies) * 1000));
        result.put("p50Ms", round3(percentile(sorted, 0.50) / 1e6));
        result.put("p99Ms", round3(percentile(sorted, 0.99) / 1e6));
        result.put("diffBytesPerEvent", replies == 0 ? 0 : run.diffBytes.get() / replies);
        return result;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static void close(List<Client> clients) throws InterruptedException {
        for (Client client : clients) {
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        Thread.sleep(1000);
    }

    /** utime + stime of the server process, in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The server's heap in use after a full GC, in KB (jcmd). */
    static long heapUsedKb(long pid) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        Thread.sleep(500);
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    /** Live instances of a class in the server's heap (jcmd GC.class_histogram, which collects first). */
    private static long instances(long pid, String className) throws Exception {
        String histogram = run("jcmd", String.valueOf(pid), "GC.class_histogram");
        if (!histogram.matches("(?s).*\\d+:\\s+\\d+\\s+\\d+\\s+java\\.lang\\.String\\b.*")) {
            throw new IllegalStateException("not a class histogram: " + histogram.lines().limit(5).toList());
        }
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "\\b", Pattern.MULTILINE)
                .matcher(histogram);
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private LiveCounterLoad() {
    }
}
