package io.phoenixspring.dashboard;

import io.phoenixspring.live.template.TemplateFunction;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The threads page ({@code <dashboard>/threads}), the JVM's counterpart of LiveDashboard's processes
 * page: the live threads with their state, CPU time and CPU % since the previous refresh, blocked and
 * waited counts; sortable by column, filtered by name, the top {@value #ROWS} shown; a click on a row
 * shows that thread's stack. A built-in page; the auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class ThreadsPage extends DashboardPage {

    /** Rows shown at most. */
    static final int ROWS = 100;

    /** Frames shown of a stack at most. */
    static final int STACK_DEPTH = 256;

    /**
     * A thread as the table shows it.
     *
     * @param id the thread id
     * @param name its name
     * @param state NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED
     * @param daemon whether it is a daemon thread
     * @param cpuNanos CPU time used since it started
     * @param cpuPercent CPU used since the previous refresh, in % of one core
     * @param blocked times it blocked entering a monitor
     * @param waited times it waited (wait, join, park, sleep)
     */
    public record Row(long id, String name, String state, boolean daemon, long cpuNanos, double cpuPercent,
            long blocked, long waited) {
    }

    /**
     * A thread's stack, as the panel shows it.
     *
     * @param id the thread id
     * @param name its name
     * @param state its state when read
     * @param lock what it waits for or blocks on, or empty
     * @param frames its frames, innermost first (at most {@value #STACK_DEPTH})
     */
    public record Stack(long id, String name, String state, String lock, List<String> frames) {
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        socket.assign("sampler", new ThreadSampler(ManagementFactory.getThreadMXBean(), System::nanoTime))
                .assign("sort_by", "cpu_percent")
                .assign("sort_dir", "desc")
                .assign("search", "")
                .assign("stack", null);
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        ThreadSampler sampler = socket.get("sampler");
        socket.assign("thread_sample", sampler.sample());
        show(socket);
    }

    private static void show(LiveSocket socket) {
        List<Row> all = socket.get("thread_sample");
        List<Row> rows = ThreadSampler.view(all, socket.get("search"), socket.get("sort_by"),
                "desc".equals(socket.get("sort_dir")), ROWS);
        socket.assign("rows", rows).assign("thread_count", all.size());
    }

    /** A click on a column header: sorts by it, or flips the direction when it is the current one. */
    @HandleEvent("sort")
    void sort(Map<String, Object> value, LiveSocket socket) {
        String column = String.valueOf(value.get("by"));
        if (!ThreadSampler.COLUMNS.contains(column)) {
            return;
        }
        if (column.equals(socket.get("sort_by"))) {
            socket.update("sort_dir", (String dir) -> "desc".equals(dir) ? "asc" : "desc");
        } else {
            // Names read best A→Z, figures biggest first.
            socket.assign("sort_by", column).assign("sort_dir", column.equals("name") || column.equals("state") ? "asc" : "desc");
        }
        show(socket);
    }

    /** The search form ({@code phx-change}): filters by name. */
    @HandleEvent("search")
    void search(Map<String, Object> value, LiveSocket socket) {
        Object search = value.get("search");
        String text = search == null ? "" : String.valueOf(search);
        socket.assign("search", text.length() > 200 ? text.substring(0, 200) : text);
        show(socket);
    }

    /** A click on a row: reads that thread's stack once. */
    @HandleEvent("show_stack")
    void showStack(Map<String, Object> value, LiveSocket socket) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(value.get("id")));
        } catch (NumberFormatException notAnId) {
            return;
        }
        socket.assign("stack", stack(ManagementFactory.getThreadMXBean(), id));
    }

    @HandleEvent("close_stack")
    void closeStack(Map<String, Object> value, LiveSocket socket) {
        socket.assign("stack", null);
    }

    static Stack stack(ThreadMXBean threads, long id) {
        ThreadInfo info = threads.getThreadInfo(id, STACK_DEPTH);
        if (info == null) {
            return new Stack(id, "thread " + id, "TERMINATED", "", List.of("(the thread has ended)"));
        }
        String lock = info.getLockName() == null ? ""
                : info.getLockName() + (info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName());
        List<String> frames = Arrays.stream(info.getStackTrace()).map(StackTraceElement::toString).toList();
        return new Stack(id, info.getThreadName(), info.getThreadState().name(), lock, frames);
    }

    @TemplateFunction("cpu_time")
    static String cpuTime(long nanos) {
        return Format.millis(nanos / 1_000_000);
    }

    @TemplateFunction("cpu_percent")
    static String cpuPercent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** ▲ / ▼ on the current sort column's header. */
    @TemplateFunction("sort_mark")
    static String sortMark(String sortBy, String sortDir, String column) {
        return !column.equals(sortBy) ? "" : "desc".equals(sortDir) ? " ▼" : " ▲";
    }
}
