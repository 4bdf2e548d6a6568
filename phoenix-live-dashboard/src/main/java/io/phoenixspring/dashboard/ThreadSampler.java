package io.phoenixspring.dashboard;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The threads page's figures: one {@code getThreadInfo(ids, 0)} (no stacks) and one CPU-time read per
 * refresh, CPU % as the CPU time a thread used since the previous refresh over the wall time elapsed
 * (100 % = one core busy). One sampler per page visit; it remembers only the last CPU time per thread.
 */
final class ThreadSampler {

    /** Columns the table sorts by. */
    static final List<String> COLUMNS = List.of("name", "id", "state", "daemon", "cpu_time", "cpu_percent", "blocked", "waited");

    /** What one refresh reads of a thread. */
    record Raw(long id, String name, Thread.State state, boolean daemon, long cpuNanos, long blocked, long waited) {
    }

    private final ThreadMXBean threads;
    private final LongSupplier nanoClock;
    private Map<Long, Long> previousCpu = Map.of();
    private long previousAt = Long.MIN_VALUE;

    ThreadSampler(ThreadMXBean threads, LongSupplier nanoClock) {
        this.threads = threads;
        this.nanoClock = nanoClock;
    }

    /** Reads every live thread and returns their rows (CPU % is 0 at the first sample). */
    synchronized List<ThreadsPage.Row> sample() {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
        long[] cpu = cpuTimes(ids);
        List<Raw> raws = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = infos[i];
            if (info != null) {
                raws.add(new Raw(info.getThreadId(), info.getThreadName(), info.getThreadState(), info.isDaemon(),
                        cpu[i], info.getBlockedCount(), info.getWaitedCount()));
            }
        }
        return next(raws, nanoClock.getAsLong());
    }

    private long[] cpuTimes(long[] ids) {
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return new long[ids.length];
        }
        if (threads instanceof com.sun.management.ThreadMXBean bulk) {
            return bulk.getThreadCpuTime(ids);
        }
        long[] cpu = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            cpu[i] = threads.getThreadCpuTime(ids[i]);
        }
        return cpu;
    }

    /** The rows of {@code raws} read at {@code now}, CPU % against the previous call's. */
    synchronized List<ThreadsPage.Row> next(List<Raw> raws, long now) {
        long elapsed = previousAt == Long.MIN_VALUE ? 0 : now - previousAt;
        Map<Long, Long> cpu = new HashMap<>(raws.size() * 2);
        List<ThreadsPage.Row> rows = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            long used = Math.max(0, raw.cpuNanos());
            cpu.put(raw.id(), used);
            Long before = previousCpu.get(raw.id());
            double percent = elapsed <= 0 || before == null ? 0 : Math.max(0, used - before) * 100.0 / elapsed;
            rows.add(new ThreadsPage.Row(raw.id(), raw.name(), raw.state().name(), raw.daemon(), used, percent,
                    raw.blocked(), raw.waited()));
        }
        previousCpu = cpu;
        previousAt = now;
        return rows;
    }

    /** The rows whose name contains {@code search} (case-insensitive), sorted, at most {@code limit}. */
    static List<ThreadsPage.Row> view(List<ThreadsPage.Row> rows, String search, String sortBy, boolean descending, int limit) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Comparator<ThreadsPage.Row> order = comparator(sortBy);
        if (descending) {
            order = order.reversed();
        }
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order.thenComparingLong(ThreadsPage.Row::id))
                .limit(limit)
                .toList();
    }

    private static Comparator<ThreadsPage.Row> comparator(String column) {
        return switch (column) {
            case "name" -> Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT));
            case "id" -> Comparator.comparingLong(ThreadsPage.Row::id);
            case "state" -> Comparator.comparing(ThreadsPage.Row::state);
            case "daemon" -> Comparator.comparing(ThreadsPage.Row::daemon);
            case "cpu_time" -> Comparator.comparingLong(ThreadsPage.Row::cpuNanos);
            case "blocked" -> Comparator.comparingLong(ThreadsPage.Row::blocked);
            case "waited" -> Comparator.comparingLong(ThreadsPage.Row::waited);
            default -> Comparator.comparingDouble(ThreadsPage.Row::cpuPercent);
        };
    }
}
