package io.phoenixspring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The threads page's figures: CPU % from deltas, sorting, filtering, the top rows, a stack. */
class ThreadSamplerTest {

    private static ThreadSampler.Raw raw(long id, String name, long cpuNanos) {
        return new ThreadSampler.Raw(id, name, Thread.State.RUNNABLE, false, cpuNanos, id, 10 - id);
    }

    @Test
    void cpuPercentIsTheCpuTimeUsedSinceThePreviousSampleOverTheWallTime() {
        ThreadSampler sampler = new ThreadSampler(ManagementFactory.getThreadMXBean(), () -> 0);
        List<ThreadsPage.Row> first = sampler.next(List.of(raw(1, "busy", 1_000_000_000L), raw(2, "idle", 5_000_000L)), 0);
        assertThat(first).allSatisfy(row -> assertThat(row.cpuPercent()).isZero());

        // One second later: "busy" used half a second, "idle" nothing, "new" appeared.
        List<ThreadsPage.Row> second = sampler.next(List.of(raw(1, "busy", 1_500_000_000L), raw(2, "idle", 5_000_000L),
                raw(3, "new", 200_000_000L)), 1_000_000_000L);
        assertThat(second).extracting(ThreadsPage.Row::cpuPercent).containsExactly(50.0, 0.0, 0.0);
        assertThat(second.get(0).cpuNanos()).isEqualTo(1_500_000_000L);

        List<ThreadsPage.Row> third = sampler.next(List.of(raw(3, "new", 400_000_000L)), 2_000_000_000L);
        assertThat(third.get(0).cpuPercent()).isEqualTo(20.0);
    }

    @Test
    void rowsAreFilteredByNameSortedAndBounded() {
        ThreadSampler sampler = new ThreadSampler(ManagementFactory.getThreadMXBean(), () -> 0);
        List<ThreadsPage.Row> rows = sampler.next(List.of(raw(1, "reactor-http-nio-1", 30), raw(2, "Reactor-http-nio-2", 10),
                raw(3, "main", 20), raw(4, "boundedElastic-1", 40)), 0);

        assertThat(ThreadSampler.view(rows, "", "name", false, 100)).extracting(ThreadsPage.Row::name)
                .containsExactly("boundedElastic-1", "main", "reactor-http-nio-1", "Reactor-http-nio-2");
        assertThat(ThreadSampler.view(rows, "", "cpu_time", true, 100)).extracting(ThreadsPage.Row::id)
                .containsExactly(4L, 1L, 3L, 2L);
        assertThat(ThreadSampler.view(rows, "", "blocked", false, 2)).extracting(ThreadsPage.Row::id)
                .containsExactly(1L, 2L);
        assertThat(ThreadSampler.view(rows, "  REACTOR ", "waited", true, 100)).extracting(ThreadsPage.Row::id)
                .containsExactly(1L, 2L);
        assertThat(ThreadSampler.view(rows, "nothing", "name", false, 100)).isEmpty();
    }

    @Test
    void aSampleOfTheJvmHasALiveNamedThreadAndItsStack() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread thread = new Thread(() -> parkedInAKnownMethod(stop), "sampler-test-thread");
        thread.setDaemon(true);
        thread.start();
        try {
            ThreadSampler sampler = new ThreadSampler(ManagementFactory.getThreadMXBean(), System::nanoTime);
            List<ThreadsPage.Row> rows = ThreadSampler.view(sampler.sample(), "sampler-test", "name", false, 100);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo(thread.getId());
                assertThat(row.daemon()).isTrue();
            });
            ThreadsPage.Stack stack = ThreadsPage.stack(ManagementFactory.getThreadMXBean(), thread.getId());
            assertThat(stack.name()).isEqualTo("sampler-test-thread");
            assertThat(stack.frames()).anyMatch(frame -> frame.contains("parkedInAKnownMethod"));
        } finally {
            stop.countDown();
            thread.join();
        }
        ThreadsPage.Stack ended = ThreadsPage.stack(ManagementFactory.getThreadMXBean(), thread.getId());
        assertThat(ended.state()).isEqualTo("TERMINATED");
    }

    private static void parkedInAKnownMethod(CountDownLatch stop) {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
