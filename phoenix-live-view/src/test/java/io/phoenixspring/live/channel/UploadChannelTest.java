package io.phoenixspring.live.channel;

import static io.phoenixspring.live.support.Browser.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.channels.support.RawClient;
import io.phoenixspring.live.support.Browser;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.TemplateFunction;
import io.phoenixspring.live.template.Templates;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.UploadOptions;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.live.router.LiveTokens;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Uploads over a real /live socket, frame by frame as the /upload transcript: validate with the
 * selection's metadata, the allow_upload preflight, lvu: joins with the signed tokens, binary chunks,
 * progress, the submit consuming exactly the bytes sent, phx_close and the entries leaving; refused
 * preflights (too large, too many files, not accepted); and hostile input refused with nothing written.
 */
class UploadChannelTest {

    static LiveServer server;
    static final UploadLive UPLOAD = new UploadLive();

    static final Template PAGE = Templates.compile("""
            <h1>Upload</h1>
            <form id="upload-form" phx-submit="save" phx-change="validate">
              <.live_file_input upload={@uploads.photo} />
              <div id="upload-errors">
                <p :for={err <- upload_errors(@uploads.photo)} class="error">{error_to_string(err)}</p>
              </div>
              <div :for={entry <- @uploads.photo.entries} id={"entry-#{entry.ref}"} class="entry">
                <span class="entry-name">{entry.client_name}</span>
                <progress value={entry.progress} max="100">{entry.progress}%</progress>
                <span class="entry-progress">{entry.progress}%</span>
                <button type="button" phx-click="cancel" phx-value-ref={entry.ref}>cancel</button>
                <p :for={err <- upload_errors(@uploads.photo, entry)} class="error">
                  {error_to_string(err)}
                </p>
              </div>
              <button type="submit" id="upload-submit">upload</button>
            </form>
            <ul id="uploaded">
              <li :for={file <- @uploaded}>{file.name} ({file.size} bytes)</li>
            </ul>""", "upload_live.html.heex", UploadLive.class);

    /** The contract's /upload page; it records what it consumed. */
    public static class UploadLive implements LiveView {
        final Map<String, byte[]> received = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<Path> paths = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
            socket.assign("page_title", "Upload").assign("uploaded", List.of())
                    .allowUpload("photo", UploadOptions.accept(".png", ".jpg", ".txt").maxEntries(2).maxFileSize(100_000));
        }

        @HandleEvent("validate")
        void validate(Map<String, Object> form, LiveSocket socket) {
        }

        @HandleEvent("cancel")
        void cancel(Map<String, Object> value, LiveSocket socket) {
            socket.cancelUpload("photo", (String) value.get("ref"));
        }

        @HandleEvent("save")
        void save(Map<String, Object> form, LiveSocket socket) {
            List<Map<String, Object>> files = socket.consumeUploadedEntries("photo", (path, entry) -> {
                byte[] bytes = Files.readAllBytes(path);
                received.put(entry.clientName(), bytes);
                paths.add(path);
                return Map.<String, Object>of("name", entry.clientName(), "size", bytes.length);
            });
            List<Map<String, Object>> uploaded = new ArrayList<>(socket.<List<Map<String, Object>>>get("uploaded"));
            files.forEach(f -> uploaded.add(0, f));
            socket.assign("uploaded", uploaded);
        }

        @TemplateFunction("error_to_string")
        public static String errorToString(String error) {
            return switch (error) {
                case "too_large" -> "Too large";
                case "too_many_files" -> "Too many files";
                case "not_accepted" -> "Not accepted";
                default -> error;
            };
        }
    }

    /** A view that allowed no upload. */
    public static class PlainLive implements LiveView {
        @Override
        public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        }
    }

    @BeforeAll
    static void start() {
        server = LiveServer.builder().appLayout()
                .view(UPLOAD, PAGE)
                .view(new PlainLive(), Templates.compile("<p>plain</p>", "plain.html.heex", PlainLive.class))
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser")
                                .get("/upload", live.route(UploadLive.class))
                                .get("/plain", live.route(PlainLive.class)))
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- helpers

    private static Browser.Page joined(Browser browser, String path) {
        Browser.Page page = browser.get(path);
        browser.connect(page.csrfToken());
        assertThat(browser.join(page).get(4).get("status").asString()).isEqualTo("ok");
        return page;
    }

    private static Map<String, Object> file(String ref, String name, String type, long size) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", "photo");
        entry.put("ref", ref);
        entry.put("last_modified", 1796560486636L);
        entry.put("name", name);
        entry.put("relative_path", "");
        entry.put("type", type);
        entry.put("size", size);
        return entry;
    }

    private static JsonNode validate(Browser browser, Browser.Page page, String configRef, List<Map<String, Object>> files) {
        return browser.push("4", page, "event", Map.of("type", "form", "event", "validate", "value", "_target=photo",
                "uploads", Map.of(configRef, files)));
    }

    private static JsonNode preflight(Browser browser, Browser.Page page, String configRef, List<Map<String, Object>> files) {
        return browser.push("4", page, "allow_upload", Map.of("ref", configRef, "entries", files));
    }

    private static String configRef(Browser browser, Browser.Page page) {
        return page.document().selectFirst("input[type=file]").attr("data-phx-upload-ref");
    }

    private static JsonNode joinUpload(RawClient socket, String joinRef, String entryRef, String token) {
        socket.send(Browser.frame(joinRef, joinRef, "lvu:" + entryRef, "phx_join", Map.of("token", token)));
        return reply(socket, joinRef, "lvu:" + entryRef);
    }

    private static JsonNode chunk(RawClient socket, String joinRef, String ref, String entryRef, byte[] bytes) {
        socket.sendBinary(RawClient.binaryFrame(0, joinRef, ref, "lvu:" + entryRef, "chunk", bytes));
        return reply(socket, ref, "lvu:" + entryRef);
    }

    private static JsonNode reply(RawClient socket, String ref, String topic) {
        return json(socket.await(frame -> {
            JsonNode f = json(frame);
            return ref.equals(f.get(1).asString(null)) && topic.equals(f.get(2).asString()) && "phx_reply".equals(f.get(3).asString());
        }));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Set<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new TreeSet<>(files.filter(p -> p.getFileName().toString().startsWith("phx-upload-")).toList());
        }
    }

    private static JsonNode response(JsonNode reply) {
        return reply.get(4).get("response");
    }

    // ---------------------------------------------------------------- the transcript

    @Test
    void theLiveFileInputIsPhoenixsInputInTheDeadRenderAndTheJoin() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = configRef(browser, page);
            assertThat(ref).matches("phx-[A-Za-z0-9_-]{16}");
            assertThat(page.html()).contains("<input id=\"" + ref + "\" type=\"file\" name=\"photo\" accept=\".png,.jpg,.txt\" "
                    + "data-phx-hook=\"Phoenix.LiveFileUpload\" data-phx-update=\"ignore\" data-phx-upload-ref=\"" + ref + "\" "
                    + "data-phx-active-refs=\"\" data-phx-done-refs=\"\" data-phx-preflighted-refs=\"\" multiple>");
            browser.connect(page.csrfToken());
            JsonNode rendered = response(browser.join(page)).get("rendered").get("1");
            String connectedRef = rendered.get("0").get("3").asString().replaceAll(".*=\"(.*)\"", "$1");
            assertThat(connectedRef).isNotEqualTo(ref);      // a new config ref at each mount, as Phoenix's
            assertThat(rendered.get("0")).isEqualTo(json("""
                    {"0":" id=\\"%1$s\\"","1":" name=\\"photo\\"","2":" accept=\\".png,.jpg,.txt\\"","3":" data-phx-upload-ref=\\"%1$s\\"",
                     "4":" data-phx-active-refs=\\"\\"","5":" data-phx-done-refs=\\"\\"","6":" data-phx-preflighted-refs=\\"\\"","7":"","8":" multiple","r":1,
                     "s":["<input"," type=\\"file\\"",""," data-phx-hook=\\"Phoenix.LiveFileUpload\\" data-phx-update=\\"ignore\\"","","","","","",">"]}
                    """.formatted(connectedRef)));
            assertThat(rendered.get("s")).isEqualTo(json("""
                    ["<h1>Upload</h1>\\n<form id=\\"upload-form\\" phx-submit=\\"save\\" phx-change=\\"validate\\">\\n  ",
                     "\\n  <div id=\\"upload-errors\\">\\n    ","\\n  </div>\\n  ",
                     "\\n  <button type=\\"submit\\" id=\\"upload-submit\\">upload</button>\\n</form>\\n<ul id=\\"uploaded\\">\\n  ","\\n</ul>"]
                    """));
        }
    }

    @Test
    void twoFilesValidatedPreflightedChunkedAndConsumedWithTheirExactBytes() throws IOException {
        UPLOAD.received.clear();
        UPLOAD.paths.clear();
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            browser.connect(page.csrfToken());
            JsonNode rendered = response(browser.join(page)).get("rendered").get("1");
            String ref = rendered.get("0").get("3").asString().replaceAll(".*=\"(.*)\"", "$1");
            List<Map<String, Object>> files = List.of(file("0", "notes.txt", "text/plain", 1234), file("1", "photo.png", "image/png", 100_000));

            JsonNode validated = response(validate(browser, page, ref, files)).get("diff").get("1");
            assertThat(validated.get("0").get("4").asString()).isEqualTo(" data-phx-active-refs=\"0,1\"");
            assertThat(validated.get("0").get("6").asString()).isEqualTo(" data-phx-preflighted-refs=\"\"");
            assertThat(validated.get("2").get("d")).isEqualTo(json("""
                    [["0","notes.txt"," value=\\"0\\"","0","0"," phx-value-ref=\\"0\\"",""],["1","photo.png"," value=\\"0\\"","0","0"," phx-value-ref=\\"1\\"",""]]"""));
            assertThat(validated.get("2").get("s")).isEqualTo(json("""
                    ["<div id=\\"entry-","\\" class=\\"entry\\">\\n    <span class=\\"entry-name\\">","</span>\\n    <progress"," max=\\"100\\">",
                     "%</progress>\\n    <span class=\\"entry-progress\\">","%</span>\\n    <button type=\\"button\\" phx-click=\\"cancel\\"",
                     ">cancel</button>\\n    ","\\n  </div>"]"""));

            JsonNode allowed = response(preflight(browser, page, ref, files));
            assertThat(allowed.propertyNames()).containsExactly("config", "diff", "entries", "errors", "ref");
            assertThat(allowed.get("config")).isEqualTo(json("{\"chunk_size\":64000,\"chunk_timeout\":10000,\"max_entries\":2,\"max_file_size\":100000}"));
            assertThat(allowed.get("errors")).isEqualTo(json("{}"));
            assertThat(allowed.get("ref").asString()).isEqualTo(ref);
            assertThat(allowed.get("diff").get("1").get("0").get("6").asString()).isEqualTo(" data-phx-preflighted-refs=\"0,1\"");
            String token0 = allowed.get("entries").get("0").asString();
            String token1 = allowed.get("entries").get("1").asString();
            assertThat(token0).startsWith("SFMyNTY.");

            RawClient socket = browser.socket();
            assertThat(joinUpload(socket, "12", "0", token0).get(4)).isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            assertThat(joinUpload(socket, "15", "1", token1).get(4)).isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            byte[] notes = bytes(1234, 1);
            byte[] photo = bytes(100_000, 2);
            assertThat(chunk(socket, "12", "16", "0", notes).get(4)).isEqualTo(json("{\"response\":{},\"status\":\"ok\"}"));
            assertThat(chunk(socket, "15", "17", "1", java.util.Arrays.copyOfRange(photo, 0, 64_000)).get(4).get("status").asString()).isEqualTo("ok");
            JsonNode p0 = response(browser.push("4", page, "progress", progress(ref, "0", 100))).get("diff").get("1");
            assertThat(p0.get("0").get("5").asString()).isEqualTo(" data-phx-done-refs=\"0\"");
            JsonNode p1 = response(browser.push("4", page, "progress", progress(ref, "1", 64))).get("diff").get("1");
            assertThat(p1.get("2").get("d").get(1)).isEqualTo(json("[\"1\",\"photo.png\",\" value=\\\"64\\\"\",\"64\",\"64\",\" phx-value-ref=\\\"1\\\"\",\"\"]"));
            assertThat(chunk(socket, "15", "20", "1", java.util.Arrays.copyOfRange(photo, 64_000, 100_000)).get(4).get("status").asString()).isEqualTo("ok");
            JsonNode p2 = response(browser.push("4", page, "progress", progress(ref, "1", 100))).get("diff").get("1");
            assertThat(p2.get("0").get("5").asString()).isEqualTo(" data-phx-done-refs=\"0,1\"");

            // The submit: the upload channels close (before the reply, as in the transcript), the reply lists
            // the files, later diffs drop the entries once their channels have ended.
            socket.send(Browser.frame("4", "99", page.topic(), "event", Map.of("type", "form", "event", "save", "value", "")));
            List<String> closed = new ArrayList<>();
            List<JsonNode> diffs = new ArrayList<>();
            JsonNode[] saved = new JsonNode[1];
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                for (String frame : socket.drain(Duration.ofMillis(100))) {
                    JsonNode f = json(frame);
                    if ("phx_close".equals(f.get(3).asString())) {
                        closed.add(f.get(2).asString());
                    } else if ("diff".equals(f.get(3).asString())) {
                        diffs.add(f.get(4));
                    } else if ("99".equals(f.get(1).asString(null))) {
                        saved[0] = f;
                    }
                }
                return saved[0] != null && closed.size() == 2 && !diffs.isEmpty()
                        && diffs.get(diffs.size() - 1).get("1").get("0").get("4").asString().equals(" data-phx-active-refs=\"\"");
            });
            assertThat(response(saved[0]).get("diff")).isEqualTo(json("""
                    {"1":{"3":{"d":[["photo.png","100000"],["notes.txt","1234"]],"s":["<li>"," ("," bytes)</li>"]}}}"""));
            assertThat(UPLOAD.received.get("notes.txt")).isEqualTo(notes);
            assertThat(UPLOAD.received.get("photo.png")).isEqualTo(photo);
            assertThat(closed).containsExactlyInAnyOrder("lvu:0", "lvu:1");
            assertThat(diffs.get(diffs.size() - 1).get("1").get("2").get("d")).isEqualTo(json("[]"));
            assertThat(UPLOAD.paths).hasSize(2).noneMatch(Files::exists);
        }
    }

    private static Map<String, Object> progress(String ref, String entryRef, int progress) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", null);
        payload.put("ref", ref);
        payload.put("entry_ref", entryRef);
        payload.put("progress", progress);
        return payload;
    }

    private static String joinRef(Browser browser, Browser.Page page) {
        browser.connect(page.csrfToken());
        JsonNode rendered = response(browser.join(page)).get("rendered").get("1");
        return rendered.get("0").get("3").asString().replaceAll(".*=\"(.*)\"", "$1");
    }

    @Test
    void aTooLargeFileIsShownAndItsPreflightRefused() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = joinRef(browser, page);
            List<Map<String, Object>> big = List.of(file("2", "big.jpg", "image/jpeg", 150_000));
            JsonNode diff = response(validate(browser, page, ref, big)).get("diff").get("1");
            ((tools.jackson.databind.node.ObjectNode) diff.get("2")).remove("s");     // first entries of this page: with statics
            assertThat(diff.get("2")).isEqualTo(json("""
                    {"d":[["2","big.jpg"," value=\\"0\\"","0","0"," phx-value-ref=\\"2\\"",{"d":[["Too large"]],"s":0}]],
                     "p":{"0":["<p class=\\"error\\">\\n      ","\\n    </p>"]}}"""));
            assertThat(preflight(browser, page, ref, big).get(4)).isEqualTo(json(
                    "{\"response\":{\"error\":[[\"2\",\"too_large\"]],\"ref\":\"" + ref + "\"},\"status\":\"ok\"}"));
            // Exactly max_file_size is fine.
            List<Map<String, Object>> exact = List.of(file("3", "exact.png", "image/png", 100_000));
            validate(browser, page, ref, exact);
            assertThat(response(preflight(browser, page, ref, exact)).get("entries").has("3")).isTrue();
        }
    }

    @Test
    void aThirdFileIsTooManyFilesAndAnUnacceptedTypeIsRefused() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = joinRef(browser, page);
            List<Map<String, Object>> three = List.of(file("3", "one.txt", "text/plain", 10), file("4", "two.txt", "text/plain", 20),
                    file("5", "three.txt", "text/plain", 30));
            JsonNode diff = response(validate(browser, page, ref, three)).get("diff").get("1");
            assertThat(diff.get("0").get("4").asString()).isEqualTo(" data-phx-active-refs=\"3,4,5\"");
            assertThat(diff.get("1")).isEqualTo(json("{\"d\":[[\"Too many files\"]],\"s\":[\"<p class=\\\"error\\\">\",\"</p>\"]}"));
            assertThat(diff.get("2").get("d")).hasSize(3);
            assertThat(response(preflight(browser, page, ref, three)).get("error")).isEqualTo(json("[[\"" + ref + "\",\"too_many_files\"]]"));

            List<Map<String, Object>> exe = List.of(file("6", "tool.exe", "application/octet-stream", 10));
            validate(browser, page, ref, exe);
            assertThat(response(preflight(browser, page, ref, exe)).get("error")).isEqualTo(json("[[\"6\",\"not_accepted\"]]"));
        }
    }

    // ---------------------------------------------------------------- hostile input

    /** Validates and preflights one file; the entry's token. */
    private static String preflighted(Browser browser, Browser.Page page, String ref, String entryRef, long size) {
        List<Map<String, Object>> one = List.of(file(entryRef, "f" + entryRef + ".txt", "text/plain", size));
        validate(browser, page, ref, one);
        return response(preflight(browser, page, ref, one)).get("entries").get(entryRef).asString();
    }

    @Test
    void forgedForeignReusedAndMisplacedTokensAreRefusedWithNothingWritten() throws IOException {
        Set<Path> before = tempFiles();
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = joinRef(browser, page);
            String token = preflighted(browser, page, ref, "0", 10);
            RawClient socket = browser.socket();
            String forged = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
            assertThat(joinUpload(socket, "20", "0", forged).get(4)).isEqualTo(json("{\"response\":{\"reason\":\"invalid_token\"},\"status\":\"error\"}"));
            LiveTokens foreign = new LiveTokens(PhoenixToken.of("another-secret-key-base-0123456789-another-secret-key-base-0123"),
                    "phoenix_live_view", Duration.ofDays(1));
            assertThat(joinUpload(socket, "21", "0", foreign.signUpload("anything")).get(4).get("status").asString()).isEqualTo("error");
            // The right token on another entry's topic.
            assertThat(joinUpload(socket, "22", "1", token).get(4).get("status").asString()).isEqualTo("error");
            assertThat(tempFiles()).isEqualTo(before);
            // Good once; a second join with the same token is refused.
            assertThat(joinUpload(socket, "23", "0", token).get(4).get("status").asString()).isEqualTo("ok");
            try (Browser other = new Browser(server)) {
                Browser.Page otherPage = other.get("/upload");
                joinRef(other, otherPage);
                assertThat(joinUpload(other.socket(), "30", "0", token).get(4).get("status").asString()).isEqualTo("error");
            }
        }
    }

    @Test
    void chunksBeyondTheDeclaredSizeAreRefusedAndNotWritten() {
        UPLOAD.received.clear();
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = joinRef(browser, page);
            String token = preflighted(browser, page, ref, "0", 10);
            RawClient socket = browser.socket();
            joinUpload(socket, "12", "0", token);
            assertThat(chunk(socket, "12", "13", "0", new byte[6]).get(4).get("status").asString()).isEqualTo("ok");
            JsonNode refused = chunk(socket, "12", "14", "0", new byte[5]);
            assertThat(refused.get(4)).isEqualTo(json("{\"response\":{\"limit\":10,\"reason\":\"file_size_limit_exceeded\"},\"status\":\"error\"}"));
            // 100 before all declared bytes came is refused too.
            assertThat(browser.push("4", page, "progress", progress(ref, "0", 100)).get(4).get("status").asString()).isEqualTo("error");
            assertThat(chunk(socket, "12", "15", "0", new byte[] {1, 2, 3, 4}).get(4).get("status").asString()).isEqualTo("ok");
            response(browser.push("4", page, "progress", progress(ref, "0", 100)));
            browser.push("4", page, "event", Map.of("type", "form", "event", "save", "value", ""));
            assertThat(UPLOAD.received.get("f0.txt")).containsExactly(0, 0, 0, 0, 0, 0, 1, 2, 3, 4);
        }
    }

    @Test
    void uploadsToAViewThatAllowedNoneAreRefused() {
        try (Browser browser = new Browser(server)) {
            Browser.Page page = joinedPlain(browser);
            List<Map<String, Object>> one = List.of(file("0", "a.txt", "text/plain", 10));
            JsonNode refused = preflight(browser, page, "phx-FAKEFAKEFAKEFAKE", one);
            assertThat(refused.get(4).get("status").asString()).isEqualTo("error");
            assertThat(validate(browser, page, "phx-FAKEFAKEFAKEFAKE", one).get(4).get("status").asString()).isEqualTo("error");
            assertThat(browser.push("4", page, "progress", progress("phx-FAKEFAKEFAKEFAKE", "0", 100)).get(4).get("status").asString())
                    .isEqualTo("error");
        }
        // And another page's config ref is not this view's.
        try (Browser browser = new Browser(server)) {
            Browser.Page upload = browser.get("/upload");
            String otherRef = joinRef(browser, upload);
            try (Browser plain = new Browser(server)) {
                Browser.Page page = joinedPlain(plain);
                assertThat(preflight(plain, page, otherRef, List.of(file("0", "a.txt", "text/plain", 10))).get(4).get("status").asString())
                        .isEqualTo("error");
            }
        }
    }

    private static Browser.Page joinedPlain(Browser browser) {
        Browser.Page page = browser.get("/plain");
        browser.connect(page.csrfToken());
        assertThat(browser.join(page).get(4).get("status").asString()).isEqualTo("ok");
        return page;
    }

    @Test
    void theViewsEndDeletesItsTempFilesAndClosesItsUploadChannels() throws IOException {
        Set<Path> before = tempFiles();
        try (Browser browser = new Browser(server)) {
            Browser.Page page = browser.get("/upload");
            String ref = joinRef(browser, page);
            List<Map<String, Object>> two = List.of(file("0", "a.txt", "text/plain", 10), file("1", "b.txt", "text/plain", 10));
            validate(browser, page, ref, two);
            JsonNode entries = response(preflight(browser, page, ref, two)).get("entries");
            RawClient socket = browser.socket();
            joinUpload(socket, "12", "0", entries.get("0").asString());
            chunk(socket, "12", "13", "0", new byte[4]);
            assertThat(tempFiles()).hasSize(before.size() + 1);
            socket.send(Browser.frame("4", "50", page.topic(), "phx_leave", Map.of()));
            JsonNode close = json(socket.await(frame -> frame.contains("\"lvu:0\"") && frame.contains("phx_close")));
            assertThat(close.get(4)).isEqualTo(json("{}"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tempFiles()).isEqualTo(before));
            // The entry never joined cannot be joined now.
            assertThat(joinUpload(socket, "60", "1", entries.get("1").asString()).get(4).get("status").asString()).isEqualTo("error");
        }
    }
}
