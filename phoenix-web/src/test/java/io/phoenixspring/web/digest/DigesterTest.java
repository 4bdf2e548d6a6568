package io.phoenixspring.web.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code mix phx.digest} and {@code mix phx.digest.clean}, on a temporary folder, against Phoenix's digester_test. */
class DigesterTest {

    @TempDir
    Path dir;

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String gunzip(Path file) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String relative, String content) throws Exception {
        Path file = dir.resolve("static").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void writesDigestedAndGzippedFilesAndPhoenixsManifest() throws Exception {
        write("js/app.js", "console.log('hi');\n");
        write("images/logo.png", "\u0001PNG-ish");
        write("robots.txt", "User-agent: *\n");
        Path in = dir.resolve("static");
        Path out = dir.resolve("out");

        Digester.compile(in, out);

        String js = md5("console.log('hi');\n");
        assertThat(js).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(Files.readString(out.resolve("js/app-" + js + ".js"))).isEqualTo("console.log('hi');\n");
        assertThat(out.resolve("js/app.js")).exists();
        assertThat(gunzip(out.resolve("js/app-" + js + ".js.gz"))).isEqualTo("console.log('hi');\n");
        assertThat(gunzip(out.resolve("js/app.js.gz"))).isEqualTo("console.log('hi');\n");
        String png = md5("\u0001PNG-ish");
        assertThat(out.resolve("images/logo-" + png + ".png")).exists();
        // Not in Phoenix's gzippable_exts.
        assertThat(out.resolve("images/logo-" + png + ".png.gz")).doesNotExist();
        assertThat(out.resolve("robots-" + md5("User-agent: *\n") + ".txt.gz")).exists();

        JsonNode manifest = JSON.readTree(out.resolve("cache_manifest.json").toFile());
        assertThat(manifest.get("version").asInt()).isEqualTo(1);
        assertThat(manifest.get("latest").get("js/app.js").asString()).isEqualTo("js/app-" + js + ".js");
        assertThat(manifest.get("latest").get("images/logo.png").asString()).isEqualTo("images/logo-" + png + ".png");
        JsonNode entry = manifest.get("digests").get("js/app-" + js + ".js");
        // The shape of Phoenix's test/fixtures/digest/compile/cache_manifest.json, plus sha512.
        assertThat(entry.propertyNames()).containsExactlyInAnyOrder("logical_path", "mtime", "size", "digest", "sha512");
        assertThat(entry.get("logical_path").asString()).isEqualTo("js/app.js");
        assertThat(entry.get("digest").asString()).isEqualTo(js);
        assertThat(entry.get("size").asLong()).isEqualTo(19);
        // Gregorian seconds, as Erlang's :calendar.datetime_to_gregorian_seconds.
        assertThat(entry.get("mtime").asLong()).isCloseTo(Instant.now().getEpochSecond() + 62_167_219_200L,
                org.assertj.core.data.Offset.offset(60L));
        assertThat(entry.get("sha512").asString()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-512").digest("console.log('hi');\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void compiledFilesAndTheManifestAreNotDigestedAgain() throws Exception {
        write("app.js", "a");
        Path in = dir.resolve("static");
        Digester.compile(in, in);
        Digester.compile(in, in);
        try (var files = Files.list(in)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("app.js", "app.js.gz", "app-" + md5("a") + ".js", "app-" + md5("a") + ".js.gz",
                            "cache_manifest.json");
        }
    }

    @Test
    void stylesheetUrlsPointToDigestedAssetsWithVsn() throws Exception {
        write("phoenix.png", "P");
        write("images/relative.png", "R");
        write("css/app.css", """
                .a { background-image: url("/phoenix.png"); }
                .b { background-image: url('../images/relative.png'); }
                .c { background-image: url(http://www.phoenixframework.org/absolute.png); }
                .d{background-image:url(/phoenix.png)}
                .e { background: url(data:image/png;base64,AAAA); mask: url(#m); src: url(/missing.woff); }
                """);
        Path in = dir.resolve("static");
        Digester.compile(in, in);

        String css = Files.readString(in.resolve("css/app-" + md5(Files.readString(in.resolve("css/app.css"))) + ".css"));
        assertThat(css).contains("url(\"/phoenix-" + md5("P") + ".png?vsn=d\")")
                .contains("url('../images/relative-" + md5("R") + ".png?vsn=d')")
                .contains("url(http://www.phoenixframework.org/absolute.png)")
                .contains("url(/phoenix-" + md5("P") + ".png?vsn=d)")
                .contains("url(data:image/png;base64,AAAA)").contains("url(#m)").contains("url(/missing.woff)");
        // The undigested name keeps the original content.
        assertThat(Files.readString(in.resolve("css/app.css"))).contains("url(\"/phoenix.png\")");

        Digester.compile(in, dir.resolve("novsn"), false);
        try (var files = Files.list(dir.resolve("novsn/css"))) {
            Path digested = files.filter(p -> p.toString().matches(".*app-[0-9a-f]{32}\\.css")).findFirst().orElseThrow();
            assertThat(Files.readString(digested)).contains("url(\"/phoenix-" + md5("P") + ".png\")").doesNotContain("vsn");
        }
    }

    @Test
    void javascriptSourceMapsFollowTheirAsset() throws Exception {
        write("app.js", "x();\n//# sourceMappingURL=app.js.map\n");
        write("app.js.map", "{\"version\":3,\"file\":\"app.js\",\"sources\":[]}");
        Path in = dir.resolve("static");
        Digester.compile(in, in);
        String js = md5("x();\n//# sourceMappingURL=app.js.map\n");
        assertThat(Files.readString(in.resolve("app-" + js + ".js"))).contains("//# sourceMappingURL=app-" + js + ".js.map");
        assertThat(Files.readString(in.resolve("app-" + js + ".js.map"))).contains("\"file\":\"app-" + js + ".js\"");
    }

    @Test
    void aMissingInputFolderIsReported() {
        assertThatThrownBy(() -> Digester.compile(dir.resolve("nope"), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    private Path manifestWithVersions(long... mtimes) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        StringBuilder digests = new StringBuilder();
        for (int i = 1; i <= mtimes.length; i++) {
            Files.writeString(out.resolve("app-" + i + ".css"), "v" + i);
            Files.writeString(out.resolve("app-" + i + ".css.gz"), "gz" + i);
            digests.append(i == 1 ? "" : ",").append("\"app-" + i + ".css\":{\"logical_path\":\"app.css\",\"mtime\":"
                    + mtimes[i - 1] + ",\"size\":2,\"digest\":\"" + i + "\"}");
        }
        Files.writeString(out.resolve("app.css"), "v");
        Files.writeString(out.resolve("cache_manifest.json"), "{\"version\":1,\"latest\":{\"app.css\":\"app-"
                + mtimes.length + ".css\"},\"digests\":{" + digests + "}}");
        return out;
    }

    @Test
    void cleanRemovesVersionsOverTheKeepCount() throws Exception {
        long now = 63_000_000_000L;
        Path out = manifestWithVersions(now - 40, now - 30, now - 20, now - 10, now);

        assertThat(Digester.clean(out, 3600, 2, now)).containsExactlyInAnyOrder("app-1.css", "app-2.css");

        assertThat(out.resolve("app-1.css")).doesNotExist();
        assertThat(out.resolve("app-1.css.gz")).doesNotExist();
        assertThat(out.resolve("app-3.css")).exists();
        assertThat(out.resolve("app-3.css.gz")).exists();
        assertThat(out.resolve("app-5.css")).exists();
        assertThat(out.resolve("app.css")).exists();
        JsonNode manifest = JSON.readTree(out.resolve("cache_manifest.json").toFile());
        assertThat(manifest.get("digests").propertyNames()).containsExactlyInAnyOrder("app-3.css", "app-4.css", "app-5.css");
        assertThat(manifest.get("latest").get("app.css").asString()).isEqualTo("app-5.css");
    }

    @Test
    void cleanRemovesVersionsOlderThanTheAgeButNeverTheLatest() throws Exception {
        long now = 63_000_000_000L;
        Path out = manifestWithVersions(now - 7200, now - 100, now - 9000);

        // As Phoenix's digester: older than age, or past keep (the code, not the task's doc, is followed).
        assertThat(Digester.clean(out, 3600, 10, now)).containsExactly("app-1.css");
        assertThat(out.resolve("app-2.css")).exists();
        assertThat(out.resolve("app-3.css")).exists();
    }

    @Test
    void cleanAllRemovesEveryCompiledFileAndTheManifest() throws Exception {
        write("app.js", "a");
        Path in = dir.resolve("static");
        Digester.compile(in, in);
        Digester.cleanAll(in);
        try (var files = Files.list(in)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("app.js");
        }
    }
}
