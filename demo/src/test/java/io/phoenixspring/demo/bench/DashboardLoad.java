package io.phoenixspring.demo.bench;

import io.phoenixspring.demo.bench.LiveCounterLoad.Client;
import io.phoenixspring.demo.bench.LiveCounterLoad.Run;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * The dashboard's own overhead (issue #17): N {@code bench:*} channel sockets on the demo, each sending
 * {@code ping} every P seconds; after a warm-up (pings, then the page open 20 s so that its code is
 * compiled), the server's CPU measured in three equal phases: no dashboard,
 * one dashboard page open and refreshing every second (a real LiveView client: dead render, {@code /live}
 * join, the refresh selector set to 1 s), no dashboard again. Reports server CPU seconds per wall second
 * in each phase, the open/closed ratio, and the page's diffs (count, bytes).
 *
 * <p>Usage: {@code DashboardLoad <baseUrl> <serverPid> [sockets=5000] [seconds=30] [pingPeriodSeconds=5]
 * [page=/dashboard/sockets]}; run by {@code demo/bench/dashboardbench.sh}.
 */
public final class DashboardLoad {

    /** The dashboard page's client: counts the server's diff pushes and their bytes. */
    private static final class DashboardClient implements WebSocket.Listener {
        final CompletableFuture<String> joined = new CompletableFuture<>();
        final AtomicLong diffs = new AtomicLong();
        final AtomicLong diffBytes = new AtomicLong();
        final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                var message = LiveCounterLoad.JSON.readTree(frame);
                String event = message.get(3).asString();
                if ("phx_reply".equals(event) && "1".equals(message.get(1).asString())) {
                    joined.complete(message.get(4).get("status").asString());
                } else if ("diff".equals(event)) {
                    diffs.incrementAndGet();
                    diffBytes.addAndGet(message.get(4).toString().length());
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int sockets = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int period = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        String page = args.length > 5 ? args[5] : "/dashboard/sockets";

        Run run = new Run(false);
        long connecting = System.nanoTime();
        List<Client> clients = LiveCounterLoad.connectBench(base, sockets, run);
        System.out.printf("%d sockets joined bench:* in %.1f s%n", clients.size(), (System.nanoTime() - connecting) / 1e9);
        ScheduledExecutorService pings = Executors.newScheduledThreadPool(2);
        long periodMicros = period * 1_000_000L;
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            pings.scheduleAtFixedRate(() -> client.click(() -> "ping\",{}]"), periodMicros * i / clients.size(), periodMicros,
                    TimeUnit.MICROSECONDS);
        }
        Thread.sleep(10_000);   // warm-up: JIT, pings in steady state
        // The dashboard's own warm-up: its first minutes compile its code (JIT threads are server CPU too),
        // a one-off cost that the steady-state comparison below leaves out.
        DashboardClient warmup = new DashboardClient();
        WebSocket warm = open(base, page, warmup);
        Thread.sleep(20_000);
        warm.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        Thread.sleep(5_000);

        double closedBefore = cpuPerSecond(pid, seconds);
        DashboardClient dashboard = new DashboardClient();
        WebSocket view = open(base, page, dashboard);
        Thread.sleep(5_000);
        long diffsBefore = dashboard.diffs.get();
        long bytesBefore = dashboard.diffBytes.get();
        double open = cpuPerSecond(pid, seconds);
        long diffs = dashboard.diffs.get() - diffsBefore;
        long bytes = dashboard.diffBytes.get() - bytesBefore;
        view.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        Thread.sleep(5_000);
        double closedAfter = cpuPerSecond(pid, seconds);
        pings.shutdownNow();
        LiveCounterLoad.close(clients);

        double closed = (closedBefore + closedAfter) / 2;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sockets", clients.size());
        result.put("pingsPerSecond", Math.round(clients.size() * 10.0 / period) / 10.0);
        result.put("page", page);
        result.put("cpuPerSecondClosedBefore", LiveCounterLoad.round3(closedBefore));
        result.put("cpuPerSecondOpen", LiveCounterLoad.round3(open));
        result.put("cpuPerSecondClosedAfter", LiveCounterLoad.round3(closedAfter));
        result.put("openOverClosed", LiveCounterLoad.round3(open / closed));
        result.put("overheadCpuSecondsPerSecond", LiveCounterLoad.round3(open - closed));
        result.put("diffsPerSecond", LiveCounterLoad.round3((double) diffs / seconds));
        result.put("bytesPerDiff", diffs == 0 ? 0 : bytes / diffs);
        System.out.println("dashboard overhead: " + result);
        System.exit(0);
    }

    /** The server's CPU seconds per wall-clock second over {@code seconds}. */
    private static double cpuPerSecond(long pid, int seconds) throws Exception {
        long before = LiveCounterLoad.cpuTicks(pid);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ticks = LiveCounterLoad.cpuTicks(pid) - before;
        return ticks / 100.0 / ((System.nanoTime() - start) / 1e9);
    }

    /** A browser's visit: the dead render, then the LiveView join on {@code /live}, then "Update every 1s". */
    private static WebSocket open(String base, String page, DashboardClient listener) throws Exception {
        HttpResponse<String> html = LiveCounterLoad.HTTP.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = LiveCounterLoad.CSRF.matcher(html.body());
        Matcher container = LiveCounterLoad.CONTAINER.matcher(html.body());
        if (html.statusCode() != 200 || !csrf.find() || !container.find()) {
            throw new IllegalStateException("GET " + page + ": " + html.statusCode() + " " + html.body());
        }
        String cookie = html.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        String topic = "lv:" + container.group(1);
        WebSocket socket = LiveCounterLoad.HTTP.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/live/websocket?_csrf_token="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&vsn=2.0.0"), listener).join();
        socket.sendText(LiveCounterLoad.JSON.writeValueAsString(List.of("1", "1", topic, "phx_join", Map.of(
                "url", base + page, "params", Map.of("_csrf_token", csrf.group(1), "_mounts", 0),
                "session", container.group(2), "static", container.group(3)))), true).join();
        String reply = listener.joined.get(10, TimeUnit.SECONDS);
        if (!"ok".equals(reply)) {
            throw new IllegalStateException("dashboard join refused: " + reply);
        }
        socket.sendText(LiveCounterLoad.JSON.writeValueAsString(List.of("1", "2", topic, "event", Map.of(
                "type", "form", "event", "select_refresh", "value", "refresh=1"))), true).join();
        return socket;
    }
}
