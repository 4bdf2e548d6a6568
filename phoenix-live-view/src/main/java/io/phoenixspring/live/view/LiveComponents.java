package io.phoenixspring.live.view;

import io.phoenixspring.live.rendered.LiveComponentRef;
import io.phoenixspring.live.rendered.LiveComponentCall;
import io.phoenixspring.live.rendered.LiveComponentContext;
import io.phoenixspring.live.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live components of one view (Phoenix.LiveView.Diff's component state): each (class, id) has a
 * cid, a component bean and its own {@link LiveSocket}. The parent's render meets them through
 * {@link LiveComponentContext}; events, {@code send_update} and the client's destroy handshake reach
 * them by cid. Not thread-safe: the view's one message at a time.
 */
final class LiveComponents implements LiveComponentContext.Host {

    private record Key(Class<?> type, String id) {
    }

    private static final class Instance {
        final int cid;
        final Key key;
        final LiveComponent component;
        final Template template;
        final LiveSocket socket;

        Instance(int cid, Key key, LiveComponent component, Template template, LiveSocket socket) {
            this.cid = cid;
            this.key = key;
            this.component = component;
            this.template = template;
            this.socket = socket;
        }
    }

    private final LiveComponentSource source;
    private final LiveSocket parent;
    private final Map<Key, Instance> byKey = new HashMap<>();
    private final Map<Integer, Instance> byCid = new LinkedHashMap<>();
    /** Components that changed outside a parent's render (an event, send_update), in order. */
    private final Map<Integer, Instance> dirty = new LinkedHashMap<>();
    /** Components rendered in the current pass: one (class, id) may appear once on a page. */
    private final Set<Key> seen = new HashSet<>();
    private int nextCid = 1;

    LiveComponents(LiveComponentSource source, LiveSocket parent) {
        this.source = Objects.requireNonNull(source, "source");
        this.parent = parent;
    }

    /** A new render pass begins (the page, or components on their own). */
    void beginPass() {
        seen.clear();
    }

    @Override
    public LiveComponentRef render(LiveComponentCall call) {
        Class<?> type = call.type();
        String id = call.id();
        Map<String, Object> assigns = call.assigns();
        Key key = new Key(type, id);
        if (!seen.add(key)) {
            throw new IllegalStateException("found duplicate ID \"" + id + "\" for component " + type.getSimpleName()
                    + " when rendering template");
        }
        Instance instance = byKey.get(key);
        boolean fresh = instance == null;
        if (fresh) {
            LiveComponent component = source.component(type);
            Template template = component.template() != null ? component.template() : source.template(type);
            LiveSocket socket = LiveSocket.component(parent);
            instance = new Instance(nextCid++, key, component, template, socket);
            socket.assign("myself", new Cid(instance.cid));
            component.mount(socket);
            parent.adopt(socket);
            byKey.put(key, instance);
            byCid.put(instance.cid, instance);
        }
        instance.component.update(assigns, instance.socket);
        parent.adopt(instance.socket);
        dirty.remove(instance.cid);
        return ref(instance, fresh);
    }

    /** The components that changed on their own since the last render, rendered. */
    List<LiveComponentRef> renderDirty() {
        List<LiveComponentRef> refs = new ArrayList<>();
        for (Instance instance : List.copyOf(dirty.values())) {
            seen.add(instance.key);
            refs.add(ref(instance, false));
        }
        dirty.clear();
        return refs;
    }

    boolean hasDirty() {
        return !dirty.isEmpty();
    }

    private LiveComponentRef ref(Instance instance, boolean full) {
        LiveSocket socket = instance.socket;
        if (!full && socket.changed().isEmpty()) {
            return new LiveComponentRef(instance.cid, instance.key.type(), null);
        }
        socket.prepareStreams();
        Set<String> changed = full ? null : new HashSet<>(socket.changed());
        Map<String, Object> previous = full ? Map.of() : new HashMap<>(socket.previous());
        var tree = instance.template.render(socket.assigns(), changed, previous);
        socket.rendered();
        return new LiveComponentRef(instance.cid, instance.key.type(), tree);
    }

    /** Whether {@code cid} is a component on the page. */
    boolean exists(int cid) {
        return byCid.containsKey(cid);
    }

    /** An event targeted at {@code cid}; the reply, if any. */
    Map<String, Object> handleEvent(int cid, String event, Object value) {
        Instance instance = byCid.get(cid);
        Map<String, Object> reply = EventMethods.call(instance.component, event, value, instance.socket);
        afterCallback(instance);
        return reply;
    }

    String misfit(int cid, String event, Object value) {
        return EventMethods.misfit(byCid.get(cid).component, event, value);
    }

    /** {@link LiveSocket#sendUpdate}: false when no such component is on the page. */
    boolean update(LiveSocket.ComponentUpdate update) {
        Instance instance = update.cid() != null ? byCid.get(update.cid().cid())
                : byKey.get(new Key(update.type(), update.id()));
        if (instance == null) {
            return false;
        }
        instance.component.update(update.assigns(), instance.socket);
        afterCallback(instance);
        return true;
    }

    private void afterCallback(Instance instance) {
        parent.adopt(instance.socket);
        if (!instance.socket.changed().isEmpty()) {
            dirty.put(instance.cid, instance);
        }
    }

    /** The client removed {@code cid} from the page and the server forgets it. */
    void delete(int cid) {
        Instance instance = byCid.remove(cid);
        if (instance != null) {
            byKey.remove(instance.key);
            dirty.remove(cid);
            instance.socket.cancelAllAsync();
        }
    }

    int size() {
        return byCid.size();
    }
}
