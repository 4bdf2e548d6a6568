package io.phoenixspring.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.digest.Digester;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.plug.StaticFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ~p"/assets/app.css"} static form: a fixed verified path goes through the cache manifest. */
class VerifiedStaticPathsTest {

    interface Paths {
        @VerifiedPath("/assets/app.css")
        String appCss();

        @VerifiedPath("/robots.txt")
        String robots();

        @VerifiedPath("/users/{id}")
        String user(Object id);
    }

    interface Unknown {
        @VerifiedPath("/nowhere.css")
        String nowhere();
    }

    @TempDir
    Path dir;

    final Router router = Router.builder().forward("/assets", StaticFiles.from("static/assets"))
            .get("/users/:id", UserController.class, "show").build();

    static class UserController {
        io.phoenixspring.web.conn.Conn show(io.phoenixspring.web.conn.Conn conn) {
            return conn;
        }
    }

    @Test
    void staticPathsAreDigestedThroughTheManifest() throws Exception {
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/app.css"), "body{}");
        Files.writeString(dir.resolve("robots.txt"), "User-agent: *");
        Digester.compile(dir, dir);
        StaticManifest manifest = StaticManifest.load(dir.resolve("cache_manifest.json"));

        // /robots.txt has no route: the manifest knowing it verifies it, as Phoenix's statics.
        Paths paths = VerifiedRoutes.create(Paths.class, router, manifest);

        assertThat(paths.appCss()).matches("/assets/app-[0-9a-f]{32}\\.css\\?vsn=d").isEqualTo(manifest.staticPath("/assets/app.css"));
        assertThat(paths.robots()).matches("/robots-[0-9a-f]{32}\\.txt\\?vsn=d");
        assertThat(paths.user(7)).isEqualTo("/users/7");
    }

    @Test
    void withoutAManifestStaticPathsAreUnchangedAndStillVerified() {
        interface Assets {
            @VerifiedPath("/assets/app.css")
            String appCss();
        }
        assertThat(VerifiedRoutes.create(Assets.class, router, StaticManifest.none()).appCss()).isEqualTo("/assets/app.css");
        assertThatThrownBy(() -> VerifiedRoutes.create(Unknown.class, router, StaticManifest.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no route matches \"/nowhere.css\"");
    }
}
