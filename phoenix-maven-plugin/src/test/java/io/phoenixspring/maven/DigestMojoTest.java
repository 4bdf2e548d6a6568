package io.phoenixspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phoenix:digest} and {@code phoenix:digest.clean}, run as Maven would after setting their parameters. */
class DigestMojoTest {

    @TempDir
    Path dir;

    private Path statics() throws Exception {
        Path statics = dir.resolve("classes/static");
        Files.createDirectories(statics.resolve("assets"));
        Files.writeString(statics.resolve("assets/app.js"), "let a = 1;\n");
        return statics;
    }

    private static long count(Path folder, String regex) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(regex)).count();
        }
    }

    @Test
    void digestWritesDigestedGzippedFilesAndTheManifestInPlace() throws Exception {
        Path statics = statics();
        DigestMojo mojo = new DigestMojo();
        mojo.input = statics.toFile();
        mojo.output = statics.toFile();
        mojo.vsn = true;
        mojo.execute();

        assertThat(statics.resolve("cache_manifest.json")).exists();
        assertThat(count(statics, "app-[0-9a-f]{32}\\.js")).isEqualTo(1);
        assertThat(count(statics, "app-[0-9a-f]{32}\\.js\\.gz")).isEqualTo(1);
        assertThat(statics.resolve("assets/app.js.gz")).exists();
    }

    @Test
    void digestIntoAnotherFolderLeavesTheInputAlone() throws Exception {
        Path statics = statics();
        DigestMojo mojo = new DigestMojo();
        mojo.input = statics.toFile();
        mojo.output = dir.resolve("public").toFile();
        mojo.vsn = true;
        mojo.execute();
        assertThat(dir.resolve("public/cache_manifest.json")).exists();
        assertThat(dir.resolve("public/assets/app.js")).exists();
        assertThat(statics.resolve("cache_manifest.json")).doesNotExist();
    }

    @Test
    void aMissingInputFailsTheBuildNamingIt() {
        DigestMojo mojo = new DigestMojo();
        mojo.input = dir.resolve("nope").toFile();
        mojo.output = dir.resolve("nope").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("nope")
                .hasMessageContaining("does not exist");
    }

    @Test
    void cleanKeepsTheLatestAndAllRemovesEverythingCompiled() throws Exception {
        Path statics = statics();
        DigestMojo digest = new DigestMojo();
        digest.input = statics.toFile();
        digest.output = statics.toFile();
        digest.vsn = true;
        digest.execute();
        Files.writeString(statics.resolve("assets/app.js"), "let a = 2;\n");
        digest.execute();
        assertThat(count(statics, "app-[0-9a-f]{32}\\.js")).isEqualTo(2);

        DigestCleanMojo clean = new DigestCleanMojo();
        clean.output = statics.toFile();
        clean.age = 0;
        clean.keep = 0;
        clean.execute();
        assertThat(count(statics, "app-[0-9a-f]{32}\\.js")).isEqualTo(1);
        assertThat(count(statics, "app-[0-9a-f]{32}\\.js\\.gz")).isEqualTo(1);

        clean.all = true;
        clean.execute();
        assertThat(count(statics, ".*-[0-9a-f]{32}.*")).isZero();
        assertThat(statics.resolve("cache_manifest.json")).doesNotExist();
        assertThat(statics.resolve("assets/app.js.gz")).doesNotExist();
        assertThat(Files.readString(statics.resolve("assets/app.js"))).isEqualTo("let a = 2;\n");
    }

    @Test
    void cleanRefusesANegativeKeepAndAMissingFolder() {
        DigestCleanMojo clean = new DigestCleanMojo();
        clean.output = dir.toFile();
        clean.age = 3600;
        clean.keep = -1;
        assertThatThrownBy(clean::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("keep");
        clean.keep = 2;
        clean.output = dir.resolve("nope").toFile();
        assertThatThrownBy(clean::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("nope");
    }
}
