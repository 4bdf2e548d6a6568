package io.phoenixspring.live.view;

import io.phoenixspring.live.rendered.Diff;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.CsrfContext;
import io.phoenixspring.live.template.RoutesContext;
import io.phoenixspring.live.rendered.LiveComponentContext;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.session.CsrfToken;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One running LiveView instance: its view bean, templates, {@link LiveSocket} and the {@link Diff}
 * of what its client holds. The runtime (the LiveView channel, the plain HTTP render) drives it;
 * applications write {@link LiveView}s. Not thread-safe: one message at a time.
 *
 * <pre>{@code
 * LiveProcess process = new LiveProcess(view, template, layout, socket);
 * process.mount(params, session, "index", hooks);
 * process.handleParams(params, uri, "index");
 * Map<String, Object> rendered = process.renderDiff();   // the join reply's "rendered"
 * }</pre>
 */
public final class LiveProcess {

    /** The assign a layout renders the page with ({@code @inner_content}). */
    public static final String INNER_CONTENT = "inner_content";
    private static final String CLEAR_FLASH = "lv:clear-flash";

    private final LiveView view;
    private final Template template;
    private final Template layout;
    private final LiveSocket socket;
    private final Diff diff = new Diff();
    private final LiveComponents components;
    /** The endpoint {@code ~p} renders against; null leaves the caller's {@link RoutesContext} (or none). */
    private final WebEndpoint endpoint;
    private boolean renderedOnce;
    private Map<String, Object> reply;
    private String sessionCsrfToken;
    private String maskedCsrfToken;

    /**
     * @param template the view's template
     * @param layout the app layout rendering the page as {@code @inner_content}, or null
     */
    public LiveProcess(LiveView view, Template template, Template layout, LiveSocket socket) {
        this(view, template, layout, socket, LiveComponentSource.DEFAULT);
    }

    /** @param components where the view's live components and their templates come from */
    public LiveProcess(LiveView view, Template template, Template layout, LiveSocket socket, LiveComponentSource components) {
        this(view, template, layout, socket, components, null);
    }

    /**
     * @param endpoint the endpoint whose url path and cache manifest the templates' {@code ~p} paths use
     *     ({@link RoutesContext}); null for plain paths
     */
    public LiveProcess(LiveView view, Template template, Template layout, LiveSocket socket, LiveComponentSource components,
            WebEndpoint endpoint) {
        this.endpoint = endpoint;
        this.view = Objects.requireNonNull(view, "view");
        this.template = Objects.requireNonNull(template, "template");
        this.layout = layout;
        this.socket = Objects.requireNonNull(socket, "socket");
        this.components = new LiveComponents(components, socket);
    }

    /** Fails when a view's or live component's {@link HandleEvent} methods are malformed. */
    public static void validate(Class<?> viewClass) {
        EventMethods.validate(viewClass);
    }

    public LiveView view() {
        return view;
    }

    public LiveSocket socket() {
        return socket;
    }

    /**
     * Runs the live session's {@code on_mount} hooks, then {@link LiveView#mount} unless one halted.
     *
     * @param action the route's action ({@code @live_action}), or null
     */
    public void mount(Map<String, Object> params, Map<String, Object> session, String action, List<OnMount> hooks) {
        if (session.get(CsrfToken.SESSION_KEY) instanceof String token) {
            sessionCsrfToken = token;
        }
        socket.liveAction(action);
        for (OnMount hook : hooks) {
            if (hook.onMount(params, session, socket) == OnMount.Result.HALT) {
                if (!socket.redirected()) {
                    throw new IllegalStateException("an on_mount hook halted without redirecting (" + hook + ")");
                }
                return;
            }
        }
        view.mount(params, session, socket);
    }

    /** {@link LiveView#handleParams} for the current URL (after mount, and on every live patch). */
    public void handleParams(Map<String, Object> params, URI uri, String action) {
        socket.uri(uri);
        socket.liveAction(action);
        view.handleParams(params, uri, socket);
    }

    /** A client event; {@code lv:clear-flash} is LiveView's own. The reply, if any, goes with the next diff. */
    public void handleEvent(String event, Map<String, Object> value) {
        handleEvent(event, (Object) value);
    }

    /**
     * A client event whose value is any JSON value (a hook's {@code pushEvent} may send a list, a string,
     * a number): an object for handlers taking a Map, anything for those taking Object.
     *
     * @throws IllegalArgumentException when the value does not fit the handler (see {@link #misfit})
     */
    public void handleEvent(String event, Object value) {
        if (CLEAR_FLASH.equals(event)) {
            if (value instanceof Map<?, ?> map && map.get("key") instanceof String key) {
                socket.clearFlash(key);
            } else {
                socket.clearFlash();
            }
            return;
        }
        reply = EventMethods.call(view, event, value, socket);
    }

    /**
     * An event targeted at the live component {@code cid} ({@code phx-target={@myself}}): its handler runs;
     * the reply, if any, goes with the next diff.
     *
     * @throws IllegalArgumentException when the value does not fit the handler
     */
    public void handleComponentEvent(int cid, String event, Object value) {
        reply = components.handleEvent(cid, event, value);
    }

    /** Whether the live component {@code cid} is on the page (the client may target one just removed). */
    public boolean hasComponent(int cid) {
        return components.exists(cid);
    }

    /** {@link #misfit} for an event targeted at the live component {@code cid}. */
    public String misfit(int cid, String event, Object value) {
        return components.misfit(cid, event, value);
    }

    /** The client is removing these components ({@code cids_will_destroy}). */
    public void componentsWillDestroy(List<Integer> cids) {
        cids.forEach(diff::markForDeletion);
    }

    /**
     * The client removed these components ({@code cids_destroyed}): those not rendered again since are
     * forgotten, and returned.
     */
    public List<Integer> componentsDestroyed(List<Integer> cids) {
        List<Integer> deleted = new java.util.ArrayList<>();
        for (Integer cid : cids) {
            if (diff.delete(cid)) {
                components.delete(cid);
                deleted.add(cid);
            }
        }
        return deleted;
    }

    /**
     * A live component's HTML outside any view (LiveViewTest's {@code render_component}): mounted, updated with
     * {@code assigns} ({@code id} among them, else {@code "1"}) and rendered disconnected as cid 1.
     */
    public static String renderComponent(LiveComponentSource source, Class<?> type, Map<String, ?> assigns) {
        LiveSocket host = LiveSocket.disconnected("phx-component", URI.create("http://localhost/"), Map.of(), Map.of());
        LiveComponents components = new LiveComponents(source, host);
        Map<String, Object> values = new LinkedHashMap<>(assigns);
        values.putIfAbsent("id", "1");
        io.phoenixspring.live.rendered.LiveComponentCall call =
                new io.phoenixspring.live.rendered.LiveComponentCall(type, String.valueOf(values.get("id")), values);
        return LiveComponentContext.with(components, () -> components.render(call).tree().toHtml());
    }

    /** How many live components the view holds. */
    public int componentCount() {
        return components.size();
    }

    /** Why an event's value cannot go to its handler (a list for a handler taking a Map), or null when it can. */
    public String misfit(String event, Object value) {
        return CLEAR_FLASH.equals(event) ? null : EventMethods.misfit(view, event, value);
    }

    /** A message to the view: {@link LiveView#handleInfo}, or the report of its async work. */
    public void handleInfo(Object message) {
        if (message instanceof LiveSocket.ComponentUpdate update) {
            components.update(update);
            return;
        }
        if (message instanceof AsyncTasks.Done done) {
            AsyncTasks.Started started = socket.asyncDone(done);
            if (started != null) {
                view.handleAsync(started.name(), started.result(), socket);
            }
            return;
        }
        view.handleInfo(message, socket);
    }

    /** The view ends: its async work is cancelled, then {@link LiveView#terminate} runs. */
    public void terminate(String reason) {
        socket.cancelAllAsync();
        view.terminate(reason, socket);
    }

    /** Cancels the view's async work without calling {@link LiveView#terminate} (a join that failed after mount). */
    public void abandon() {
        socket.cancelAllAsync();
    }

    /** Where the last callback asked to go, or null; cleared by the call. */
    public Navigation takeNavigation() {
        return socket.takeNavigation();
    }

    /** The pushed events not yet sent ({@code [[name, payload], …]}); cleared by the call. */
    public List<Object> takeEvents() {
        return socket.takeEvents();
    }

    /** The flash to carry along a navigation: the current one if this callback changed it, else none. */
    public Map<String, String> changedFlash() {
        return socket.changed(LiveSocket.FLASH) ? socket.flash() : Map.of();
    }

    /**
     * The wire JSON of what changed since the last render (all of it the first time), with the page
     * title ({@code "t"}), pushed events ({@code "e"}) and the event's reply ({@code "r"}); empty when
     * nothing is to be sent. Nothing is rendered when no assign changed.
     */
    public Map<String, Object> renderDiff() {
        return withRoutes(() -> CsrfContext.with(this::csrfToken, this::renderDiffNow));
    }

    /**
     * The masked CSRF token of this instance's forms and links ({@code <.form action=…>}), made once
     * from the session's token as Plug's {@code get_csrf_token/0} caches it for the process.
     *
     * @throws IllegalStateException when the session given to {@link #mount} had none
     */
    public String csrfToken() {
        if (maskedCsrfToken == null) {
            if (sessionCsrfToken == null) {
                throw new IllegalStateException("the LiveView's session has no " + CsrfToken.SESSION_KEY
                        + ": its route's pipeline must fetch the session and protect from forgery");
            }
            maskedCsrfToken = CsrfToken.mask(sessionCsrfToken);
        }
        return maskedCsrfToken;
    }

    private Map<String, Object> renderDiffNow() {
        Map<String, Object> json;
        boolean full = !renderedOnce;
        if (full || !socket.changed().isEmpty() || components.hasDirty()) {
            boolean page = full || !socket.changed().isEmpty();
            boolean titleChanged = socket.changed(LiveSocket.PAGE_TITLE);
            json = new LinkedHashMap<>(LiveComponentContext.with(components, () -> {
                components.beginPass();
                return diff.render(page ? render(full) : null, components::renderDirty);
            }));
            Object title = socket.assigns().get(LiveSocket.PAGE_TITLE);
            if (title != null && (full || titleChanged)) {
                json.put("t", title.toString());
            }
            socket.rendered();
            renderedOnce = true;
        } else {
            json = new LinkedHashMap<>();
        }
        if (reply != null) {
            json.put("r", reply);
            reply = null;
        }
        List<Object> events = socket.takeEvents();
        if (!events.isEmpty()) {
            json.put("e", events);
        }
        return json;
    }

    /** The whole HTML of the page (the plain HTTP render, inside the container). */
    public String renderHtml() {
        String html = withRoutes(() -> CsrfContext.with(this::csrfToken, () -> LiveComponentContext.with(components, () -> {
            components.beginPass();
            return render(true).toHtml();
        })));
        socket.rendered();
        return html;
    }

    private <T> T withRoutes(Supplier<T> render) {
        return endpoint == null ? render.get() : RoutesContext.with(endpoint, render);
    }

    private Rendered render(boolean full) {
        socket.prepareStreams();
        Map<String, Object> assigns = socket.assigns();
        Set<String> changed = full ? null : new HashSet<>(socket.changed());
        Map<String, Object> previous = full ? Map.of() : socket.previous();
        Rendered page = template.render(assigns, changed, previous);
        if (layout == null) {
            return page;
        }
        Map<String, Object> withInner = new HashMap<>(assigns);
        withInner.put(INNER_CONTENT, page);
        if (changed != null) {
            changed.add(INNER_CONTENT);
        }
        return layout.render(withInner, changed, previous);
    }
}
