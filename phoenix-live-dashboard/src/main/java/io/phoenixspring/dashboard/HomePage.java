package io.phoenixspring.dashboard;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.presence.tracker.Tracker;
import io.phoenixspring.pubsub.PubSub;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.env.Environment;

/**
 * The home page ({@code <dashboard>}): the application and its versions, uptime, CPU, memory, GC,
 * threads, file descriptors, and the counts of sockets, channels, presences and PubSub topics on this node.
 * A built-in page; the auto-configuration makes it a bean.
 */
@TemplateImports(DashboardComponents.class)
public final class HomePage extends DashboardPage {

    private final ObjectProvider<SocketRuntime> sockets;
    private final ObjectProvider<PubSub> pubSub;
    private final ObjectProvider<Presence> presence;
    private final Environment environment;

    public HomePage(ObjectProvider<SocketRuntime> sockets, ObjectProvider<PubSub> pubSub,
            ObjectProvider<Presence> presence, Environment environment) {
        this.sockets = sockets;
        this.pubSub = pubSub;
        this.presence = presence;
        this.environment = environment;
    }

    @Override
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("application", environment.getProperty("spring.application.name", "application"));
        about.put("phoenix", Versions.phoenix());
        about.put("spring_boot", String.valueOf(SpringBootVersion.getVersion()));
        about.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name", "") + ")");
        about.put("node", pubSub.getIfAvailable() == null ? "" : pubSub.getIfAvailable().nodeName());
        socket.assign("about", about);
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        socket.assign("system", system()).assign("gcs", gcs()).assign("phoenix", phoenix());
    }

    private static Map<String, Object> system() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("uptime", Format.duration(ManagementFactory.getRuntimeMXBean().getUptime()));
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        system.put("processors", os.getAvailableProcessors());
        system.put("load", os.getSystemLoadAverage() < 0 ? "n/a" : Format.decimal(os.getSystemLoadAverage()));
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            system.put("process_cpu", Format.percent(sun.getProcessCpuLoad()));
            system.put("system_cpu", Format.percent(sun.getCpuLoad()));
        } else {
            system.put("process_cpu", "n/a");
            system.put("system_cpu", "n/a");
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            system.put("fds", unix.getOpenFileDescriptorCount());
            system.put("max_fds", unix.getMaxFileDescriptorCount());
        } else {
            system.put("fds", "n/a");
            system.put("max_fds", "n/a");
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        system.put("heap_used", Format.bytes(heap.getUsed()));
        system.put("heap_max", heap.getMax() < 0 ? "n/a" : Format.bytes(heap.getMax()));
        system.put("heap_percent", heap.getMax() <= 0 ? 0.0 : 100.0 * heap.getUsed() / heap.getMax());
        system.put("non_heap_used", Format.bytes(nonHeap.getUsed()));
        system.put("non_heap_committed", Format.bytes(nonHeap.getCommitted()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        system.put("threads", threads.getThreadCount());
        system.put("daemon_threads", threads.getDaemonThreadCount());
        system.put("peak_threads", threads.getPeakThreadCount());
        return system;
    }

    private static List<Map<String, Object>> gcs() {
        List<Map<String, Object>> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(Map.of("name", gc.getName(), "count", gc.getCollectionCount(), "time", Format.millis(gc.getCollectionTime())));
        }
        return gcs;
    }

    private Map<String, Object> phoenix() {
        Map<String, Object> counts = new LinkedHashMap<>();
        SocketRuntime runtime = sockets.getIfAvailable();
        counts.put("sockets", runtime == null ? 0 : runtime.connectionCount());
        counts.put("channels", runtime == null ? 0
                : runtime.metrics().joinedByRoute().values().stream().mapToInt(Integer::intValue).sum());
        Presence tracked = presence.getIfAvailable();
        int presences = 0;
        if (tracked != null) {
            Tracker tracker = tracked.tracker();
            for (String topic : tracker.topics()) {
                presences += tracker.size(topic);
            }
        }
        counts.put("presences", presences);
        PubSub bus = pubSub.getIfAvailable();
        counts.put("topics", bus == null ? 0 : bus.topicCount());
        return counts;
    }
}
