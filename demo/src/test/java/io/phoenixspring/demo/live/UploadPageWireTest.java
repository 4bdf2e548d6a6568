package io.phoenixspring.demo.live;

import static io.phoenixspring.demo.live.LiveWire.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo's {@code /upload} page in raw frames against the /upload transcript of
 * {@code shared/liveview-wire-transcripts.md}: the dead render and the join's tree of the
 * {@code live_file_input}, validate with two files, the preflight reply, the {@code lvu:} joins with its
 * tokens, binary chunks (64,000 then 36,000 bytes) acked with empty replies, progress diffs, the submit
 * listing {@code NAME (SIZE bytes)}, the upload channels' {@code phx_close} and the entries leaving; then
 * the too-large file's entry error and refused preflight, and three files' {@code too_many_files}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadPageWireTest {

    private static final String OK_EMPTY = "{\"response\":{},\"status\":\"ok\"}";

    @LocalServerPort
    int port;

    private static String withoutBlankLines(String html) {
        return html.lines().filter(line -> !line.isBlank()).collect(Collectors.joining("\n"));
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

    private static Map<String, Object> validate(String configRef, List<Map<String, Object>> files) {
        return Map.of("type", "form", "event", "validate", "value", "_target=photo", "uploads", Map.of(configRef, files));
    }

    private static Map<String, Object> progress(String configRef, String entryRef, int progress) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", null);
        payload.put("ref", configRef);
        payload.put("entry_ref", entryRef);
        payload.put("progress", progress);
        return payload;
    }

    /** A transcript row of the entries comprehension. */
    private static String row(String ref, String name, int progress) {
        return "[\"%s\",\"%s\",\" value=\\\"%d\\\"\",\"%d\",\"%d\",\" phx-value-ref=\\\"%s\\\"\",\"\"]".formatted(ref, name, progress,
                progress, progress, ref);
    }

    private static String refs(String active, String done, String preflighted) {
        return ("{\"2\":\" accept=\\\".png,.jpg,.txt\\\"\",\"4\":\" data-phx-active-refs=\\\"%s\\\"\",\"5\":\" data-phx-done-refs=\\\"%s\\\"\","
                + "\"6\":\" data-phx-preflighted-refs=\\\"%s\\\"\",\"8\":\" multiple\"}").formatted(active, done, preflighted);
    }

    @Test
    void theUploadTranscriptFrameByFrame() throws Exception {
        try (LiveWire browser = new LiveWire(port)) {
            LiveWire.Page page = browser.page("/upload");
            String deadRef = page.html().replaceAll("(?s).*data-phx-upload-ref=\"([^\"]+)\".*", "$1");
            JsonNode transcriptDead;
            try (InputStream in = getClass().getResourceAsStream("transcript-frames.json")) {
                transcriptDead = LiveWire.JSON.readTree(in).get("deadRenders").get("/upload");
            }
            assertThat(withoutBlankLines(page.containerHtml()))
                    .isEqualTo(transcriptDead.asString().replace("phx-GO6qPk5QrTY2W1Tx", deadRef));

            JsonNode joined = browser.connect(page.csrfToken()).join(page);
            JsonNode rendered = joined.get("response").get("rendered");
            String ref = rendered.get("1").get("0").get("3").asString().replaceAll(".*=\"(.*)\"", "$1");
            assertThat(ref).isNotEqualTo(deadRef);
            assertThat(rendered.get("t").asString()).isEqualTo("Upload");
            assertThat(rendered.get("1")).isEqualTo(json("""
                    {"0": {"0": " id=\\"REF\\"", "1": " name=\\"photo\\"", "2": " accept=\\".png,.jpg,.txt\\"",
                           "3": " data-phx-upload-ref=\\"REF\\"", "4": " data-phx-active-refs=\\"\\"", "5": " data-phx-done-refs=\\"\\"",
                           "6": " data-phx-preflighted-refs=\\"\\"", "7": "", "8": " multiple", "r": 1,
                           "s": ["<input"," type=\\"file\\"",""," data-phx-hook=\\"Phoenix.LiveFileUpload\\" data-phx-update=\\"ignore\\"","","","","","",">"]},
                     "1": "", "2": "", "3": "",
                     "s": ["<h1>Upload</h1>\\n<form id=\\"upload-form\\" phx-submit=\\"save\\" phx-change=\\"validate\\">\\n  ",
                           "\\n  <div id=\\"upload-errors\\">\\n    ", "\\n  </div>\\n  ",
                           "\\n  <button type=\\"submit\\" id=\\"upload-submit\\">upload</button>\\n</form>\\n<ul id=\\"uploaded\\">\\n  ",
                           "\\n</ul>"]}
                    """.replace("REF", ref)));

            // Select two files (1234 and 100000 bytes)
            List<Map<String, Object>> files = List.of(file("0", "notes.txt", "text/plain", 1234), file("1", "photo.png", "image/png", 100_000));
            JsonNode validated = browser.push("4", page, "event", validate(ref, files)).get("response").get("diff").get("1");
            assertThat(validated.get("0").get("4")).isEqualTo(json(refs("0,1", "", "")).get("4"));
            assertThat(validated.get("1").asString()).isEmpty();
            assertThat(validated.get("2")).isEqualTo(json("""
                    {"d": [%s, %s],
                     "s": ["<div id=\\"entry-", "\\" class=\\"entry\\">\\n    <span class=\\"entry-name\\">", "</span>\\n    <progress",
                           " max=\\"100\\">", "%%</progress>\\n    <span class=\\"entry-progress\\">",
                           "%%</span>\\n    <button type=\\"button\\" phx-click=\\"cancel\\"", ">cancel</button>\\n    ", "\\n  </div>"]}
                    """.formatted(row("0", "notes.txt", 0), row("1", "photo.png", 0))));

            // Submit: preflight
            JsonNode allowed = browser.push("4", page, "allow_upload", Map.of("ref", ref, "entries", files)).get("response");
            assertThat(allowed.propertyNames()).containsExactly("config", "diff", "entries", "errors", "ref");
            assertThat(allowed.get("config")).isEqualTo(json("{\"chunk_size\":64000,\"chunk_timeout\":10000,\"max_entries\":2,\"max_file_size\":100000}"));
            assertThat(allowed.get("errors")).isEqualTo(json("{}"));
            assertThat(allowed.get("ref").asString()).isEqualTo(ref);
            assertThat(allowed.get("diff").get("1").get("0").get("6")).isEqualTo(json(refs("0,1", "", "0,1")).get("6"));
            assertThat(allowed.get("diff").get("1").get("2").get("d")).isEqualTo(json("[" + row("0", "notes.txt", 0) + "," + row("1", "photo.png", 0) + "]"));
            assertThat(allowed.get("entries").propertyNames()).containsExactly("0", "1");

            // The upload channels, chunks and progress
            browser.send(LiveWire.frame("12", "12", "lvu:0", "phx_join", Map.of("token", allowed.get("entries").get("0").asString())));
            browser.send(LiveWire.frame("15", "15", "lvu:1", "phx_join", Map.of("token", allowed.get("entries").get("1").asString())));
            assertThat(browser.reply("12")).isEqualTo(json(OK_EMPTY));
            assertThat(browser.reply("15")).isEqualTo(json(OK_EMPTY));
            byte[] notes = new byte[1234];
            byte[] photo = new byte[100_000];
            new Random(1).nextBytes(notes);
            new Random(2).nextBytes(photo);
            browser.sendBinary("12", "16", "lvu:0", "chunk", notes);
            browser.sendBinary("15", "17", "lvu:1", "chunk", java.util.Arrays.copyOf(photo, 64_000));
            assertThat(browser.reply("16")).isEqualTo(json(OK_EMPTY));
            assertThat(browser.reply("17")).isEqualTo(json(OK_EMPTY));
            JsonNode p0 = browser.push("4", page, "progress", progress(ref, "0", 100)).get("response").get("diff").get("1");
            assertThat(p0.get("0").get("5")).isEqualTo(json(refs("0,1", "0", "0,1")).get("5"));
            assertThat(p0.get("2").get("d")).isEqualTo(json("[" + row("0", "notes.txt", 100) + "," + row("1", "photo.png", 0) + "]"));
            JsonNode p1 = browser.push("4", page, "progress", progress(ref, "1", 64)).get("response").get("diff").get("1");
            assertThat(p1.get("2").get("d")).isEqualTo(json("[" + row("0", "notes.txt", 100) + "," + row("1", "photo.png", 64) + "]"));
            browser.sendBinary("15", "20", "lvu:1", "chunk", java.util.Arrays.copyOfRange(photo, 64_000, 100_000));
            assertThat(browser.reply("20")).isEqualTo(json(OK_EMPTY));
            JsonNode p2 = browser.push("4", page, "progress", progress(ref, "1", 100)).get("response").get("diff").get("1");
            assertThat(p2.get("0").get("5")).isEqualTo(json(refs("0,1", "0,1", "0,1")).get("5"));

            // The submit event: phx_close on both lvu: topics, the reply lists the files, later diffs drop the entries.
            browser.send(LiveWire.frame("4", "22", page.topic(), "event", Map.of("type", "form", "event", "save", "value", "")));
            List<String> closed = new ArrayList<>();
            closed.add(browser.await(f -> "phx_close".equals(f.get(3).asString())).get(2).asString());
            closed.add(browser.await(f -> "phx_close".equals(f.get(3).asString())).get(2).asString());
            assertThat(closed).containsExactlyInAnyOrder("lvu:0", "lvu:1");
            assertThat(browser.reply("22")).isEqualTo(json("""
                    {"response":{"diff":{"1":{"3":{"d":[["photo.png","100000"],["notes.txt","1234"]],"s":["<li>"," ("," bytes)</li>"]}}}},"status":"ok"}"""));
            JsonNode last;
            do {
                last = browser.push("diff").get("1");
            } while (!last.get("2").get("d").isEmpty());
            assertThat(last.get("0").get("4")).isEqualTo(json(refs("", "", "")).get("4"));
            assertThat(last.get("0").get("6")).isEqualTo(json(refs("", "", "")).get("6"));

            // Select a 150000-byte file: its entry shows "Too large"; its preflight is refused.
            List<Map<String, Object>> big = List.of(file("2", "big.jpg", "image/jpeg", 150_000));
            JsonNode tooLarge = browser.push("4", page, "event", validate(ref, big)).get("response").get("diff").get("1");
            assertThat(tooLarge.get("2")).isEqualTo(json("""
                    {"d":[["2","big.jpg"," value=\\"0\\"","0","0"," phx-value-ref=\\"2\\"",{"d":[["Too large"]],"s":0}]],
                     "p":{"0":["<p class=\\"error\\">\\n      ","\\n    </p>"]}}"""));
            assertThat(browser.push("4", page, "allow_upload", Map.of("ref", ref, "entries", big))).isEqualTo(json(
                    "{\"response\":{\"error\":[[\"2\",\"too_large\"]],\"ref\":\"" + ref + "\"},\"status\":\"ok\"}"));

            // Select three files (max_entries is 2)
            List<Map<String, Object>> three = List.of(file("3", "one.txt", "text/plain", 10), file("4", "two.txt", "text/plain", 20),
                    file("5", "three.txt", "text/plain", 30));
            JsonNode tooMany = browser.push("4", page, "event", validate(ref, three)).get("response").get("diff").get("1");
            assertThat(tooMany.get("0").get("4")).isEqualTo(json(refs("3,4,5", "", "")).get("4"));
            assertThat(tooMany.get("1")).isEqualTo(json("{\"d\":[[\"Too many files\"]],\"s\":[\"<p class=\\\"error\\\">\",\"</p>\"]}"));
            assertThat(tooMany.get("2").get("d")).isEqualTo(json("[" + row("3", "one.txt", 0) + "," + row("4", "two.txt", 0) + ","
                    + row("5", "three.txt", 0) + "]"));
            assertThat(browser.push("4", page, "allow_upload", Map.of("ref", ref, "entries", three)).get("response").get("error"))
                    .isEqualTo(json("[[\"" + ref + "\",\"too_many_files\"]]"));
        }
    }
}
