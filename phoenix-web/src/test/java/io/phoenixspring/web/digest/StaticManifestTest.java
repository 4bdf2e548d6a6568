package io.phoenixspring.web.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phoenix.Endpoint's static_path and static_integrity with and without a cache manifest. */
class StaticManifestTest {

    @TempDir
    Path dir;

    @Test
    void withoutAManifestPathsAreUnchangedAndThereIsNoIntegrity() {
        StaticManifest none = StaticManifest.none();
        assertThat(none.staticPath("/js/app.js")).isEqualTo("/js/app.js");
        assertThat(none.staticIntegrity("/js/app.js")).isNull();
        assertThat(none.isDigested("js/app-0123456789abcdef0123456789abcdef.js")).isFalse();
    }

    @Test
    void theDigesterOutputGivesDigestedPathsWithVsnAndSha512Integrity() throws Exception {
        Files.createDirectories(dir.resolve("js"));
        Files.writeString(dir.resolve("js/app.js"), "a();");
        Digester.compile(dir, dir);
        StaticManifest manifest = StaticManifest.load(dir.resolve("cache_manifest.json"));

        assertThat(manifest.staticPath("/js/app.js")).matches("/js/app-[0-9a-f]{32}\\.js\\?vsn=d");
        assertThat(manifest.staticPath("/js/app.js#top")).matches("/js/app-[0-9a-f]{32}\\.js\\?vsn=d#top");
        assertThat(manifest.staticPath("/unknown.js")).isEqualTo("/unknown.js");
        assertThat(manifest.staticIntegrity("/js/app.js")).matches(Pattern.compile("sha512-[A-Za-z0-9+/]{86}=="));
        assertThat(manifest.staticIntegrity("/unknown.js")).isNull();
        assertThat(manifest.withoutVsn().staticPath("/js/app.js")).matches("/js/app-[0-9a-f]{32}\\.js");
        String digested = manifest.staticPath("/js/app.js").substring(1).replace("?vsn=d", "");
        assertThat(manifest.isDigested(digested)).isTrue();
        assertThat(manifest.isDigested("js/app.js")).isFalse();
        assertThat(manifest.latest()).containsOnlyKeys("js/app.js");
    }

    @Test
    void readsPhoenixsOwnManifest() throws Exception {
        // test/fixtures/digest/compile/cache_manifest.json of phoenixframework/phoenix: no sha512.
        try (InputStream in = getClass().getResourceAsStream("/digest/cache_manifest.json")) {
            StaticManifest manifest = StaticManifest.read(in, "phoenix fixture");
            assertThat(manifest.staticPath("/foo.css")).isEqualTo("/foo-d978852bea6530fcd197b5445ed008fd.css?vsn=d");
            assertThat(manifest.staticIntegrity("/foo.css")).isNull();
        }
    }

    @Test
    void pathsMustStartWithASingleSlashAsInPhoenix() {
        StaticManifest none = StaticManifest.none();
        assertThatThrownBy(() -> none.staticPath("js/app.js")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a path starting with a single /");
        assertThatThrownBy(() -> none.staticPath("//evil.com/app.js")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> none.staticPath("/a\\b.js")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsafe characters");
    }

    @Test
    void aManifestWithoutLatestOrDigestsIsRefusedWithItsLocation() {
        InputStream bad = new ByteArrayInputStream("{\"version\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StaticManifest.read(bad, "classpath:static/cache_manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classpath:static/cache_manifest.json").hasMessageContaining("'latest' and 'digests'");
        InputStream notJson = new ByteArrayInputStream("nope".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StaticManifest.read(notJson, "x.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.json");
    }
}
