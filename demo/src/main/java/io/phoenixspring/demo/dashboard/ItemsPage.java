package io.phoenixspring.demo.dashboard;

import io.phoenixspring.dashboard.DashboardComponents;
import io.phoenixspring.dashboard.DashboardPage;
import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The demo's own dashboard page ({@code /dashboard/items}, LiveDashboard's {@code additional_pages}): how many
 * items the {@code /list} page holds and the latest ones. Template: {@code ItemsPage.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(DashboardComponents.class)
public class ItemsPage extends DashboardPage {

    private final ItemStore store;

    public ItemsPage(ItemStore store) {
        this.store = store;
    }

    @Override
    protected void handleRefresh(LiveSocket socket) {
        List<ItemStore.Item> all = store.all();
        List<ItemStore.Item> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - 10), all.size()));
        Collections.reverse(latest);
        socket.assign("count", all.size()).assign("latest", latest);
    }
}
