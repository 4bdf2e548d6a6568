package io.phoenixspring.dashboard;

import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A page of the dashboard (Phoenix LiveDashboard's {@code PageBuilder}): a LiveView shown inside the
 * dashboard's layout, with its menu and refresh selector. {@link #handleRefresh} runs when the page
 * mounts and then at every tick of the interval the user picked; assign what the template shows there.
 * Add yours with {@link LiveDashboard.Options#additionalPage}; its template is the colocated
 * {@code .html.heex} as for any LiveView.
 *
 * <pre>{@code
 * @PhoenixLiveView
 * public class CachePage extends DashboardPage {
 *     private final CacheManager caches;
 *     public CachePage(CacheManager caches) { this.caches = caches; }
 *
 *     @Override
 *     protected void handleRefresh(LiveSocket socket) {
 *         socket.assign("names", List.copyOf(caches.getCacheNames()));
 *     }
 * }
 * // CachePage.html.heex: <h2>Caches</h2> <p :for={name <- @names}>{name}</p>
 * }</pre>
 *
 * Assigns the layout reads: {@value DashboardInfo#ASSIGN} ({@link DashboardInfo}), {@code page}
 * (this page's {@link DashboardInfo.MenuLink}), {@code refresh} (seconds, 0 when paused) and
 * {@code intervals} (the selector's choices).
 */
public abstract class DashboardPage implements LiveView {

    /** A refresh tick; the generation drops ticks scheduled before the interval last changed. */
    record Tick(long generation) {
    }

    private static final String GENERATION = "refresh_generation";

    @Override
    public final void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        DashboardInfo info = socket.get(DashboardInfo.ASSIGN);
        if (info == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is a dashboard page: route it with "
                    + "LiveDashboard.Options.additionalPage, not as a live route of its own");
        }
        DashboardInfo.MenuLink page = info.current(socket.uri().getPath());
        socket.assign("page", page)
                .assign("page_title", page.title())
                .assign("intervals", intervals())
                .assign("refresh", info.refresh())
                .assign(GENERATION, 0L);
        mountPage(params, socket);
        handleRefresh(socket);
        schedule(socket);
    }

    /** Sets up the page's assigns before the first {@link #handleRefresh} (Phoenix's {@code mount/3}). */
    protected void mountPage(Map<String, Object> params, LiveSocket socket) {
    }

    /** Reads the figures the page shows and assigns them; runs at mount and at every refresh tick. */
    protected abstract void handleRefresh(LiveSocket socket);

    /** Messages other than the refresh ticks (a PubSub broadcast the page subscribed to, say). */
    protected void handlePageInfo(Object message, LiveSocket socket) {
        LiveView.super.handleInfo(message, socket);
    }

    @Override
    public final void handleInfo(Object message, LiveSocket socket) {
        if (message instanceof Tick tick) {
            if (tick.generation() == socket.<Long>get(GENERATION)) {
                handleRefresh(socket);
                schedule(socket);
            }
            return;
        }
        handlePageInfo(message, socket);
    }

    /** The layout's refresh selector ({@code phx-change}); an unknown choice is ignored. */
    @HandleEvent("select_refresh")
    void selectRefresh(Map<String, Object> value, LiveSocket socket) {
        int seconds;
        try {
            seconds = Integer.parseInt(String.valueOf(value.get("refresh")));
        } catch (NumberFormatException notANumber) {
            return;
        }
        if (!LiveDashboard.INTERVALS.contains(seconds)) {
            return;
        }
        socket.assign("refresh", seconds).update(GENERATION, (Long g) -> g + 1);
        schedule(socket);
    }

    private static void schedule(LiveSocket socket) {
        int seconds = socket.get("refresh");
        if (socket.connected() && seconds > 0) {
            socket.sendAfter(new Tick(socket.get(GENERATION)), Duration.ofSeconds(seconds));
        }
    }

    /** The refresh selector's choices. */
    public record Interval(int seconds, String label) {
    }

    private static List<Interval> intervals() {
        return LiveDashboard.INTERVALS.stream()
                .map(s -> new Interval(s, s == 0 ? "Paused" : s + "s"))
                .toList();
    }
}
