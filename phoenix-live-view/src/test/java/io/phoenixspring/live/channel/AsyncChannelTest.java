package io.phoenixspring.live.channel;

import static io.phoenixspring.live.support.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.AsyncResult;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Async assigns and start_async over a real /live socket: the /async transcript's join, diff, fail
 * click and failure diff; results through the view's mailbox; a newer load replacing an older one;
 * start_async with handle_async and cancel_async; and work cancelled (interrupted) when the view ends.
 */
class AsyncChannelTest {

    static LiveServer server;
    static final AsyncLive ASYNC = new AsyncLive();
    static final JobsLive JOBS_LIVE = new JobsLive();

    /** The /async page of the live contract, and buttons for the other cases. */
    static final Template PAGE = Templates.compile("""
            <h1>Async</h1>
            <p id="answer"><.async_result :let={answer} assign={@answer}><:loading>loading…</:loading><:failed>failed</:failed>{answer}</.async_result></p>
            <button id="fail" phx-click="fail">fail</button>
            """, "async_live.html.heex", AsyncLive.class);

    static final Template JOBS = Templates.compile("""
            <p id="job">{@job}</p>
            <p id="answer"><.async_result :let={answer} assign={@answer}><:loading :let={keys}>loading {Enum.join(keys, ",")}</:loading><:failed :let={reason}>failed: {reason.message}</:failed>{answer}</.async_result></p>
            """, "jobs_live.html.heex", JobsLive.class);

    /** The contract's page: on connected mount the answer takes 300 ms; #fail reloads it with a failure. */
    public static class AsyncLive implements LiveView {
        final AtomicReference<String> workThread = new AtomicReference<>();
        final AtomicReference<String> viewThread = new AtomicReference<>();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("page_title", "Async");
            socket.assignAsync("answer", () -> {
                workThread.set(Thread.currentThread().getName());
                Thread.sleep(300);
                return 42;
            });
        }

        @HandleEvent("fail")
        void fail(LiveSocket socket) {
            viewThread.set(Thread.currentThread().getName());
            socket.assignAsync("answer", () -> {
                throw new IllegalStateException("no answer today");
            }, true);
        }
    }

    /** Work that blocks until interrupted, replaced loads, start_async and cancel_async. */
    public static class JobsLive implements LiveView {
        final CountDownLatch blocking = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicInteger handled = new AtomicInteger();
        final AtomicReference<AsyncResult> lastAsync = new AtomicReference<>();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("job", "none").assign("answer", AsyncResult.ok("initial"));
        }

        @HandleEvent("block")
        void block(LiveSocket socket) {
            socket.assignAsync("answer", () -> {
                blocking.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return "never";
            }, true);
        }

        @HandleEvent("slow-then-fast")
        void slowThenFast(LiveSocket socket) {
            socket.assignAsync("answer", () -> {
                Thread.sleep(400);
                return "slow";
            });
            socket.assignAsync("answer", () -> "fast");
        }

        @HandleEvent("keep")
        void keep(LiveSocket socket) {
            // Not reset: the ok result stays shown while it reloads.
            socket.assignAsync("answer", () -> {
                Thread.sleep(200);
                return "reloaded";
            });
        }

        @HandleEvent("start")
        void start(Map<String, Object> value, LiveSocket socket) {
            long sleep = Long.parseLong((String) value.get("ms"));
            socket.startAsync("job", () -> {
                Thread.sleep(sleep);
                return "done in " + sleep;
            });
        }

        @HandleEvent("cancel")
        void cancel(LiveSocket socket) {
            socket.cancelAsync("job").cancelAsync("answer");
        }

        @Override
        public void handleAsync(String name, AsyncResult result, LiveSocket socket) {
            handled.incrementAndGet();
            lastAsync.set(result);
            socket.assign(name, result.ok() ? result.result() : "failed: " + result.failed());
        }
    }

    /** Starts work on the connected mount, then redirects: the join is refused and the work must stop. */
    public static class BounceLive implements LiveView {
        final CountDownLatch interrupted = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("answer", AsyncResult.LOADING);
            if (socket.connected()) {
                socket.assignAsync("answer", () -> {
                    started.set(true);
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return "never";
                }).redirect("/jobs");
            }
        }
    }

    static final BounceLive BOUNCE = new BounceLive();

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout()
                .view(ASYNC, PAGE)
                .view(JOBS_LIVE, JOBS)
                .view(BOUNCE, PAGE)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser")
                                .get("/async", live.route(AsyncLive.class))
                                .get("/jobs", live.route(JobsLive.class))
                                .get("/bounce", live.route(BounceLive.class)))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode response(JsonNode frame) {
        return frame.get(4).get("response");
    }

    private static JsonNode click(Browser browser, Browser.Page page, String event, Map<String, Object> value) {
        return browser.push("4", page, "event", Map.of("type", "click", "event", event, "value", value));
    }

    private static Browser.Page joined(Browser browser, String path) {
        Browser.Page page = browser.get(path);
        browser.connect(page.csrfToken());
        assertThat(browser.join(page).get(4).get("status").asString()).isEqualTo("ok");
        return page;
    }

    private static List<String> diffs(Browser browser, Duration quiet) {
        return browser.socket().drain(quiet).stream().filter(frame -> frame.contains("\"diff\"")).toList();
    }

    @Test
    void theAsyncTranscriptLoadingThenTheAnswerThenAFailedReload() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/async");
            // The dead render does not run the work: it shows the loading slot.
            assertThat(page.document().select("#answer").outerHtml()).isEqualTo("<p id=\"answer\">loading…</p>");
            browser.connect(page.csrfToken());
            JsonNode joined = browser.join(page);
            assertThat(response(joined).get("rendered").get("1")).isEqualTo(json("""
                    {"0":{"0":{"s":["loading…"]},"s":["",""]},"s":["<h1>Async</h1>\\n<p id=\\"answer\\">","</p>\\n<button id=\\"fail\\" phx-click=\\"fail\\">fail</button>"]}
                    """));
            assertThat(response(joined).get("rendered").get("t").asString()).isEqualTo("Async");

            long joinedAt = System.nanoTime();
            JsonNode answer = browser.awaitEvent("diff");
            assertThat(Duration.ofNanos(System.nanoTime() - joinedAt)).isGreaterThan(Duration.ofMillis(200));
            assertThat(answer.get(1).isNull()).isTrue();
            assertThat(answer.get(4)).isEqualTo(json("{\"1\":{\"0\":{\"0\":{\"0\":\"42\",\"s\":[\"\",\"\"]},\"s\":[\"\",\"\"]}}}"));
            assertThat(ASYNC.workThread.get()).doesNotStartWith("phoenix-channel");

            JsonNode failAck = browser.push("4", page, "event", Map.of("type", "click", "event", "fail", "value", Map.of("value", "")));
            assertThat(failAck.get(4)).isEqualTo(json(
                    "{\"response\":{\"diff\":{\"1\":{\"0\":{\"0\":{\"s\":[\"loading…\"]},\"s\":[\"\",\"\"]}}}},\"status\":\"ok\"}"));
            assertThat(browser.awaitEvent("diff").get(4)).isEqualTo(json(
                    "{\"1\":{\"0\":{\"0\":{\"s\":[\"failed\"]},\"s\":[\"\",\"\"]}}}"));
            assertThat(ASYNC.viewThread.get()).startsWith("phoenix-channel");
        }
    }

    @Test
    void aNewerLoadOfTheSameKeyReplacesTheOlderWhoseResultIsDropped() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/jobs");
            click(browser, page, "slow-then-fast", Map.of("value", ""));
            assertThat(browser.awaitEvent("diff").get(4).toString()).contains("\"fast\"");
            // The slow load was cancelled: 400 ms later, nothing more arrives.
            assertThat(diffs(browser, Duration.ofMillis(700))).isEmpty();
            assertThat(server.live.async().running(page.id())).isZero();
        }
    }

    @Test
    void anOkResultStaysWhileItReloadsThenTakesTheNewValue() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/jobs");
            JsonNode ack = click(browser, page, "keep", Map.of("value", ""));
            assertThat(ack.get(4).toString()).doesNotContain("loading");
            assertThat(browser.awaitEvent("diff").get(4).toString()).contains("\"reloaded\"");
        }
    }

    @Test
    void startAsyncReachesHandleAsyncAndCancelAsyncGivesItACancellationOnce() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/jobs");
            click(browser, page, "start", Map.of("ms", "50", "value", ""));
            assertThat(browser.awaitEvent("diff").get(4)).isEqualTo(json("{\"1\":{\"0\":\"done in 50\"}}"));
            assertThat(JOBS_LIVE.lastAsync.get()).isEqualTo(AsyncResult.ok("done in 50"));

            int handled = JOBS_LIVE.handled.get();
            click(browser, page, "start", Map.of("ms", "5000", "value", ""));
            click(browser, page, "cancel", Map.of("value", ""));
            assertThat(browser.awaitEvent("diff").get(4)).isEqualTo(json(
                    "{\"1\":{\"0\":\"failed: java.util.concurrent.CancellationException: cancelled\"}}"));
            assertThat(JOBS_LIVE.lastAsync.get().failed()).isInstanceOf(CancellationException.class);
            assertThat(diffs(browser, Duration.ofMillis(300))).isEmpty();
            assertThat(JOBS_LIVE.handled.get()).isEqualTo(handled + 1);
            assertThat(server.live.async().running(page.id())).isZero();
        }
    }

    @Test
    void workStillRunningWhenTheViewLeavesIsInterruptedAndNothingIsLeft() throws Exception {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/jobs");
            JsonNode ack = click(browser, page, "block", Map.of("value", ""));
            // reset: the ok "initial" goes back to the loading slot, with the keys being loaded as its :let.
            assertThat(ack.get(4).toString()).contains("loading ", "answer");
            assertThat(JOBS_LIVE.blocking.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(server.live.async().running(page.id())).isEqualTo(1);

            browser.socket().send(Browser.frame("4", "40", page.topic(), "phx_leave", Map.of()));
            assertThat(browser.reply("40").get(4).get("status").asString()).isEqualTo("ok");
            assertThat(JOBS_LIVE.interrupted.await(5, TimeUnit.SECONDS)).as("the work's thread was interrupted").isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> server.live.async().running(page.id()) == 0);
            assertThat(server.live.async().whenDone(page.id())).isDone();
            assertThat(diffs(browser, Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void cancellingAnAsyncAssignMakesItFailedWithTheReasonForTheFailedSlot() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joined(browser, "/jobs");
            click(browser, page, "slow-then-fast", Map.of("value", ""));
            browser.awaitEvent("diff");
            JsonNode block = click(browser, page, "block", Map.of("value", ""));
            assertThat(block.get(4).toString()).contains("loading ");
            JsonNode cancelled = click(browser, page, "cancel", Map.of("value", ""));
            assertThat(cancelled.get(4).toString()).contains("failed: ", "cancelled");
            assertThat(server.live.async().running(page.id())).isZero();
        }
    }

    @Test
    void workStartedByAMountWhoseJoinIsRefusedIsCancelled() throws Exception {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/bounce");
            browser.connect(page.csrfToken());
            JsonNode refused = browser.join(page);
            assertThat(refused.get(4)).isEqualTo(json("{\"response\":{\"redirect\":{\"to\":\"/jobs\"}},\"status\":\"error\"}"));
            // Cancelled either while running (interrupted) or, on a busy machine, before its thread
            // picked it up (then it never starts at all).
            boolean interrupted = BOUNCE.interrupted.await(5, TimeUnit.SECONDS);
            if (!interrupted) {
                assertThat(BOUNCE.started).as("the work neither ran to an interruption nor stayed unstarted").isFalse();
                Thread.sleep(500);
                assertThat(BOUNCE.started).as("cancelled work started later").isFalse();
            }
            assertThat(server.live.async().running(page.id())).isZero();
        }
    }
}
