package io.phoenixspring.demo.live;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /list}: the node's {@link ItemStore} as a stream ({@code #items}, {@code phx-update="stream"}):
 * the server keeps no copy, every change arrives over PubSub ({@code live:items}) in every browser on
 * the page; {@code #item-count} counts them. {@code #tags} is a comprehension over {@code @tags}, which
 * {@code #shuffle} rotates by one. Template: {@code ListLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(CoreComponents.class)
public class ListLive implements LiveView {

    private final ItemStore store;

    public ListLive(ItemStore store) {
        this.store = store;
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        if (socket.connected()) {
            socket.subscribe(ItemStore.TOPIC);   // before reading the store: no change falls in between
        }
        List<ItemStore.Item> items = store.all();
        socket.stream("items", items)
                .assign("count", items.size())
                .assign("tags", List.of("red", "green", "blue"))
                .assign("text", "")
                .assign("form", Form.of(Map.of(), null))
                .assign("page_title", "List");
    }

    /** {@code phx-submit="add"} with {@code text}: empty text is ignored; the item comes back over PubSub. */
    @HandleEvent("add")
    void add(Map<String, Object> value, LiveSocket socket) {
        String text = value.get("text") instanceof String t ? t.strip() : "";
        if (!text.isEmpty() && store.add(text).isEmpty()) {
            socket.putFlash("error", "The list is full (" + ItemStore.MAX_ITEMS + " items)");
        }
    }

    /** {@code phx-click="delete" phx-value-id="ID"}; an id already gone (another browser's delete) does nothing. */
    @HandleEvent("delete")
    void delete(Map<String, Object> value, LiveSocket socket) {
        long id = Params.wholeInteger(value.get("id"), -1);
        if (id > 0) {
            store.delete(id);
        }
    }

    /** Rotates the tags by one: the first goes last. */
    @HandleEvent("shuffle")
    void shuffle(LiveSocket socket) {
        List<String> tags = new ArrayList<>(socket.<List<String>>get("tags"));
        if (!tags.isEmpty()) {
            tags.add(tags.remove(0));
        }
        socket.assign("tags", List.copyOf(tags));
    }

    @Override
    public void handleInfo(Object message, LiveSocket socket) {
        if (message instanceof ItemStore.Added added) {
            socket.streamInsert("items", added.item()).assign("count", store.size());
        } else if (message instanceof ItemStore.Deleted deleted) {
            socket.streamDelete("items", deleted.item()).assign("count", store.size());
        } else {
            LiveView.super.handleInfo(message, socket);
        }
    }
}
