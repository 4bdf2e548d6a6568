package io.phoenixspring.test;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.channels.socket.Socket;
import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.live.view.AsyncRunner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.select.Selector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Phoenix.LiveViewTest for Java: render a LiveView as a browser does — the plain GET through the
 * application's real router (the "dead" render), then the connected mount over the real {@code /live}
 * socket and LiveView channel, in-process — and drive it as a user: click elements, fill in and submit
 * forms, follow patches and redirects. The view's HTML is kept as the official client keeps it (the
 * diffs merged into the rendered tree, streams patched into the DOM) and queried with CSS selectors.
 *
 * <pre>{@code
 * @PhoenixTest
 * class CounterLiveTest {
 *     @Autowired LiveViewTest lv;
 *
 *     @Test void increments() {
 *         LiveViewTest.View view = lv.live("/counter");
 *         assertThat(view.element("button#inc").click()).contains("Count: 1");
 *         assertThat(view.form("#user-form", Map.of("user", Map.of("name", "Ada"))).submit()).contains("Saved Ada");
 *         view.element("a", "Next").click();
 *         view.assertPatch("/counter?page=2");
 *     }
 * }
 * }</pre>
 *
 * <p>Every call waits for the view's answer, so what a click caused (a diff, a patch, a redirect, a
 * pushed event) is known when it returns; what a message to the view causes ({@link View#send},
 * PubSub) is waited for by {@link View#render()} and the {@code assert…} methods. A failing expectation
 * throws an {@link AssertionError} saying what was expected and what the page holds.
 */
public final class LiveViewTest {

    /** The host of the URLs the test's pages have, as ConnTest's requests. */
    static final String ORIGIN = "http://www.example.com";
    /** How long a round trip to the view may take (a mount, an event) before the test fails. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final String FLASH_COOKIE = "__phoenix_flash__";

    private final ConnTest conn;
    private final SocketRuntime runtime;
    private final LiveSocketHandler liveSocket;
    private final LiveTokens tokens;
    private final AsyncRunner async;
    private final Function<Class<?>, Object> beans;
    private final Map<String, Object> connectParams;
    private final Duration assertTimeout;
    /** The sockets of the views opened since the last {@link #closeViews()}, shared by this helper's copies. */
    private final Set<LiveConnection> tabs;

    /**
     * @param conn the application's {@code build_conn()}, for the plain HTTP requests
     * @param runtime the socket runtime the {@code /live} socket runs on
     * @param liveSocket the application's {@code /live} socket
     * @param routes the live routes (their tokens sign and verify flashes)
     * @param beans resolves channel classes to beans (the application context's getBean)
     */
    public LiveViewTest(ConnTest conn, SocketRuntime runtime, LiveSocketHandler liveSocket, LiveRoutes routes,
            Function<Class<?>, Object> beans) {
        this(conn, runtime, liveSocket, routes.tokens(), routes.async(), beans, Map.of(), ChannelTest.ASSERT_TIMEOUT,
                java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    private LiveViewTest(ConnTest conn, SocketRuntime runtime, LiveSocketHandler liveSocket, LiveTokens tokens, AsyncRunner async,
            Function<Class<?>, Object> beans, Map<String, Object> connectParams, Duration assertTimeout, Set<LiveConnection> tabs) {
        this.conn = Objects.requireNonNull(conn, "conn");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.liveSocket = Objects.requireNonNull(liveSocket, "liveSocket");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.async = Objects.requireNonNull(async, "async");
        this.beans = Objects.requireNonNull(beans, "beans");
        this.connectParams = connectParams;
        this.assertTimeout = assertTimeout;
        this.tabs = tabs;
    }

    /**
     * {@code put_connect_params(conn, params)}: the params the client sends with every join, which the
     * connected mount reads with {@code socket.connectParams()}.
     *
     * <pre>{@code
     * LiveViewTest.View view = lv.putConnectParams(Map.of("tz", "Europe/Paris")).live("/clock");
     * }</pre>
     */
    public LiveViewTest putConnectParams(Map<String, ?> params) {
        Map<String, Object> copy = new LinkedHashMap<>(connectParams);
        copy.putAll(params);
        return new LiveViewTest(conn, runtime, liveSocket, tokens, async, beans, Collections.unmodifiableMap(copy), assertTimeout, tabs);
    }

    /**
     * How long {@code assertPatch}, {@code assertRedirect}, {@code assertPushEvent} and {@code assertReply}
     * wait for what a message to the view causes (ExUnit's {@code assert_receive_timeout}); 2 s by default.
     */
    public LiveViewTest assertTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the assert timeout must be positive, was " + timeout);
        }
        return new LiveViewTest(conn, runtime, liveSocket, tokens, async, beans, connectParams, timeout, tabs);
    }

    /** {@code live(build_conn(), path)}: the dead render of {@code path}, then its connected mount. */
    /**
     * {@code render_component(MyComponent, id: "x", user: user)}: the live component's HTML, mounted, updated with
     * {@code assigns} and rendered (as cid 1, outside any view; its template as the app finds it beside the class).
     *
     * <pre>{@code
     * assertThat(lv.renderComponent(Toggle.class, Map.of("id", "t"))).contains("<span id=\"t-state\">off</span>");
     * }</pre>
     */
    public String renderComponent(Class<? extends io.phoenixspring.live.view.LiveComponent> type, Map<String, ?> assigns) {
        io.phoenixspring.live.view.LiveComponentSource source = io.phoenixspring.live.view.LiveComponentSource.of(c -> {
            try {
                return beans.apply(c);
            } catch (RuntimeException noBean) {
                return io.phoenixspring.live.view.LiveComponentSource.instantiate(c);
            }
        }, io.phoenixspring.live.view.TemplateResolver.colocated());
        return io.phoenixspring.live.view.LiveProcess.renderComponent(source, type, assigns);
    }

    public View live(String path) {
        return live(conn, path);
    }

    /**
     * {@code live(conn, path)} with a conn of yours (a session from {@code initTestSession}, cookies,
     * headers, assigns for the dead render).
     *
     * <p>A page that redirects instead (from {@code mount} or {@code handleParams}, disconnected or
     * connected) gives a view that is already gone: {@code assertRedirect} and {@code followRedirect} it.
     */
    public View live(ConnTest conn, String path) {
        return mount(conn.get(path));
    }

    /** {@code live(conn)} after {@code get(conn, path)}: the connected mount of a page already rendered. */
    public View live(SentConn page) {
        return mount(page);
    }

    private View mount(SentConn page) {
        String target = page.requestTarget();
        ConnTest browser = page.recycle();
        if (page.status() >= 300 && page.status() < 400 && page.respHeader("location") != null) {
            Map<String, String> flash;
            try {
                flash = page.getFlash();
            } catch (IllegalStateException noSessions) {
                flash = Map.of();
            }
            return View.redirectedOnMount(this, browser, target, new Redirect(Redirect.Kind.REDIRECT, page.respHeader("location"), flash));
        }
        if (page.status() != 200) {
            throw new AssertionError("expected " + target + " to render a LiveView (status 200), got " + page.describe());
        }
        String html = page.body();
        org.jsoup.nodes.Element container = LiveDom.containerOf(html);
        if (container == null) {
            throw new AssertionError("expected " + target + " to render a LiveView, but the page has no LiveView container "
                    + "(an element with data-phx-main): is it a live route? (To follow a redirect to a controller's page, use "
                    + "followRedirectConn.) " + page.describe());
        }
        String csrfToken = LiveDom.csrfTokenOf(html);
        if (csrfToken == null) {
            throw new AssertionError("the page of " + target + " has no <meta name=\"csrf-token\">, which the client connects "
                    + "with: render it in the root layout");
        }
        Map<String, String> params = new HashMap<>();
        params.put("_csrf_token", csrfToken);
        params.put("_mounts", "0");
        connectParams.forEach((key, value) -> params.put(key, String.valueOf(value)));
        LiveConnection tab = LiveConnection.open(runtime, liveSocket, beans, params, cookieHeader(browser), REPLY_TIMEOUT);
        tabs.add(tab);
        View view = new View(this, tab, browser, container, csrfToken, ORIGIN + target, LiveDom.titleOf(html));
        view.join("url", null);
        return view;
    }

    /**
     * Closes every view opened so far (their channels end, {@code terminate} runs), as the end of an
     * ExUnit test ends its LiveView processes: the test listener calls it after each test method.
     */
    void closeViews() {
        for (Iterator<LiveConnection> open = tabs.iterator(); open.hasNext();) {
            open.next().close();
            open.remove();
        }
    }

    private static String cookieHeader(ConnTest browser) {
        return browser.reqCookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * Where a view went instead of rendering ({@code {:error, {:redirect | :live_redirect, %{to, flash}}}}):
     * a plain redirect (a page load) or a live redirect (live navigation to another LiveView), with the
     * flash it carries.
     *
     * @param kind which navigation
     * @param to the path (or URL) to go to
     * @param flash the flash carried to the next page
     */
    public record Redirect(Kind kind, String to, Map<String, String> flash) {

        /** {@code :redirect} (a page load) or {@code :live_redirect} (live navigation). */
        public enum Kind { REDIRECT, LIVE_REDIRECT }

        public Redirect {
            flash = flash == null ? Map.of() : Map.copyOf(flash);
        }
    }

    /**
     * A connected LiveView ({@code Phoenix.LiveViewTest.View}): what {@link #live} returns. Not
     * thread-safe: one test drives it.
     */
    public static final class View {
        private final LiveViewTest test;
        private final LiveConnection tab;
        private final ConnTest browser;
        private final org.jsoup.nodes.Element container;
        private final String csrfToken;
        private final String joinRef;
        private final String topic;
        private final LiveDom dom;
        private final Map<String, ReceivedMessage> replies = new HashMap<>();
        private final Deque<String> patches = new ArrayDeque<>();
        private final List<JsonNode[]> pushedEvents = new ArrayList<>();
        private final Deque<JsonNode> hookReplies = new ArrayDeque<>();
        private final Map<String, Set<String>> usedInputs = new HashMap<>();
        private int fileRefs;
        private RenderedTree tree;
        private String url;
        private String title;
        private Redirect redirect;
        /** A plain redirect whose flash is in the session already (a dead render's 302). */
        private boolean flashInSession;
        private boolean closed;
        private boolean crashed;
        private String joinRefusal;

        private View(LiveViewTest test, LiveConnection tab, ConnTest browser, org.jsoup.nodes.Element container, String csrfToken, String url,
                String title) {
            this.test = test;
            this.tab = tab;
            this.browser = browser;
            this.container = container;
            this.csrfToken = csrfToken;
            this.url = url;
            this.title = title;
            this.topic = container == null ? null : "lv:" + container.id();
            this.joinRef = tab == null ? null : tab.nextRef();
            this.dom = container == null ? null : new LiveDom(container);
            if (tab != null) {
                tab.own(topic, joinRef, this::handle);
            }
        }

        /** A page that redirected before any view was connected. */
        static View redirectedOnMount(LiveViewTest test, ConnTest browser, String target, Redirect redirect) {
            View view = new View(test, null, browser, null, null, ORIGIN + target, null);
            view.redirect = redirect;
            view.flashInSession = true;
            view.closed = true;
            return view;
        }

        // ------------------------------------------------------------ reading

        /**
         * {@code render(view)}: the view's current HTML, its container element included, after every
         * message sent to it so far was handled.
         */
        public String render() {
            sync();
            requireRendered();
            if (redirect != null) {
                throw new AssertionError(describe() + " navigated away (a " + redirect.kind() + " to " + redirect.to()
                        + "): assertRedirect or followRedirect it");
            }
            if (closed || tab.isClosed()) {
                throw new AssertionError(describe() + " is closed (its test ended, or close() was called)");
            }
            return dom.html();
        }

        /** The view's container id ({@code phx-…}), its channel topic without {@code lv:}. */
        public String id() {
            return container == null ? null : container.id();
        }

        /** The view's current URL path and query (after patches). */
        public String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        /** {@code page_title(view)}: the last {@code page_title} the view sent, else the dead render's {@code <title>}. */
        public String pageTitle() {
            sync();
            return title;
        }

        /** {@code element(view, selector)}: one element of the view, found when used. */
        public Element element(String selector) {
            return new Element(this, selector, null);
        }

        /** {@code element(view, selector, text_filter)}: among the matches, the one whose text contains {@code text}. */
        public Element element(String selector, String text) {
            return new Element(this, selector, Objects.requireNonNull(text, "text"));
        }

        /** {@code element(view, selector, ~r/…/)}: among the matches, the one whose text matches {@code text}. */
        public Element element(String selector, Pattern text) {
            return new Element(this, selector, Objects.requireNonNull(text, "text"));
        }

        /** {@code has_element?(view, selector)}: whether some element of the view matches. */
        public boolean hasElement(String selector) {
            return element(selector).hasElement();
        }

        /** {@code has_element?(view, selector, text_filter)}. */
        public boolean hasElement(String selector, String text) {
            return element(selector, text).hasElement();
        }

        /** {@code form(view, selector)}: a form of the view, submitted as it is on the page. */
        public Form form(String selector) {
            return new Form(this, selector, Map.of(), null);
        }

        /**
         * {@code form(view, selector, form_data)}: the form with values a user would enter; each must be
         * a field of the form a user can fill in (not hidden, an option of a select…).
         *
         * <pre>{@code
         * view.form("#user-form", Map.of("user", Map.of("name", "Ada", "role", "admin"))).submit();
         * }</pre>
         */
        public Form form(String selector, Map<String, ?> formData) {
            return new Form(this, selector, Map.copyOf(formData), null);
        }

        /**
         * {@code file_input(view, form_selector, name, entries)}: selects these files in the form's
         * {@code <.live_file_input upload={@uploads.NAME}/>} as a user does — the form's {@code phx-change}
         * with the selection's {@code uploads} metadata, so the entries (and their errors: too large, not
         * accepted, too many files) render; then {@link FileInput#renderUpload(String)} uploads them.
         *
         * <pre>{@code
         * FileInput photo = view.fileInput("#upload-form", "photo", List.of(new FileEntry("a.png", "image/png", bytes)));
         * assertThat(photo.renderUpload("a.png")).contains("100%");
         * view.form("#upload-form").submit();          // consume_uploaded_entries gets exactly the bytes
         * }</pre>
         */
        public FileInput fileInput(String formSelector, String uploadName, List<FileEntry> entries) {
            Objects.requireNonNull(uploadName, "uploadName");
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("file_input needs at least one entry");
            }
            org.jsoup.nodes.Element form = find(formSelector, null);
            if (!form.tagName().equals("form")) {
                throw new AssertionError("selector \"" + formSelector + "\" names a <" + form.tagName() + ">, not a form");
            }
            org.jsoup.nodes.Element input = null;
            for (org.jsoup.nodes.Element candidate : form.select("input[type=file][data-phx-upload-ref]")) {
                if (uploadName.equals(candidate.attr("name"))) {
                    input = candidate;
                }
            }
            if (input == null) {
                throw new AssertionError("the form " + formSelector + " of " + describe() + " has no live_file_input for the upload \""
                        + uploadName + "\" (did the view allow_upload it?): " + Selectors.describe(form));
            }
            FileInput fileInput = new FileInput(this, formSelector, uploadName, input.attr("data-phx-upload-ref"), entries);
            if (!form.attr("phx-change").isEmpty()) {
                formEvent(form, formSelector, Map.of(), Map.of("_target", uploadName), null, false,
                        Map.of(fileInput.configRef, fileInput.metadata(fileInput.entries.keySet())));
            }
            return fileInput;
        }

        /** The client's {@code LiveUploader.genFileRef}: one counter for the page's files. */
        String nextFileRef() {
            return String.valueOf(fileRefs++);
        }

        // ------------------------------------------------------------ events

        /** {@code render_click(view, event)}. */
        public String renderClick(String event) {
            return renderClick(event, Map.of());
        }

        /** {@code render_click(view, event, value)}: the event straight to the view; its HTML after. */
        public String renderClick(String event, Map<String, ?> value) {
            return pushEvent("click", event, value, null);
        }

        /** {@code render_change(view, event, value)}: a form event with {@code value} URL-encoded as a form's. */
        public String renderChange(String event, Map<String, ?> value) {
            return pushForm(event, FormData.encode(value), Map.of());
        }

        /** {@code render_submit(view, event, value)}. */
        public String renderSubmit(String event, Map<String, ?> value) {
            return pushForm(event, FormData.encode(value), Map.of());
        }

        /** {@code render_hook(view, event, value)}: an event pushed by a client hook; its reply goes to {@link #assertReply}. */
        public String renderHook(String event, Map<String, ?> value) {
            return pushEvent("hook", event, value, null);
        }

        /**
         * {@link #renderHook(String, Map)} with any JSON value, as a hook's {@code pushEvent} may send
         * (a list, a string, a number): the view's handler must take the value as {@code Object}.
         */
        public String renderHook(String event, Object value) {
            return pushEvent("hook", event, value, null);
        }

        /**
         * {@code render_async(view)}: waits until the async work the view runs ({@code assignAsync},
         * {@code startAsync}, also what the messages sent to it so far started) has finished and the view
         * handled its results, then returns the HTML. Waits at most the assert timeout.
         */
        public String renderAsync() {
            return renderAsync(test.assertTimeout);
        }

        /** {@code render_async(view, timeout)}: fails when the work has not finished within {@code timeout}. */
        public String renderAsync(Duration timeout) {
            requireLive();
            sync();
            try {
                test.async.whenDone(id()).get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException late) {
                throw new AssertionError("expected the async work of " + describe() + " to finish within "
                        + timeout.toMillis() + " ms");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the async work of " + describe());
            } catch (java.util.concurrent.ExecutionException never) {
                throw new IllegalStateException(never.getCause());
            }
            return render();
        }

        /** {@code render_focus(view, event, value)}. */
        public String renderFocus(String event, Map<String, ?> value) {
            return pushEvent("focus", event, value, null);
        }

        /** {@code render_blur(view, event, value)}. */
        public String renderBlur(String event, Map<String, ?> value) {
            return pushEvent("blur", event, value, null);
        }

        /** {@code render_keydown(view, event, value)}. */
        public String renderKeydown(String event, Map<String, ?> value) {
            return pushEvent("keydown", event, value, null);
        }

        /** {@code render_keyup(view, event, value)}. */
        public String renderKeyup(String event, Map<String, ?> value) {
            return pushEvent("keyup", event, value, null);
        }

        /**
         * {@code render_patch(view, path)}: a live patch from the client ({@code <.link patch>}, the
         * browser's history); {@code handleParams} runs and the HTML after is returned. A path of another
         * LiveView navigates there instead, as the client does (see {@link #followRedirect()}).
         */
        public String renderPatch(String path) {
            requireLive();
            String absolute = absolute(path);
            ReceivedMessage reply = push("live_patch", Map.of("url", absolute), "the live patch to " + path);
            JsonNode response = (JsonNode) reply.response();
            if (response != null && response.path("link_redirect").asBoolean(false)) {
                redirect = new Redirect(Redirect.Kind.LIVE_REDIRECT, path, Map.of());
            } else {
                url = absolute;
                patches.add(path);
            }
            return currentHtml();
        }

        /**
         * {@code send(view.pid, message)}: a message to the view's {@code handleInfo}. Its effects show in
         * the next {@link #render()} or assertion.
         */
        public View send(Object message) {
            requireLive();
            Socket socket = tab.channelSocket(joinRef);
            if (socket == null) {
                throw new AssertionError("the LiveView at " + path() + " has no running channel to send " + message + " to");
            }
            socket.send(message);
            return this;
        }

        // ------------------------------------------------------------ assertions

        /** {@code assert_patch(view)}: waits for a live patch and returns its path. */
        public String assertPatch() {
            await(() -> !patches.isEmpty() || gone(), test.assertTimeout);
            if (patches.isEmpty()) {
                throw new AssertionError("expected " + describe() + " to patch within " + millis() + " ms, but got "
                        + (redirect != null ? "a " + redirect.kind() + " to " + redirect.to() : "none"));
            }
            return patches.poll();
        }

        /** {@code assert_patch(view, to)}: waits for a live patch to {@code to}. */
        public View assertPatch(String to) {
            await(() -> patches.contains(to) || gone(), test.assertTimeout);
            takePatch(to);
            return this;
        }

        /** {@code assert_patched(view, to)}: a live patch to {@code to} already happened. */
        public View assertPatched(String to) {
            drain();
            takePatch(to);
            return this;
        }

        private void takePatch(String to) {
            if (!patches.remove(to)) {
                throw new AssertionError("expected " + describe() + " to patch to " + to + ", but got "
                        + (patches.isEmpty() ? (redirect != null ? "a " + redirect.kind() + " to " + redirect.to() : "none")
                                : "patches to " + patches));
            }
        }

        /** {@code assert_redirect(view)}: waits for the view to redirect (plainly or live) and returns where to. */
        public Redirect assertRedirect() {
            await(() -> redirect != null || crashed, test.assertTimeout);
            if (redirect == null) {
                throw new AssertionError("expected " + describe() + " to redirect within " + millis() + " ms, but got "
                        + (crashed ? "a crash (phx_error)" : patches.isEmpty() ? "none" : "patches to " + patches));
            }
            return redirect;
        }

        /** {@code assert_redirect(view, to)}: waits for a redirect to {@code to}; returns its flash. */
        public Map<String, String> assertRedirect(String to) {
            Redirect seen = assertRedirect();
            if (!seen.to().equals(to)) {
                throw new AssertionError("expected " + describe() + " to redirect to " + to + ", but got a " + seen.kind()
                        + " to " + seen.to());
            }
            return seen.flash();
        }

        /** {@code assert_redirected(view, to)}: a redirect to {@code to} already happened; returns its flash. */
        public Map<String, String> assertRedirected(String to) {
            drain();
            if (redirect == null || !redirect.to().equals(to)) {
                throw new AssertionError("expected " + describe() + " to have redirected to " + to + ", but got "
                        + (redirect == null ? "none" : "a " + redirect.kind() + " to " + redirect.to()));
            }
            return redirect.flash();
        }

        /** {@code refute_redirected(view, to)}: no redirect to {@code to} happened (so far). */
        public View refuteRedirected(String to) {
            drain();
            if (redirect != null && redirect.to().equals(to)) {
                throw new AssertionError("expected " + describe() + " not to redirect to " + to + ", but it did");
            }
            return this;
        }

        /**
         * {@code assert_push_event(view, event, payload)}: waits for the view to push this event
         * ({@code pushEvent}) with this payload (maps, records, lists or JSON text, compared as JSON).
         */
        public View assertPushEvent(String event, Object payload) {
            await(() -> findEvent(event, payload) >= 0 || gone(), test.assertTimeout);
            int index = findEvent(event, payload);
            if (index < 0) {
                throw new AssertionError("expected " + describe() + " to push the event \"" + event + "\" with "
                        + Payloads.normalize(payload) + " within " + millis() + " ms; pushed instead: " + pushedEventsText());
            }
            pushedEvents.remove(index);
            return this;
        }

        /** {@code refute_push_event(view, event, payload)}: no such event was pushed within the refute timeout. */
        public View refutePushEvent(String event, Object payload) {
            await(() -> findEvent(event, payload) >= 0, ChannelTest.REFUTE_TIMEOUT);
            if (findEvent(event, payload) >= 0) {
                throw new AssertionError("expected " + describe() + " not to push the event \"" + event + "\" with "
                        + Payloads.normalize(payload) + ", but it did");
            }
            return this;
        }

        /** {@code assert_reply(view, payload)}: a hook event's handler replied this (the diff's {@code "r"}). */
        public View assertReply(Object payload) {
            await(() -> !hookReplies.isEmpty() || gone(), test.assertTimeout);
            JsonNode reply = hookReplies.poll();
            if (reply == null) {
                throw new AssertionError("expected " + describe() + " to reply to a hook event within " + millis() + " ms, but it did not");
            }
            Payloads.assertEqual("the hook reply of " + describe(), payload, reply);
            return this;
        }

        // ------------------------------------------------------------ navigation

        /**
         * {@code follow_redirect}: goes where the view went. A live redirect is live navigation on the
         * same socket (the next view mounts with the flash), or a page load when the target is in
         * another live session; a plain redirect is a page load with the flash. The target must be a
         * LiveView; for a controller's page use {@link #followRedirectConn()}.
         */
        public View followRedirect() {
            Redirect seen = assertRedirect();
            if (seen.kind() == Redirect.Kind.LIVE_REDIRECT) {
                return navigate(seen.to(), seen.flash());
            }
            return test.mount(pageLoad(seen));
        }

        /** {@code follow_redirect(…, to)}: {@link #followRedirect()} after checking where to. */
        public View followRedirect(String to) {
            assertRedirect(to);
            return followRedirect();
        }

        /** {@code {:ok, conn} = follow_redirect(…)}: the page load of the redirect's target, whatever it is. */
        public SentConn followRedirectConn() {
            return pageLoad(assertRedirect());
        }

        /**
         * {@code live_redirect(view, to: path)}: live navigation from this view to another LiveView, as a
         * {@code <.link navigate>} click: the client leaves this view and joins the next on the same
         * socket; outside this view's live session, it loads the page instead.
         */
        public View liveRedirect(String path) {
            requireLive();
            return navigate(path, Map.of());
        }

        /** Leaves the view (the channel ends, {@code terminate} runs) and closes its socket. */
        public void close() {
            if (tab != null) {
                tab.close();
                test.tabs.remove(tab);
            }
            closed = true;
        }

        private View navigate(String to, Map<String, String> flash) {
            if (!gone()) {
                String ref = tab.send(topic, joinRef, "phx_leave", Map.of());
                awaitReply(ref, "leaving for " + to);
            }
            closed = true;
            View next = new View(test, tab, browser, container, csrfToken, absolute(to), title);
            String flashToken = flash.isEmpty() ? null : test.tokens.signFlash(flash);
            next.join("redirect", flashToken);
            if (next.joinRefusal != null) {
                // Another live session (or a stale page): the client loads the page instead.
                SentConn page = flashToken == null ? browser.get(to) : browser.putReqCookie(FLASH_COOKIE, flashToken).get(to);
                return test.mount(page);
            }
            return next;
        }

        private SentConn pageLoad(Redirect seen) {
            String to = seen.to();
            if (to.startsWith(ORIGIN)) {
                to = to.substring(ORIGIN.length());
            } else if (!to.startsWith("/")) {
                throw new AssertionError(describe() + " redirected to the external " + to + ", which a test cannot follow");
            }
            if (seen.flash().isEmpty() || flashInSession) {
                return browser.get(to);
            }
            return browser.putReqCookie(FLASH_COOKIE, test.tokens.signFlash(seen.flash())).get(to);
        }

        // ------------------------------------------------------------ the protocol

        /** Joins as the client: {@code url} on a first mount, {@code redirect} after live navigation. */
        void join(String urlKey, String flashToken) {
            Map<String, Object> params = new LinkedHashMap<>(test.connectParams);
            params.put("_csrf_token", csrfToken);
            params.put("_mounts", 0);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put(urlKey, url);
            payload.put("params", params);
            payload.put("session", container.attr("data-phx-session"));
            payload.put("static", container.attr("data-phx-static"));
            if (flashToken != null) {
                payload.put("flash", flashToken);
            }
            tab.sendJoin(topic, joinRef, payload);
            ReceivedMessage reply = awaitReply(joinRef, "the join of " + path());
            if (reply == null) {
                throw new AssertionError(describe() + " crashed while joining (phx_error): see the log for the exception");
            }
            JsonNode response = (JsonNode) reply.response();
            if ("ok".equals(reply.status())) {
                JsonNode patch = response.get("live_patch");
                if (patch != null && patch.has("to")) {
                    patches.add(patch.get("to").asString());
                    url = absolute(patch.get("to").asString());
                }
                return;
            }
            closed = true;
            for (String kind : List.of("live_redirect", "redirect")) {
                if (response.has(kind)) {
                    navigated(kind, response.get(kind));
                    return;
                }
            }
            joinRefusal = response.path("reason").asString("");
            if ("url".equals(urlKey)) {
                throw new AssertionError("the LiveView at " + path() + " refused the connected mount: " + response
                        + ("stale".equals(joinRefusal) ? " (the session token, the CSRF token or the session cookie was refused)" : ""));
            }
        }

        private String pushEvent(String type, String event, Object value, String what) {
            return pushEvent(type, event, value, what, null);
        }

        private String pushEvent(String type, String event, Object value, String what, Integer cid) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", type);
            payload.put("event", event);
            payload.put("value", value);
            if (cid != null) {
                payload.put("cid", cid);
            }
            push("event", payload, what != null ? what : "the " + type + " event \"" + event + "\"");
            return currentHtml();
        }

        private String pushForm(String event, String value, Map<String, Object> meta) {
            return pushForm(event, value, meta, null);
        }

        private String pushForm(String event, String value, Map<String, Object> meta, Integer cid) {
            return pushForm(event, value, meta, cid, null);
        }

        /** @param uploads the client's {@code uploads} metadata of a file selection ({@code {configRef: [entry…]}}), or null */
        private String pushForm(String event, String value, Map<String, Object> meta, Integer cid, Map<String, Object> uploads) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "form");
            payload.put("event", event);
            payload.put("value", value);
            if (cid != null) {
                payload.put("cid", cid);
            }
            if (uploads != null) {
                payload.put("uploads", uploads);
            }
            if (!meta.isEmpty()) {
                payload.put("meta", meta);
            }
            push("event", payload, "the form event \"" + event + "\"");
            return currentHtml();
        }

        /** Sends a message and waits for its reply; a refusal or a crash fails the test. */
        private ReceivedMessage push(String event, Object payload, String what) {
            requireLive();
            String ref = tab.send(topic, joinRef, event, payload);
            ReceivedMessage reply = awaitReply(ref, what);
            if (reply == null) {
                throw new AssertionError(describe() + " crashed handling " + what + " (phx_error): see the log for the exception");
            }
            if (!"ok".equals(reply.status())) {
                throw new AssertionError(describe() + " refused " + what + ": " + reply.response());
            }
            return reply;
        }

        /** @return the reply, or null when the view crashed or closed before replying */
        private ReceivedMessage awaitReply(String ref, String what) {
            await(() -> replies.containsKey(ref) || crashed || closed, REPLY_TIMEOUT);
            ReceivedMessage reply = replies.remove(ref);
            if (reply == null && !crashed && !closed) {
                throw new AssertionError("no reply from " + describe() + " to " + what + " within " + REPLY_TIMEOUT.toMillis() + " ms");
            }
            return reply;
        }

        /** Waits until every message sent to the view so far was handled: a round trip through its channel. */
        private void sync() {
            if (!gone()) {
                String ref = tab.send(topic, joinRef, "cids_will_destroy", Map.of("cids", List.of()));
                awaitReply(ref, "a render");
            }
            drain();
        }

        /** Handles what the server sent until {@code done} holds or {@code timeout} passes. */
        private void await(BooleanSupplier done, Duration timeout) {
            if (tab == null) {
                return;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            drain();
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                tab.pump(Duration.ofNanos(left));
            }
        }

        private void drain() {
            if (tab == null) {
                return;
            }
            while (tab.pump(Duration.ZERO)) {
                // each frame went to its view
            }
        }

        private void handle(ReceivedMessage message) {
            JsonNode payload = message.payload() instanceof JsonNode node ? node : null;
            if (message.isReply()) {
                replies.put(message.ref(), message);
                JsonNode response = (JsonNode) message.response();
                if (response != null && "ok".equals(message.status())) {
                    if (response.has("rendered")) {
                        applyDiff(response.get("rendered"));
                    }
                    if (response.has("diff")) {
                        applyDiff(response.get("diff"));
                    }
                    for (String kind : List.of("live_redirect", "redirect")) {
                        if (response.has(kind)) {
                            navigated(kind, response.get(kind));
                        }
                    }
                }
                return;
            }
            switch (message.event()) {
                case "diff" -> applyDiff(payload);
                case "live_patch" -> {
                    String to = payload.get("to").asString();
                    patches.add(to);
                    url = absolute(to);
                }
                case "live_redirect", "redirect" -> navigated(message.event(), payload);
                case "phx_close" -> closed = true;
                case "phx_error" -> {
                    crashed = true;
                    closed = true;
                }
                default -> {
                    // nothing else reaches a LiveView's client
                }
            }
        }

        private void navigated(String kind, JsonNode options) {
            String flashToken = options.path("flash").asString(null);
            Map<String, String> flash = flashToken == null ? Map.of() : test.tokens.verifyFlash(flashToken);
            redirect = new Redirect("live_redirect".equals(kind) ? Redirect.Kind.LIVE_REDIRECT : Redirect.Kind.REDIRECT,
                    options.path("to").asString(), flash == null ? Map.of() : flash);
        }

        /** Merges a diff as the client's {@code View.update}: title, pushed events and reply taken out first. */
        private void applyDiff(JsonNode raw) {
            if (!(raw instanceof ObjectNode received)) {
                return;
            }
            ObjectNode diff = received.deepCopy();
            JsonNode newTitle = diff.remove("t");
            if (newTitle != null && newTitle.isString()) {
                title = newTitle.asString();
            }
            JsonNode events = diff.remove("e");
            if (events != null) {
                for (JsonNode event : events) {
                    pushedEvents.add(new JsonNode[] {event.get(0), event.get(1)});
                }
            }
            // "r" is both a hook's reply (a map) and, on a whole tree, the root flag (1), as on the client.
            JsonNode reply = diff.remove("r");
            if (reply instanceof ObjectNode) {
                hookReplies.add(reply);
            }
            if (diff.isEmpty()) {
                return;
            }
            if (tree == null) {
                tree = new RenderedTree(diff);
            } else {
                tree.merge(diff);
            }
            dom.update(tree.toHtml());
        }

        // ------------------------------------------------------------ helpers

        /** The HTML after an event: the current one, also when the view navigated away (then see assertRedirect). */
        private String currentHtml() {
            drain();
            requireRendered();
            return dom.html();
        }

        private boolean gone() {
            return closed || crashed || redirect != null || tab == null || tab.isClosed();
        }

        private void requireLive() {
            drain();
            if (crashed) {
                throw new AssertionError(describe() + " crashed (phx_error): see the log for the exception");
            }
            if (redirect != null) {
                throw new AssertionError(describe() + " navigated away (a " + redirect.kind() + " to " + redirect.to()
                        + "): assertRedirect or followRedirect it");
            }
            if (closed || tab.isClosed()) {
                throw new AssertionError(describe() + " is closed (its test ended, or close() was called)");
            }
        }

        private void requireRendered() {
            if (dom == null || tree == null) {
                throw new AssertionError(describe() + " never rendered connected: "
                        + (redirect != null ? "it redirected to " + redirect.to() + " (assertRedirect or followRedirect it)"
                                : crashed ? "it crashed" : "its join was refused (" + joinRefusal + ")"));
            }
            if (crashed) {
                throw new AssertionError(describe() + " crashed (phx_error): see the log for the exception");
            }
        }

        private int findEvent(String event, Object payload) {
            for (int i = 0; i < pushedEvents.size(); i++) {
                JsonNode[] pushed = pushedEvents.get(i);
                if (event.equals(pushed[0].asString()) && Payloads.matches(payload, pushed[1])) {
                    return i;
                }
            }
            return -1;
        }

        private String pushedEventsText() {
            return pushedEvents.isEmpty() ? "none"
                    : pushedEvents.stream().map(e -> e[0].asString() + " " + e[1]).collect(Collectors.joining(", "));
        }

        private String absolute(String path) {
            return URI.create(url).resolve(path).toString();
        }

        private long millis() {
            return test.assertTimeout.toMillis();
        }

        String describe() {
            return "the LiveView at " + path();
        }

        /** Finds the one element {@code selector} (and the text filter) names, failing with what the view holds. */
        org.jsoup.nodes.Element find(String selector, Object textFilter) {
            List<org.jsoup.nodes.Element> found = select(selector, textFilter);
            return found.size() == 1 ? found.get(0) : Selectors.exactlyOne(found, selector, textFilter, describe(), dom.html());
        }

        List<org.jsoup.nodes.Element> select(String selector, Object textFilter) {
            sync();
            requireRendered();
            return Selectors.select(dom.container(), selector, textFilter);
        }

        /** The value of a click as the client's {@code extractMeta}: {@code phx-value-*}, the element's value, the given values. */
        String clickOrLink(org.jsoup.nodes.Element element, Map<String, ?> value, String binding, String type, String what) {
            String event = element.attr(binding);
            if (event.isEmpty() && binding.startsWith("phx-key")) {
                event = element.attr("phx-window-" + binding.substring(4));
            }
            if (event.isEmpty()) {
                if ("click".equals(type) && element.tagName().equals("a") && element.hasAttr("href")) {
                    return followLink(element);
                }
                throw new AssertionError("element " + what + " has no " + binding + " attribute"
                        + ("click".equals(type) ? " and is not a link" : "") + ": " + Selectors.describe(element));
            }
            Map<String, Object> values = meta(element);
            putValue(element, values);
            values.putAll(value);
            if (event.startsWith("[")) {
                return jsCommands(event, values, type, what);
            }
            return pushEvent(type, event, values, "the " + type + " on " + what, target(element));
        }

        /**
         * The live component an element's event goes to, as the client decides: {@code phx-target="1"} (a cid, as
         * {@code @myself} renders), or a selector whose first match lies in a component; null for the view.
         */
        private Integer target(org.jsoup.nodes.Element element) {
            String target = element.attr("phx-target");
            if (target.isEmpty()) {
                return null;
            }
            if (target.matches("\\d+")) {
                return Integer.valueOf(target);
            }
            org.jsoup.nodes.Element found;
            try {
                found = dom.container().selectFirst(target);
            } catch (Selector.SelectorParseException e) {
                throw new AssertionError("phx-target \"" + target + "\" is no selector: " + Selectors.describe(element));
            }
            if (found == null) {
                throw new AssertionError("phx-target \"" + target + "\" matches nothing: " + Selectors.describe(element));
            }
            for (org.jsoup.nodes.Element e = found; e != null; e = e.parent()) {
                if (e.hasAttr("data-phx-component")) {
                    return Integer.valueOf(e.attr("data-phx-component"));
                }
            }
            return null;
        }

        /** {@code JS.push} commands: each push is sent, the rest (client-side DOM work) ignored. */
        private String jsCommands(String commands, Map<String, Object> values, String type, String what) {
            JsonNode ops = Payloads.MAPPER.readTree(commands);
            for (JsonNode op : ops) {
                if ("push".equals(op.path(0).asString()) && op.path(1).has("event")) {
                    Map<String, Object> pushed = new LinkedHashMap<>(values);
                    JsonNode extra = op.path(1).get("value");
                    if (extra instanceof ObjectNode object) {
                        pushed.putAll(Payloads.MAPPER.convertValue(object, Map.class));
                    }
                    pushEvent(type, op.path(1).get("event").asString(), pushed, "the JS.push of " + what);
                }
            }
            return currentHtml();
        }

        private String followLink(org.jsoup.nodes.Element link) {
            String href = link.attr("href");
            switch (link.attr("data-phx-link")) {
                case "patch" -> {
                    return renderPatch(href);
                }
                case "redirect" -> redirect = new Redirect(Redirect.Kind.LIVE_REDIRECT, href, Map.of());
                default -> redirect = new Redirect(Redirect.Kind.REDIRECT, href, Map.of());
            }
            return currentHtml();
        }

        /** The element's {@code phx-value-*} attributes, by name. */
        static Map<String, Object> meta(org.jsoup.nodes.Element element) {
            Map<String, Object> values = new LinkedHashMap<>();
            element.attributes().forEach(attribute -> {
                if (attribute.getKey().startsWith("phx-value-")) {
                    values.put(attribute.getKey().substring("phx-value-".length()), attribute.getValue());
                }
            });
            return values;
        }

        /** The client sends an element's {@code value} property too (a button's is "" without the attribute). */
        private static void putValue(org.jsoup.nodes.Element element, Map<String, Object> values) {
            switch (element.tagName()) {
                case "button" -> values.put("value", element.attr("value"));
                case "input" -> {
                    String type = element.attr("type").toLowerCase(Locale.ROOT);
                    if (!(type.equals("checkbox") || type.equals("radio")) || element.hasAttr("checked")) {
                        values.put("value", type.equals("checkbox") || type.equals("radio")
                                ? (element.hasAttr("value") ? element.attr("value") : "on") : element.attr("value"));
                    }
                }
                case "textarea" -> values.put("value", element.wholeText());
                case "option" -> values.put("value", element.hasAttr("value") ? element.attr("value") : element.text());
                case "select" -> {
                    org.jsoup.nodes.Element selected = element.selectFirst("option[selected]");
                    if (selected == null) {
                        selected = element.selectFirst("option");
                    }
                    values.put("value", selected == null ? "" : selected.hasAttr("value") ? selected.attr("value") : selected.text());
                }
                default -> {
                    // other elements have no value property
                }
            }
        }

        String formEvent(org.jsoup.nodes.Element form, String selector, Map<String, ?> formData, Map<String, ?> extra,
                org.jsoup.nodes.Element submitter, boolean submit) {
            return formEvent(form, selector, formData, extra, submitter, submit, null);
        }

        String formEvent(org.jsoup.nodes.Element form, String selector, Map<String, ?> formData, Map<String, ?> extra,
                org.jsoup.nodes.Element submitter, boolean submit, Map<String, Object> uploads) {
            Map<String, List<String>> typed = FormData.flatten(formData);
            FormData.validate(form, selector, typed);
            Map<String, Object> extraValues = new LinkedHashMap<>(extra);
            Object target = extraValues.remove("_target");
            Map<String, List<String>> added = FormData.flatten(extraValues);
            Set<String> used = usedInputs.computeIfAbsent(form.id().isEmpty() ? selector : form.id(), k -> new HashSet<>());
            used.addAll(typed.keySet());
            Map<String, Object> meta = meta(form);
            if (submit) {
                String event = form.attr("phx-submit");
                if (event.isEmpty()) {
                    throw new AssertionError("the form " + selector + " has no phx-submit attribute: " + Selectors.describe(form));
                }
                used.addAll(FormData.names(form));      // the client marks every input submitted
                return pushForm(event, FormData.encode(form, typed, added, submitter, used, null), meta, target(form));
            }
            String targetName = target != null ? String.valueOf(target) : typed.isEmpty() ? null : lastKey(typed);
            org.jsoup.nodes.Element input = null;
            if (targetName != null) {
                for (org.jsoup.nodes.Element control : form.select("input, select, textarea")) {
                    if (targetName.equals(control.attr("name"))) {
                        input = control;
                        break;
                    }
                }
            }
            String event = input != null && input.hasAttr("phx-change") ? input.attr("phx-change") : form.attr("phx-change");
            if (event.isEmpty()) {
                throw new AssertionError("the form " + selector + " has no phx-change attribute: " + Selectors.describe(form));
            }
            Set<String> only = input != null && input.hasAttr("phx-change") ? Set.of(targetName) : null;
            if (targetName != null) {
                meta.put("_target", targetName);
            }
            return pushForm(event, FormData.encode(form, typed, added, submitter, used, only), meta,
                    target(input != null && input.hasAttr("phx-target") ? input : form), uploads);
        }

        private static String lastKey(Map<String, List<String>> typed) {
            String last = null;
            for (Iterator<String> names = typed.keySet().iterator(); names.hasNext();) {
                last = names.next();
            }
            return last;
        }

        @Override
        public String toString() {
            return "View[" + path() + (redirect != null ? " → " + redirect.kind() + " " + redirect.to() : "") + "]";
        }
    }

    /** {@code element(view, selector, text_filter)}: an element of a view, looked up each time it is used. */
    public static final class Element {
        private final View view;
        private final String selector;
        private final Object textFilter;

        Element(View view, String selector, Object textFilter) {
            this.view = view;
            this.selector = Objects.requireNonNull(selector, "selector");
            this.textFilter = textFilter;
        }

        /** {@code has_element?(element)}: whether some element matches (now). */
        public boolean hasElement() {
            return !view.select(selector, textFilter).isEmpty();
        }

        /** {@code render(element)}: the element's outer HTML. */
        public String render() {
            return view.find(selector, textFilter).outerHtml();
        }

        /** {@code render_async(element)}: the element's outer HTML once the view's async work finished. */
        public String renderAsync() {
            view.renderAsync();
            return render();
        }

        /**
         * {@code render_click(element)}: sends the element's {@code phx-click} with its {@code phx-value-*}
         * (and value, as the client does); a link without {@code phx-click} is followed (a patch, a live
         * redirect, or a plain redirect). Returns the view's HTML after.
         */
        public String click() {
            return click(Map.of());
        }

        /** {@code render_click(element, value)}: with extra values. */
        public String click(Map<String, ?> value) {
            return view.clickOrLink(view.find(selector, textFilter), value, "phx-click", "click", describe());
        }

        /** {@code render_focus(element, value)}: the element's {@code phx-focus}. */
        public String focus(Map<String, ?> value) {
            return view.clickOrLink(view.find(selector, textFilter), value, "phx-focus", "focus", describe());
        }

        /** {@code render_blur(element, value)}: the element's {@code phx-blur}. */
        public String blur(Map<String, ?> value) {
            return view.clickOrLink(view.find(selector, textFilter), value, "phx-blur", "blur", describe());
        }

        /** {@code render_keydown(element, value)}: the element's {@code phx-keydown} (or {@code phx-window-keydown}). */
        public String keydown(Map<String, ?> value) {
            return view.clickOrLink(view.find(selector, textFilter), value, "phx-keydown", "keydown", describe());
        }

        /** {@code render_keyup(element, value)}: the element's {@code phx-keyup} (or {@code phx-window-keyup}). */
        public String keyup(Map<String, ?> value) {
            return view.clickOrLink(view.find(selector, textFilter), value, "phx-keyup", "keyup", describe());
        }

        private String describe() {
            return "\"" + selector + "\"" + (textFilter == null ? "" : " (text " + textFilter + ")");
        }

        @Override
        public String toString() {
            return "Element[" + describe() + " of " + view + "]";
        }
    }

    /**
     * {@code form(view, selector, form_data)}: a form of a view and the values a user entered in it.
     * Its change and submit events carry the whole form, serialized as the client does: the page's
     * values, the entered ones in their place, and {@code _unused_} markers for untouched inputs.
     */
    /**
     * {@code file_input/4}'s upload (Phoenix.LiveViewTest.Upload): files selected in a view's
     * {@code <.live_file_input>}, uploaded by {@link #renderUpload} through the real protocol — the
     * {@code allow_upload} preflight, each entry's {@code lvu:REF} channel joined with its token, binary
     * {@code chunk} pushes of the upload's {@code chunk_size}, then {@code progress} — as the official client does.
     */
    public static final class FileInput {
        private final View view;
        private final String formSelector;
        private final String uploadName;
        final String configRef;
        /** The files by their client refs, in the order selected. */
        final Map<String, FileEntry> entries = new LinkedHashMap<>();
        private final Map<String, String> tokens = new HashMap<>();
        private final Map<String, String> joins = new HashMap<>();
        private final Map<String, Long> sent = new HashMap<>();
        private final Map<String, Integer> progress = new HashMap<>();
        private final Map<String, ReceivedMessage> replies = new HashMap<>();
        private int chunkSize;

        FileInput(View view, String formSelector, String uploadName, String configRef, List<FileEntry> files) {
            this.view = view;
            this.formSelector = formSelector;
            this.uploadName = uploadName;
            this.configRef = configRef;
            for (FileEntry file : files) {
                entries.put(view.nextFileRef(), Objects.requireNonNull(file, "entry"));
            }
        }

        /**
         * {@code render_upload(upload, entry_name)}: uploads the whole file, then renders the view (its
         * entry at 100%).
         *
         * @throws AssertionError when the view refuses the preflight (with each entry's errors, e.g.
         *         {@code "a.png": too_large}), the upload channel or a chunk
         */
        public String renderUpload(String entryName) {
            return renderUpload(entryName, 100);
        }

        /**
         * {@code render_upload(upload, entry_name, percent)}: uploads the file up to {@code percent} of its
         * bytes (from where the last call stopped) and reports that progress; the HTML after.
         */
        public String renderUpload(String entryName, int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be from 0 to 100, got " + percent);
            }
            String ref = refOf(entryName);
            view.requireLive();
            if (tokens.isEmpty()) {
                preflight();
            }
            FileEntry file = entries.get(ref);
            String topic = "lvu:" + ref;
            if (!joins.containsKey(ref)) {
                String joinRef = view.tab.nextRef();
                view.tab.own(topic, joinRef, this::handle);
                view.tab.sendJoin(topic, joinRef, Map.of("token", tokens.get(ref)));
                ReceivedMessage joined = await(joinRef, "the join of " + topic);
                if (!"ok".equals(joined.status())) {
                    throw new AssertionError(view.describe() + " refused the upload channel of \"" + entryName + "\": " + joined.response());
                }
                joins.put(ref, joinRef);
            }
            long size = file.size();
            long offset = sent.getOrDefault(ref, 0L);
            long until = percent == 100 ? size : (long) Math.ceil(size * (percent / 100.0));
            if (until < offset) {
                throw new AssertionError("\"" + entryName + "\" is already uploaded past " + percent + "%");
            }
            byte[] content = file.content();
            int last = progress.getOrDefault(ref, 0);
            while (offset < until) {
                int length = (int) Math.min(chunkSize, until - offset);
                byte[] chunk = java.util.Arrays.copyOfRange(content, (int) offset, (int) offset + length);
                String chunkRef = view.tab.sendBinary(topic, joins.get(ref), "chunk", chunk);
                ReceivedMessage ack = await(chunkRef, "a chunk of " + topic);
                if (!"ok".equals(ack.status())) {
                    throw new AssertionError(view.describe() + " refused a chunk of \"" + entryName + "\": " + ack.response());
                }
                offset += length;
                sent.put(ref, offset);
                // the client reports each whole percent reached; the last chunk of this call reports `percent`
                int reached = (int) (offset * 100 / size);
                if (offset < until && reached > last && reached < percent) {
                    reportProgress(ref, reached);
                    last = reached;
                }
            }
            if (percent > last || percent == 100 && last < 100) {
                reportProgress(ref, percent);
            }
            return view.currentHtml();
        }

        /** The client refs of the entries (what {@code entry.ref} is in the view). */
        public Map<String, String> refs() {
            Map<String, String> byName = new LinkedHashMap<>();
            entries.forEach((ref, file) -> byName.put(file.name(), ref));
            return byName;
        }

        private void preflight() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("ref", configRef);
            payload.put("entries", metadata(entries.keySet()));
            ReceivedMessage reply = view.push("allow_upload", payload, "the preflight (allow_upload) of the upload \"" + uploadName + "\"");
            JsonNode response = (JsonNode) reply.response();
            if (response.has("error")) {
                List<String> errors = new ArrayList<>();
                for (JsonNode error : response.get("error")) {
                    FileEntry file = entries.get(error.path(0).asString());
                    errors.add((file == null ? error.path(0).asString() : "\"" + file.name() + "\"") + ": " + error.path(1).asString());
                }
                throw new AssertionError(view.describe() + " refused the upload \"" + uploadName + "\" in its preflight: "
                        + String.join(", ", errors) + "\n" + view.dom.html());
            }
            chunkSize = response.path("config").path("chunk_size").asInt();
            for (var token : response.path("entries").properties()) {
                tokens.put(token.getKey(), token.getValue().asString());
            }
            if (chunkSize <= 0 || !tokens.keySet().containsAll(entries.keySet())) {
                throw new AssertionError(view.describe() + " answered the preflight of \"" + uploadName + "\" without a chunk size or a token per entry: "
                        + response);
            }
        }

        private void reportProgress(String ref, int percent) {
            Map<String, Object> payload = new LinkedHashMap<>();
            org.jsoup.nodes.Element form = view.find(formSelector, null);
            org.jsoup.nodes.Element input = form.selectFirst("input[data-phx-upload-ref=" + configRef + "]");
            payload.put("event", input == null || input.attr("phx-progress").isEmpty() ? null : input.attr("phx-progress"));
            payload.put("ref", configRef);
            payload.put("entry_ref", ref);
            payload.put("progress", percent);
            Integer cid = view.target(form);
            if (cid != null) {
                payload.put("cid", cid);
            }
            view.push("progress", payload, "the progress " + percent + "% of \"" + entries.get(ref).name() + "\"");
            progress.put(ref, percent);
        }

        /** The client's {@code serializeUploads}: each file's metadata with its ref. */
        List<Map<String, Object>> metadata(java.util.Collection<String> refs) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String ref : refs) {
                FileEntry file = entries.get(ref);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("last_modified", file.lastModified());
                meta.put("name", file.name());
                meta.put("relative_path", "");
                meta.put("size", file.size());
                meta.put("type", file.type());
                meta.put("ref", ref);
                list.add(meta);
            }
            return list;
        }

        private String refOf(String entryName) {
            for (var entry : entries.entrySet()) {
                if (entry.getValue().name().equals(entryName)) {
                    return entry.getKey();
                }
            }
            throw new AssertionError("no file named \"" + entryName + "\" in " + this);
        }

        private void handle(ReceivedMessage message) {
            if (message.isReply()) {
                replies.put(message.ref(), message);
            }
            // phx_close: the view consumed the entry (or it was cancelled); nothing more to send
        }

        private ReceivedMessage await(String ref, String what) {
            view.await(() -> replies.containsKey(ref) || view.crashed || view.closed, REPLY_TIMEOUT);
            ReceivedMessage reply = replies.remove(ref);
            if (reply == null) {
                throw new AssertionError("no reply from " + view.describe() + " to " + what + " within " + REPLY_TIMEOUT.toMillis() + " ms");
            }
            return reply;
        }

        @Override
        public String toString() {
            return "FileInput[" + uploadName + " in " + formSelector + " " + entries.values() + " of " + view + "]";
        }
    }

    public static final class Form {
        private final View view;
        private final String selector;
        private final Map<String, ?> formData;
        private final String submitter;

        Form(View view, String selector, Map<String, ?> formData, String submitter) {
            this.view = view;
            this.selector = Objects.requireNonNull(selector, "selector");
            this.formData = formData;
            this.submitter = submitter;
        }

        /**
         * {@code put_submitter(form, selector)}: the button that submits the form; its name and value
         * go with the submit event.
         */
        public Form submitter(String buttonSelector) {
            return new Form(view, selector, formData, buttonSelector);
        }

        /** {@code render_change(form)}: the form's {@code phx-change}, {@code _target} the last field entered. */
        public String change() {
            return change(Map.of());
        }

        /**
         * {@code render_change(form, value)}: with extra values (hidden fields too); {@code "_target"}
         * names the field that changed (e.g. {@code "user[name]"}).
         */
        public String change(Map<String, ?> value) {
            return view.formEvent(form(), selector, formData, value, null, false);
        }

        /** {@code render_submit(form)}: the form's {@code phx-submit}. */
        public String submit() {
            return submit(Map.of());
        }

        /** {@code render_submit(form, value)}: with extra values, e.g. hidden fields. */
        public String submit(Map<String, ?> value) {
            org.jsoup.nodes.Element form = form();
            org.jsoup.nodes.Element button = null;
            if (submitter != null) {
                button = form.selectFirst(submitter);
                if (button == null || !(button.tagName().equals("button") && (button.attr("type").isEmpty()
                        || button.attr("type").equals("submit")) || button.tagName().equals("input") && button.attr("type").equals("submit"))) {
                    throw new AssertionError("the submitter \"" + submitter + "\" must be a submit button of the form " + selector
                            + ", got " + (button == null ? "nothing" : Selectors.describe(button)));
                }
            }
            return view.formEvent(form, selector, formData, value, button, true);
        }

        /** {@code render(form)}: the form's outer HTML. */
        public String render() {
            return form().outerHtml();
        }

        /** Whether the form is on the page (now). */
        public boolean hasElement() {
            return !view.select(selector, null).isEmpty();
        }

        private org.jsoup.nodes.Element form() {
            org.jsoup.nodes.Element form = view.find(selector, null);
            if (!form.tagName().equals("form")) {
                throw new AssertionError("selector \"" + selector + "\" names a <" + form.tagName() + ">, not a form");
            }
            return form;
        }

        @Override
        public String toString() {
            return "Form[" + selector + " " + formData + " of " + view + "]";
        }
    }
}
