package io.phoenixspring.live.view;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One LiveView instance's state (Phoenix.LiveView.Socket): its assigns, which of them changed since
 * the last render (only the template parts reading those are re-rendered and sent), the flash, the
 * streams, its async work, and where to go next. Only the instance's own callbacks touch it, one at a time.
 *
 * <pre>{@code
 * socket.assign("count", 0).assign("page_title", "Count 0");
 * socket.update("count", (Integer n) -> n + 1);
 * if (socket.connected()) socket.subscribe("live:items");
 * socket.stream("items", items.all());
 * socket.putFlash("info", "Saved").pushNavigate("/list");
 * socket.assignAsync("org", () -> orgs.fetch(slug));     // off the view; @org is an AsyncResult
 * }</pre>
 *
 * <p>A value counts as changed when it is not {@code equals} to the previous one; re-assigning the
 * same mutable collection or map instance (changed in place) counts as changed too.
 */
public final class LiveSocket {

    /** The assign holding the flash ({@code @flash}). */
    public static final String FLASH = "flash";
    /** The assign holding the streams ({@code @streams.NAME}). */
    public static final String STREAMS = "streams";
    /** The assign whose value becomes the page title ({@code "t"} on the wire). */
    public static final String PAGE_TITLE = "page_title";
    /** The assign holding the route's action ({@code live "/users/new", UserLive, :new}). */
    public static final String LIVE_ACTION = "live_action";

    /**
     * What a connected socket reaches outside the view: its channel (the runtime implements it).
     */
    public interface Link {
        void subscribe(String topic);

        void unsubscribe(String topic);

        void send(Object message);

        void sendAfter(Object message, Duration delay);

        /** Where the view's async work runs ({@link #assignAsync}, {@link #startAsync}). */
        default AsyncRunner async() {
            return AsyncRunner.DEFAULT;
        }
    }

    private final String id;
    private final Link link;
    private final Map<String, Object> connectParams;
    private final Map<String, Object> connAssigns;
    private final Map<String, Object> assigns = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    /** The values changed assigns had at the last render, for nested change tracking (another instance only). */
    private final Map<String, Object> previous = new HashMap<>();
    private final Map<String, StreamState> streams = new LinkedHashMap<>();
    private URI uri;
    private Navigation navigation;
    private List<Object> events = List.of();
    /** The view's async work; made by the first assignAsync/startAsync of a connected socket. */
    private AsyncTasks async;
    /** The view's uploads ({@code @uploads}). */
    private final Uploads uploads = new Uploads();

    private LiveSocket(String id, Link link, Map<String, Object> connectParams, Map<String, Object> connAssigns,
            URI uri, Map<String, String> flash) {
        this.id = id;
        this.link = link;
        this.connectParams = connectParams;
        this.connAssigns = connAssigns;
        this.uri = uri;
        assigns.put(FLASH, Collections.unmodifiableMap(new LinkedHashMap<>(flash)));
        changed.add(FLASH);
    }

    /** A socket for the plain HTTP render; {@code connAssigns} serve {@link #assignNew} (the runtime calls this). */
    public static LiveSocket disconnected(String id, URI uri, Map<String, Object> connAssigns, Map<String, String> flash) {
        return new LiveSocket(id, null, Map.of(), Map.copyOf(connAssigns), uri, flash);
    }

    /** A socket joined over the LiveView channel (the runtime calls this). */
    public static LiveSocket connected(String id, URI uri, Link link, Map<String, Object> connectParams,
            Map<String, String> flash) {
        return new LiveSocket(id, Objects.requireNonNull(link, "link"), Collections.unmodifiableMap(connectParams),
                Map.of(), uri, flash);
    }

    /**
     * A live component's socket in the view of {@code parent}: what it sends goes to the view
     * ({@code send(self(), …)} in a component reaches the LiveView's handleInfo).
     */
    static LiveSocket component(LiveSocket parent) {
        return new LiveSocket(parent.id, parent.link, parent.connectParams, parent.connAssigns, parent.uri, Map.of());
    }

    /** The container's DOM id ({@code phx-…}); the channel topic is {@code lv:} + id. */
    public String id() {
        return id;
    }

    /** Whether this is the connected mount (over the socket) rather than the plain HTTP render. */
    public boolean connected() {
        return link != null;
    }

    /** The client's connect params ({@code _csrf_token}, {@code _mounts}, your own); empty when disconnected. */
    public Map<String, Object> connectParams() {
        return connectParams;
    }

    /** The current URL (updated by live patches). */
    public URI uri() {
        return uri;
    }

    // ---------------------------------------------------------------- assigns

    public Map<String, Object> assigns() {
        return Collections.unmodifiableMap(assigns);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) assigns.get(key);
    }

    /** Sets an assign; it counts as changed unless equal to the current value. */
    public LiveSocket assign(String key, Object value) {
        if (FLASH.equals(key) || STREAMS.equals(key)) {
            throw new IllegalArgumentException("\"" + key + "\" is LiveView's own assign: use "
                    + (FLASH.equals(key) ? "putFlash/clearFlash" : "stream/streamInsert/streamDelete"));
        }
        Object old = assigns.get(key);
        boolean same = assigns.containsKey(key) && Objects.equals(old, value)
                && !(old == value && (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[]));
        if (!same) {
            if (!changed.contains(key) && assigns.containsKey(key) && old != value) {
                previous.put(key, old);
            }
            assigns.put(key, value);
            changed.add(key);
        }
        return this;
    }

    /** Sets several assigns. */
    public LiveSocket assign(Map<String, ?> values) {
        values.forEach(this::assign);
        return this;
    }

    /**
     * Sets an assign only when absent ({@code assign_new}); in the plain HTTP render the conn's assign
     * of that name is taken first, as Phoenix shares them with the dead render.
     */
    public LiveSocket assignNew(String key, Supplier<?> value) {
        if (!assigns.containsKey(key)) {
            assign(key, connAssigns.containsKey(key) ? connAssigns.get(key) : value.get());
        }
        return this;
    }

    /** Replaces an assign with a function of its current value ({@code update/3}). */
    @SuppressWarnings("unchecked")
    public <T> LiveSocket update(String key, UnaryOperator<T> function) {
        if (!assigns.containsKey(key)) {
            throw new IllegalArgumentException("no assign \"" + key + "\" to update");
        }
        return assign(key, function.apply((T) assigns.get(key)));
    }

    /** Whether an assign changed since the last render ({@code changed?/2}). */
    public boolean changed(String key) {
        return changed.contains(key);
    }

    /** The assigns changed since the last render. */
    public Set<String> changed() {
        return Collections.unmodifiableSet(changed);
    }

    // ---------------------------------------------------------------- flash

    /** The flash ({@code @flash}): kind to message. */
    public Map<String, String> flash() {
        return get(FLASH);
    }

    /** Adds a flash message ({@code put_flash}); it follows a {@link #pushNavigate} or {@link #redirect}. */
    public LiveSocket putFlash(String kind, String message) {
        Map<String, String> next = new LinkedHashMap<>(flash());
        next.put(kind, message);
        setFlash(next);
        return this;
    }

    /** Removes one flash message ({@code clear_flash/2}; the {@code lv:clear-flash} event). */
    public LiveSocket clearFlash(String kind) {
        Map<String, String> next = new LinkedHashMap<>(flash());
        next.remove(kind);
        setFlash(next);
        return this;
    }

    /** Removes every flash message. */
    public LiveSocket clearFlash() {
        setFlash(Map.of());
        return this;
    }

    private void setFlash(Map<String, String> next) {
        if (!next.equals(flash())) {
            assigns.put(FLASH, Collections.unmodifiableMap(new LinkedHashMap<>(next)));
            changed.add(FLASH);
        }
    }

    // ---------------------------------------------------------------- navigation and events

    /** Patches the URL to {@code to} (a path of this LiveView): handle_params runs, no new mount ({@code push_patch}). */
    public LiveSocket pushPatch(String to) {
        return pushPatch(to, false);
    }

    /** {@link #pushPatch(String)}, replacing the browser history entry instead of pushing one when {@code replace}. */
    public LiveSocket pushPatch(String to, boolean replace) {
        navigation = new Navigation.Patch(localPath(to), replace);
        return this;
    }

    /** Navigates to another LiveView of the same live session without a page load ({@code push_navigate}). */
    public LiveSocket pushNavigate(String to) {
        return pushNavigate(to, false);
    }

    public LiveSocket pushNavigate(String to, boolean replace) {
        navigation = new Navigation.Navigate(localPath(to), replace);
        return this;
    }

    /** A full page load of a local path ({@code redirect(socket, to: ...)}). */
    public LiveSocket redirect(String to) {
        navigation = new Navigation.Redirect(localPath(to), false);
        return this;
    }

    /** A full page load of any http(s) URL ({@code redirect(socket, external: ...)}). */
    public LiveSocket redirectExternal(String url) {
        URI parsed = URI.create(url);
        if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("an external redirect needs an http(s) URL, got " + url);
        }
        navigation = new Navigation.Redirect(url, true);
        return this;
    }

    /** Whether a callback asked to navigate away (its render is then skipped). */
    public boolean redirected() {
        return navigation != null;
    }

    private static String localPath(String to) {
        if (to == null || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
            throw new IllegalArgumentException("expected a local path starting with a single /, got " + to);
        }
        return to;
    }

    /** Sends an event to the client's hooks ({@code handleEvent}) and as a {@code phx:NAME} window event ({@code push_event}). */
    public LiveSocket pushEvent(String event, Object payload) {
        List<Object> next = new ArrayList<>(events);
        next.add(List.of(event, payload));
        events = next;
        return this;
    }

    // ---------------------------------------------------------------- streams

    /**
     * Declares (or adds to) a stream ({@code stream/4}): the items are rendered once and then forgotten
     * by the server; the template renders {@code @streams.NAME} inside a {@code phx-update="stream"}
     * container. Each item's DOM id is {@code NAME-ID} unless {@link #streamConfigure} says otherwise.
     */
    public LiveSocket stream(String name, Collection<?> items) {
        return stream(name, items, -1, null, false);
    }

    /**
     * @param at where the items go: {@code -1} appends, {@code 0} prepends
     * @param limit how many children the client keeps (negative: the last ones), or null
     * @param reset empty the client's container first
     */
    public LiveSocket stream(String name, Collection<?> items, int at, Integer limit, boolean reset) {
        StreamState state = stream(name);
        if (reset) {
            state.reset();
        }
        for (Object item : items) {
            state.insert(item, at, limit);
        }
        streamChanged();
        return this;
    }

    /** Sets how a stream's items get their DOM id ({@code stream_configure(socket, name, dom_id: fn)}). */
    public LiveSocket streamConfigure(String name, Function<Object, String> domId) {
        stream(name).domId = Objects.requireNonNull(domId, "domId");
        return this;
    }

    /** Appends (or updates, by DOM id) one item ({@code stream_insert}). */
    public LiveSocket streamInsert(String name, Object item) {
        return streamInsert(name, item, -1, null);
    }

    public LiveSocket streamInsert(String name, Object item, int at, Integer limit) {
        stream(name).insert(item, at, limit);
        streamChanged();
        return this;
    }

    /** Removes an item from the client's container ({@code stream_delete}). */
    public LiveSocket streamDelete(String name, Object item) {
        StreamState state = stream(name);
        state.delete(state.domId.apply(item));
        streamChanged();
        return this;
    }

    /** Removes the element with this DOM id ({@code stream_delete_by_dom_id}). */
    public LiveSocket streamDeleteByDomId(String name, String domId) {
        stream(name).delete(domId);
        streamChanged();
        return this;
    }

    private StreamState stream(String name) {
        return streams.computeIfAbsent(name, n -> new StreamState(n, String.valueOf(streams.size())));
    }

    private void streamChanged() {
        changed.add(STREAMS);
    }

    // ---------------------------------------------------------------- async

    /**
     * Loads an assign off the view ({@code assign_async}): {@code key} becomes a loading
     * {@link AsyncResult} at once (an ok one keeps its result while it reloads), and, when connected,
     * {@code work} runs on the {@link AsyncRunner}; its value makes the assign ok, an exception it throws
     * makes it failed with that exception. A newer assignAsync of the key cancels this one; the view's end
     * cancels everything. In the plain HTTP render the work does not run: the page shows loading.
     *
     * <pre>{@code
     * socket.assignAsync("org", () -> orgs.fetch(slug));       // <.async_result :let={org} assign={@org}>
     * }</pre>
     */
    public LiveSocket assignAsync(String key, Callable<?> work) {
        return assignAsync(key, work, false);
    }

    /** {@link #assignAsync(String, Callable)}; with {@code reset}, an ok result goes back to plain loading (no result). */
    public LiveSocket assignAsync(String key, Callable<?> work, boolean reset) {
        Objects.requireNonNull(work, "work");
        return assignAsync(List.of(key), () -> {
            Map<String, Object> values = new HashMap<>();
            values.put(key, work.call());
            return values;
        }, reset);
    }

    /** Several assigns loaded by one piece of work, which returns a map with a value for each key. */
    public LiveSocket assignAsync(List<String> keys, Callable<? extends Map<String, ?>> work) {
        return assignAsync(keys, work, false);
    }

    /** {@link #assignAsync(List, Callable)}, with {@code reset} as in {@link #assignAsync(String, Callable, boolean)}. */
    public LiveSocket assignAsync(List<String> keys, Callable<? extends Map<String, ?>> work, boolean reset) {
        Objects.requireNonNull(work, "work");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("assignAsync needs at least one key");
        }
        List<String> loading = List.copyOf(keys);
        for (String key : loading) {
            Object existing = assigns.get(key);
            assign(key, !reset && existing instanceof AsyncResult result && result.ok()
                    ? result.withLoading(loading) : AsyncResult.loading(loading));
        }
        if (connected()) {
            tasks().assign(loading, () -> allKeys(loading, work.call()),
                    orphans -> orphans.forEach(key -> assign(key, currentAsync(key).withFailure(new CancellationException("replaced")))));
        }
        return this;
    }

    private static Map<String, ?> allKeys(List<String> keys, Map<String, ?> values) {
        if (values == null || !values.keySet().containsAll(keys)) {
            throw new IllegalArgumentException("expected assignAsync's work to return a map with a value for each of "
                    + keys + ", got " + (values == null ? "null" : "the keys " + values.keySet()));
        }
        return values;
    }

    /**
     * Runs {@code work} off the view ({@code start_async}); its outcome arrives at
     * {@link LiveView#handleAsync} as an ok or failed {@link AsyncResult}. A newer startAsync of the same
     * name replaces this one (its outcome is dropped). Does nothing in the plain HTTP render.
     *
     * <pre>{@code
     * socket.startAsync("report", () -> reports.build(id));    // then handleAsync("report", result, socket)
     * }</pre>
     */
    public LiveSocket startAsync(String name, Callable<?> work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (connected()) {
            tasks().start(name, work);
        }
        return this;
    }

    /**
     * Cancels the async work of an assign key (its assigns become failed with a
     * {@link CancellationException}) or a {@link #startAsync} name (its {@code handleAsync} gets a failed
     * result with a {@link CancellationException}, unless the work finished first); its thread is
     * interrupted. Nothing happens when nothing runs under that name ({@code cancel_async}).
     */
    public LiveSocket cancelAsync(String keyOrName) {
        if (async != null) {
            for (String key : async.cancel(keyOrName)) {
                assign(key, currentAsync(key).withFailure(new CancellationException("cancelled")));
            }
        }
        return this;
    }

    private AsyncTasks tasks() {
        if (async == null) {
            async = new AsyncTasks(id, link.async(), link::send);
        }
        return async;
    }

    private AsyncResult currentAsync(String key) {
        return assigns.get(key) instanceof AsyncResult result ? result : AsyncResult.loading(List.of(key));
    }

    // ---------------------------------------------------------------- messages

    /** Follows a PubSub topic: its broadcasts arrive at {@link LiveView#handleInfo}; ends with the view. Ignored when disconnected. */
    public LiveSocket subscribe(String topic) {
        if (link != null) {
            link.subscribe(topic);
        }
        return this;
    }

    public LiveSocket unsubscribe(String topic) {
        if (link != null) {
            link.unsubscribe(topic);
        }
        return this;
    }

    /** Delivers a message to this instance's {@link LiveView#handleInfo}, after what is queued ({@code send(self(), msg)}). */
    public LiveSocket send(Object message) {
        requireConnected("send").send(message);
        return this;
    }

    /** {@link #send} after a delay ({@code Process.send_after}). */
    public LiveSocket sendAfter(Object message, Duration delay) {
        requireConnected("sendAfter").sendAfter(message, delay);
        return this;
    }

    /**
     * Updates the live component {@code type}/{@code id} of this view after the current callback
     * ({@code send_update/3}): its {@link LiveComponent#update} runs with {@code assigns} (plus {@code id})
     * and it renders. Nothing happens when no such component is on the page.
     */
    public LiveSocket sendUpdate(Class<? extends LiveComponent> type, String id, Map<String, ?> assigns) {
        Map<String, Object> values = new LinkedHashMap<>(assigns);
        values.put("id", id);
        requireConnected("sendUpdate").send(new ComponentUpdate(type, id, null, Collections.unmodifiableMap(values)));
        return this;
    }

    /** {@link #sendUpdate(Class, String, Map)} of the component whose {@code @myself} is {@code target}. */
    public LiveSocket sendUpdate(Cid target, Map<String, ?> assigns) {
        requireConnected("sendUpdate").send(new ComponentUpdate(null, null, target,
                Collections.unmodifiableMap(new LinkedHashMap<>(assigns))));
        return this;
    }

    /** The message {@link #sendUpdate} sends the view: handled by the runtime, never by handleInfo. */
    record ComponentUpdate(Class<?> type, String id, Cid cid, Map<String, Object> assigns) {
    }

    private Link requireConnected(String what) {
        if (link == null) {
            throw new IllegalStateException(what + " needs a connected socket (check socket.connected())");
        }
        return link;
    }

    // ---------------------------------------------------------------- for LiveProcess

    /**
     * Applies a report of async work, if still current: an async assign's value or failure (returns
     * null), or a {@code startAsync} outcome for {@link LiveView#handleAsync}.
     */
    AsyncTasks.Started asyncDone(AsyncTasks.Done done) {
        if (async == null || !async.current(done)) {
            return null;
        }
        AsyncTasks.Task task = done.task();
        if (task.name != null) {
            return new AsyncTasks.Started(task.name,
                    done.failure() == null ? AsyncResult.ok(done.value()) : AsyncResult.failed(done.failure()));
        }
        for (String key : task.keys) {
            AsyncResult current = currentAsync(key);
            assign(key, done.failure() != null ? current.withFailure(done.failure())
                    : current.withResult(((Map<?, ?>) done.value()).get(key)));
        }
        return null;
    }

    /** The view ends: its async work is cancelled and will not report. */
    void cancelAllAsync() {
        if (async != null) {
            async.cancelAll();
        }
    }

    Navigation takeNavigation() {
        Navigation taken = navigation;
        navigation = null;
        return taken;
    }

    List<Object> takeEvents() {
        List<Object> taken = events;
        events = List.of();
        return taken;
    }

    /** A live component's navigation and pushed events become the view's (they share one client). */
    void adopt(LiveSocket component) {
        Navigation asked = component.takeNavigation();
        if (asked != null) {
            navigation = asked;
        }
        List<Object> pushed = component.takeEvents();
        if (!pushed.isEmpty()) {
            List<Object> next = new ArrayList<>(events);
            next.addAll(pushed);
            events = next;
        }
    }

    void uri(URI value) {
        this.uri = value;
    }

    /** Phoenix's {@code @live_action}: always assigned for a routed view, nil when its route names no action. */
    void liveAction(String action) {
        if (!assigns.containsKey(LIVE_ACTION) || !java.util.Objects.equals(assigns.get(LIVE_ACTION), action)) {
            assign(LIVE_ACTION, action);
        }
    }

    /** Puts this render's stream operations into {@code @streams}. */
    void prepareStreams() {
        if (changed.contains(STREAMS)) {
            Map<String, Object> snapshots = new LinkedHashMap<>();
            streams.forEach((name, state) -> snapshots.put(name, state.snapshot()));
            assigns.put(STREAMS, Collections.unmodifiableMap(snapshots));
        }
    }

    /** After a render: nothing changed any more, streamed items are forgotten. */
    void rendered() {
        if (changed.contains(STREAMS)) {
            Map<String, Object> empty = new LinkedHashMap<>();
            streams.forEach((name, state) -> {
                state.rendered();
                empty.put(name, state.empty());
            });
            assigns.put(STREAMS, Collections.unmodifiableMap(empty));
        }
        changed.clear();
        previous.clear();
    }

    /** The values of changed assigns at the last render, when known (replaced by another instance). */
    Map<String, Object> previous() {
        return Collections.unmodifiableMap(previous);
    }

    /** Everything counts as changed (a full render). */
    void markAllChanged() {
        changed.addAll(assigns.keySet());
    }

    // ---------------------------------------------------------------- uploads

    /**
     * allow_upload/3: lets the page's {@code <.live_file_input upload={@uploads.NAME}/>} upload files over
     * the socket; {@code @uploads.NAME} is an {@link UploadConfig} with the selected entries and errors.
     * Calling it again replaces the config (and drops its entries).
     */
    public LiveSocket allowUpload(String name, UploadOptions options) {
        uploads.allow(Objects.requireNonNull(name, "name"), Objects.requireNonNull(options, "options"));
        return uploadsChanged();
    }

    /** disallow_upload/2. */
    public LiveSocket disallowUpload(String name) {
        uploads.disallow(name);
        return uploadsChanged();
    }

    /** cancel_upload/3: drops an entry (its file, if any, is deleted). */
    public LiveSocket cancelUpload(String name, String entryRef) {
        if (uploads.cancel(name, entryRef)) {
            uploadsChanged();
        }
        return this;
    }

    /** The entries fully uploaded (uploaded_entries/2's first list). */
    public List<UploadEntry> uploadedEntries(String name) {
        return uploads.completed(name);
    }

    /** The entries not uploaded yet (uploaded_entries/2's second list). */
    public List<UploadEntry> uploadingEntries(String name) {
        return uploads.inProgress(name);
    }

    /**
     * consume_uploaded_entries/3: hands each fully uploaded file (its temporary path, exactly the bytes
     * the client sent) to {@code consumer}, then deletes it and closes its upload channel; the entries
     * leave {@code @uploads} when their channels have closed. Throws while entries are still uploading.
     *
     * <pre>{@code
     * List<String> names = socket.consumeUploadedEntries("photo", (path, entry) -> {
     *     Files.copy(path, dir.resolve(entry.ref() + ".bin"));
     *     return entry.clientName();
     * });
     * }</pre>
     */
    public <T> List<T> consumeUploadedEntries(String name, UploadConsumer<T> consumer) {
        return uploads.consume(name, consumer);
    }

    /** The upload state the protocol drives (the runtime uses this). */
    public Uploads uploads() {
        return uploads;
    }

    /** Re-assigns {@code @uploads} after the protocol changed it (the runtime calls this). */
    public LiveSocket uploadsChanged() {
        return assign("uploads", uploads.value());
    }
}
