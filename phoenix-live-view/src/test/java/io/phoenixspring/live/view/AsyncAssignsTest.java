package io.phoenixspring.live.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.Templates;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * assign_async / start_async of one view without a server: the work runs on the runner (here at once,
 * on the caller's thread) and reports as a message, which the view handles in its own turn.
 */
class AsyncAssignsTest {

    private static final URI URL = URI.create("http://localhost/page");

    /** A connected socket whose work runs at once and whose messages queue up in {@code mailbox}. */
    private static LiveSocket connected(List<Object> mailbox) {
        AsyncRunner direct = new AsyncRunner(Runnable::run);
        return LiveSocket.connected("phx-1", URL, new LiveSocket.Link() {
            public void subscribe(String topic) {
            }

            public void unsubscribe(String topic) {
            }

            public void send(Object message) {
                mailbox.add(message);
            }

            public void sendAfter(Object message, Duration delay) {
            }

            public AsyncRunner async() {
                return direct;
            }
        }, Map.of(), Map.of());
    }

    private static final Template ANSWER = Templates.compile("""
            <.async_result :let={answer} assign={@answer}><:loading :let={keys}>loading {Enum.join(keys, ",")}</:loading><:failed :let={reason}>failed: {reason.message}</:failed>answer {answer}</.async_result>""",
            "answer.heex", AsyncAssignsTest.class);

    private static String html(LiveSocket socket) {
        return ANSWER.render(socket.assigns(), null).toHtml();
    }

    /** Delivers the queued messages to the view, as its mailbox would. */
    private static void deliver(LiveProcess process, List<Object> mailbox) {
        List<Object> messages = new ArrayList<>(mailbox);
        mailbox.clear();
        messages.forEach(process::handleInfo);
    }

    @Test
    void theDeadRenderAssignsLoadingAndRunsNoWork() {
        LiveSocket dead = LiveSocket.disconnected("phx-1", URL, Map.of(), Map.of());
        AtomicInteger runs = new AtomicInteger();
        dead.assignAsync("answer", () -> runs.incrementAndGet()).startAsync("job", () -> runs.incrementAndGet());
        assertThat(dead.<AsyncResult>get("answer")).isEqualTo(new AsyncResult(false, List.of("answer"), null, null));
        assertThat(html(dead)).isEqualTo("loading answer");
        assertThat(runs).hasValue(0);
        assertThat(AsyncRunner.boundedElastic().running("phx-1")).isZero();
    }

    @Test
    void theResultArrivesAsAMessageAndMakesTheAssignOk() {
        List<Object> mailbox = new ArrayList<>();
        LiveSocket socket = connected(mailbox);
        LiveProcess process = new LiveProcess(new LiveView() { }, ANSWER, null, socket);
        socket.assignAsync("answer", () -> 42);
        assertThat(socket.<AsyncResult>get("answer").loading()).isEqualTo(List.of("answer"));
        assertThat(mailbox).hasSize(1);
        socket.rendered();
        deliver(process, mailbox);
        assertThat(socket.<AsyncResult>get("answer")).isEqualTo(AsyncResult.ok(42));
        assertThat(socket.changed()).containsExactly("answer");
        assertThat(html(socket)).isEqualTo("answer 42");
    }

    @Test
    void anOkResultIsKeptWhileItReloadsUnlessReset() {
        List<Object> mailbox = new ArrayList<>();
        LiveSocket socket = connected(mailbox);
        LiveProcess process = new LiveProcess(new LiveView() { }, ANSWER, null, socket);
        socket.assign("answer", AsyncResult.ok(1));
        socket.assignAsync("answer", () -> 2);
        assertThat(socket.<AsyncResult>get("answer")).isEqualTo(new AsyncResult(true, List.of("answer"), null, 1));
        assertThat(html(socket)).as("a result wins over loading").isEqualTo("answer 1");
        deliver(process, mailbox);
        socket.assignAsync("answer", () -> 3, true);
        assertThat(socket.<AsyncResult>get("answer")).isEqualTo(new AsyncResult(false, List.of("answer"), null, null));
        assertThat(html(socket)).isEqualTo("loading answer");
    }

    @Test
    void whatTheWorkThrowsIsTheFailureAndAMapMissingAKeyIsOne() {
        List<Object> mailbox = new ArrayList<>();
        LiveSocket socket = connected(mailbox);
        LiveProcess process = new LiveProcess(new LiveView() { }, ANSWER, null, socket);
        socket.assignAsync("answer", () -> {
            throw new IllegalStateException("nope");
        });
        deliver(process, mailbox);
        assertThat(socket.<AsyncResult>get("answer").failed()).isInstanceOf(IllegalStateException.class).hasToString(
                "java.lang.IllegalStateException: nope");
        assertThat(html(socket)).isEqualTo("failed: nope");

        socket.assignAsync(List.of("a", "b"), () -> Map.of("a", 1));
        deliver(process, mailbox);
        assertThat(socket.<AsyncResult>get("b").failed()).isInstanceOf(IllegalArgumentException.class)
                .hasToString("java.lang.IllegalArgumentException: expected assignAsync's work to return a map with a value for "
                        + "each of [a, b], got the keys [a]");
        assertThat(socket.<AsyncResult>get("a").ok()).isFalse();

        Map<String, Object> both = new HashMap<>();
        both.put("a", 1);
        both.put("b", null);
        socket.assignAsync(List.of("a", "b"), () -> both);
        deliver(process, mailbox);
        assertThat(socket.<AsyncResult>get("a")).isEqualTo(AsyncResult.ok(1));
        assertThat(socket.<AsyncResult>get("b")).isEqualTo(AsyncResult.ok(null));
    }

    @Test
    void startAsyncReportsToHandleAsyncAndWithoutItTheViewFails() {
        List<Object> mailbox = new ArrayList<>();
        LiveSocket socket = connected(mailbox);
        List<Object> outcomes = new ArrayList<>();
        LiveProcess process = new LiveProcess(new LiveView() {
            @Override
            public void handleAsync(String name, AsyncResult result, LiveSocket s) {
                outcomes.add(List.of(name, result));
            }
        }, ANSWER, null, socket);
        socket.startAsync("job", () -> "done");
        deliver(process, mailbox);
        assertThat(outcomes).containsExactly(List.of("job", AsyncResult.ok("done")));

        LiveSocket other = connected(mailbox);
        LiveProcess plain = new LiveProcess(new LiveView() { }, ANSWER, null, other);
        other.startAsync("job", () -> "done");
        assertThatThrownBy(() -> deliver(plain, mailbox)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("started the async work \"job\" but does not override handleAsync");
    }

    @Test
    void aReplacedStartIsDroppedAndACancelledOneReportsACancellation() {
        List<Object> mailbox = new ArrayList<>();
        LiveSocket socket = connected(mailbox);
        List<AsyncResult> outcomes = new ArrayList<>();
        LiveProcess process = new LiveProcess(new LiveView() {
            @Override
            public void handleAsync(String name, AsyncResult result, LiveSocket s) {
                outcomes.add(result);
            }
        }, ANSWER, null, socket);
        socket.startAsync("job", () -> "first").startAsync("job", () -> "second");
        deliver(process, mailbox);
        assertThat(outcomes).containsExactly(AsyncResult.ok("second"));

        // A job that has not started yet: cancelled, it reports the cancellation (once) instead.
        AsyncRunner later = new AsyncRunner(task -> { });
        List<Object> queue = new ArrayList<>();
        LiveSocket waiting = LiveSocket.connected("phx-2", URL, new LiveSocket.Link() {
            public void subscribe(String topic) {
            }

            public void unsubscribe(String topic) {
            }

            public void send(Object message) {
                queue.add(message);
            }

            public void sendAfter(Object message, Duration delay) {
            }

            public AsyncRunner async() {
                return later;
            }
        }, Map.of(), Map.of());
        LiveProcess waitingProcess = new LiveProcess(process.view(), ANSWER, null, waiting);
        waiting.startAsync("job", () -> "never");
        assertThat(later.running("phx-2")).isEqualTo(1);
        waiting.cancelAsync("job").cancelAsync("job").cancelAsync("nothing");
        assertThat(later.running("phx-2")).isZero();
        outcomes.clear();
        deliver(waitingProcess, queue);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).failed()).isInstanceOf(CancellationException.class);
    }
}
