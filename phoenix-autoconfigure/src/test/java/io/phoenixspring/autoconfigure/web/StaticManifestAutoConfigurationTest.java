package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.web.digest.Digester;
import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code phoenix.endpoint.cache-static-manifest}: Phoenix's cache_static_manifest as a StaticManifest bean. */
class StaticManifestAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenAutoConfiguration.class, PhoenixWebAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + PhoenixWebAutoConfigurationTest.SECRET);

    @TempDir
    Path dir;

    @Test
    void withoutThePropertyPathsAreUnchanged() {
        runner.run(context -> {
            StaticManifest manifest = context.getBean(StaticManifest.class);
            assertThat(manifest.staticPath("/assets/app.css")).isEqualTo("/assets/app.css");
            assertThat(context.getBean(WebEndpoint.class).staticIntegrity("/assets/app.css")).isNull();
        });
    }

    @Test
    void aFileManifestGivesDigestedPathsAndIntegrityToTheEndpoint() throws Exception {
        Files.writeString(dir.resolve("app.css"), "body{}");
        Digester.compile(dir, dir);
        runner.withPropertyValues("phoenix.endpoint.cache-static-manifest=file:" + dir.resolve("cache_manifest.json"))
                .run(context -> {
                    WebEndpoint endpoint = context.getBean(WebEndpoint.class);
                    assertThat(endpoint.staticManifest()).isSameAs(context.getBean(StaticManifest.class));
                    assertThat(endpoint.staticPath("/app.css")).matches("/app-[0-9a-f]{32}\\.css\\?vsn=d");
                    assertThat(endpoint.staticIntegrity("/app.css")).startsWith("sha512-");
                });
    }

    @Test
    void aClasspathManifestIsReadAndSkipVsnDropsTheQuery() {
        runner.withPropertyValues("phoenix.endpoint.cache-static-manifest=classpath:digest/cache_manifest.json",
                "phoenix.endpoint.cache-manifest-skip-vsn=true").run(context -> assertThat(
                        context.getBean(StaticManifest.class).staticPath("/foo.css"))
                        .isEqualTo("/foo-d978852bea6530fcd197b5445ed008fd.css"));
    }

    @Test
    void aMissingManifestFailsStartupSayingWhatToRun() {
        runner.withPropertyValues("phoenix.endpoint.cache-static-manifest=classpath:static/nope/cache_manifest.json")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("could not find static manifest at classpath:static/nope/cache_manifest.json")
                        .hasMessageContaining("mvn phoenix:digest"));
    }

    @Test
    void aStaticManifestBeanOfTheUsersWins() {
        runner.withUserConfiguration(Own.class).run(context -> assertThat(context.getBean(WebEndpoint.class).staticManifest())
                .isSameAs(Own.MANIFEST));
    }

    @Configuration(proxyBeanMethods = false)
    static class Own {
        static final StaticManifest MANIFEST = StaticManifest.none().withoutVsn();

        @Bean
        StaticManifest myManifest() {
            return MANIFEST;
        }
    }
}
