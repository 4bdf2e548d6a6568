package io.phoenixspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.endpoint.InvalidSecretKeyBaseException;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.endpoint.DefaultErrorView;
import io.phoenixspring.web.endpoint.ErrorView;
import io.phoenixspring.web.endpoint.NoRouteHandler;
import io.phoenixspring.web.endpoint.WebEndpoint;
import io.phoenixspring.web.plug.RequestIdFilter;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.router.RouterHandlerMapping;
import io.phoenixspring.web.template.TemplateRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PhoenixWebAutoConfigurationTest {

    static final String SECRET = "a-test-secret-key-base-that-is-long-enough-for-phoenix-0123456789";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenAutoConfiguration.class, PhoenixWebAutoConfiguration.class))
            .withUserConfiguration(Routes.class)
            .withPropertyValues("phoenix.endpoint.secret-key-base=" + SECRET);

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        Router router() {
            return Router.builder().get("/health", conn -> Controller.json(conn, Map.of("status", "ok"))).build();
        }
    }

    @Test
    void defaultsMountTheRouterAheadOfRestControllersWithJsonErrors() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RouterHandlerMapping.class).hasSingleBean(NoRouteHandler.class)
                    .hasSingleBean(RequestIdFilter.class).hasSingleBean(TemplateRenderer.class);
            assertThat(context.getBean(RouterHandlerMapping.class).getOrder()).isEqualTo(-10);
            WebEndpoint endpoint = context.getBean(WebEndpoint.class);
            assertThat(endpoint.errorFormats()).containsExactly("json");
            assertThat(endpoint.debugErrors()).isFalse();
            assertThat(endpoint.filterParameters()).containsExactly("password");
            assertThat(endpoint.maxBodyBytes()).isEqualTo(8_000_000);
            assertThat(endpoint.sessionStore().options().key()).isEqualTo("_phoenix_key");
            assertThat(endpoint.sessionStore().put(Map.of("a", 1))).startsWith("SFMyNTY.");
            assertThat(context).doesNotHaveBean(WebServerFactoryCustomizer.class);
        });
    }

    @Test
    void propertiesConfigureErrorsSessionsAndOrder() {
        runner.withPropertyValues("phoenix.endpoint.render-errors.formats=html,json", "phoenix.endpoint.debug-errors=true",
                "phoenix.endpoint.router-order=5", "phoenix.endpoint.session.key=_my_app_key",
                "phoenix.endpoint.session.encryption-salt=enc", "phoenix.endpoint.filter-parameters=password,secret",
                "phoenix.endpoint.max-body-size=1KB",
                "phoenix.endpoint.request-id.enabled=false").run(context -> {
                    WebEndpoint endpoint = context.getBean(WebEndpoint.class);
                    assertThat(endpoint.errorFormats()).containsExactly("html", "json");
                    assertThat(endpoint.debugErrors()).isTrue();
                    assertThat(endpoint.filterParameters()).containsExactly("password", "secret");
                    assertThat(endpoint.maxBodyBytes()).isEqualTo(1024);
                    assertThat(endpoint.sessionStore().options().key()).isEqualTo("_my_app_key");
                    String cookie = endpoint.sessionStore().put(Map.of("user_id", 7));
                    assertThat(cookie).startsWith("XCP.");
                    assertThat(endpoint.sessionStore().get(cookie)).isEqualTo(Map.of("user_id", 7L)); // Erlang integers read as Long
                    assertThat(context.getBean(RouterHandlerMapping.class).getOrder()).isEqualTo(5);
                    assertThat(context).doesNotHaveBean(RequestIdFilter.class);
                });
    }

    @Test
    void theServerPortIsServerPortOnly() {
        // phoenix.endpoint.http.port duplicated server.port; it is gone, and setting it changes nothing.
        runner.withPropertyValues("phoenix.endpoint.http.port=4123").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(WebServerFactoryCustomizer.class));
    }

    @Test
    void theUrlPropertiesMakeTheEndpointUrl() {
        runner.run(context -> assertThat(context.getBean(WebEndpoint.class).url()).isEqualTo("http://localhost:8080"));
        runner.withPropertyValues("server.port=4000").run(context ->
                assertThat(context.getBean(WebEndpoint.class).url()).isEqualTo("http://localhost:4000"));
        runner.withPropertyValues("server.port=0").run(context ->
                assertThat(context.getBean(WebEndpoint.class).url()).isEqualTo("http://localhost"));
        runner.withPropertyValues("server.port=4000", "phoenix.endpoint.url.scheme=https", "phoenix.endpoint.url.host=example.com",
                "phoenix.endpoint.url.port=443", "phoenix.endpoint.url.path=/shop/").run(context -> {
                    WebEndpoint endpoint = context.getBean(WebEndpoint.class);
                    assertThat(endpoint.url()).isEqualTo("https://example.com");
                    assertThat(endpoint.scriptName()).containsExactly("shop");
                    assertThat(endpoint.path("/users/1")).isEqualTo("/shop/users/1");
                    assertThat(endpoint.staticUrl()).isEqualTo("https://example.com");
                });
    }

    @Test
    void theStaticUrlPropertiesMakeTheStaticUrlAndEachUnsetPartFollowsTheUrl() {
        String[] url = {"phoenix.endpoint.url.scheme=https", "phoenix.endpoint.url.host=example.com",
            "phoenix.endpoint.url.port=8443", "phoenix.endpoint.url.path=/shop"};
        runner.withPropertyValues(url).run(context -> {
            WebEndpoint endpoint = context.getBean(WebEndpoint.class);
            assertThat(endpoint.staticUrl()).isEqualTo("https://example.com:8443");
            assertThat(endpoint.staticPath("/assets/app.css")).isEqualTo("/shop/assets/app.css");
        });
        runner.withPropertyValues(url).withPropertyValues("phoenix.endpoint.static-url.host=cdn.example.com",
                "phoenix.endpoint.static-url.path=/static").run(context -> {
                    WebEndpoint endpoint = context.getBean(WebEndpoint.class);
                    assertThat(endpoint.staticUrl()).isEqualTo("https://cdn.example.com");
                    assertThat(endpoint.staticPath("/assets/app.css")).isEqualTo("/static/assets/app.css");
                    assertThat(endpoint.url()).isEqualTo("https://example.com:8443");
                    assertThat(endpoint.path("/users")).isEqualTo("/shop/users");
                });
        runner.withPropertyValues(url).withPropertyValues("phoenix.endpoint.static-url.scheme=http",
                "phoenix.endpoint.static-url.host=cdn.example.com", "phoenix.endpoint.static-url.port=8080").run(context ->
                assertThat(context.getBean(WebEndpoint.class).staticUrl()).isEqualTo("http://cdn.example.com:8080"));
        runner.withPropertyValues(url).withPropertyValues("phoenix.endpoint.static-url.path=/assets-cache").run(context -> {
            WebEndpoint endpoint = context.getBean(WebEndpoint.class);
            assertThat(endpoint.staticUrl()).isEqualTo("https://example.com:8443");
            assertThat(endpoint.staticPath("/app.css")).isEqualTo("/assets-cache/app.css");
        });
        runner.withPropertyValues("phoenix.endpoint.static-url.scheme=ftp").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.static-url.scheme must be http or https, got \"ftp\""));
    }

    @Test
    void aBadUrlFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("phoenix.endpoint.url.scheme=ftp").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.url.scheme must be http or https, got \"ftp\""));
        runner.withPropertyValues("phoenix.endpoint.url.path=shop").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.url.path must start with /"));
    }

    @Test
    void aShortSecretKeyBaseFailsStartUpWithItsLength() {
        runner.withPropertyValues("phoenix.endpoint.secret-key-base=too-short").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidSecretKeyBaseException.class)
                        .hasMessageContaining("phoenix.endpoint.secret-key-base is 9 bytes long; it must be at least 20"));
    }

    @Test
    void userBeansWin() {
        ErrorView mine = new DefaultErrorView() {
            @Override
            public Object json(int status, Conn conn, Throwable error) {
                return Map.of("oops", status);
            }
        };
        runner.withBean("myErrorView", ErrorView.class, () -> mine).run(context ->
                assertThat(context.getBean(WebEndpoint.class).errorView()).isSameAs(mine));
        WebEndpoint custom = WebEndpoint.defaults().withErrorFormats(List.of("html"));
        runner.withBean("myEndpoint", WebEndpoint.class, () -> custom).run(context -> {
            assertThat(context.getBean(WebEndpoint.class)).isSameAs(custom);
            assertThat(context.getBean(RouterHandlerMapping.class).endpoint()).isSameAs(custom);
        });
    }

    @Test
    void withoutARouterNothingIsMounted() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TokenAutoConfiguration.class, PhoenixWebAutoConfiguration.class))
                .withPropertyValues("phoenix.endpoint.secret-key-base=" + SECRET)
                .run(context -> assertThat(context).doesNotHaveBean(RouterHandlerMapping.class)
                        .doesNotHaveBean(NoRouteHandler.class));
    }

    @Test
    void backsOffWithoutPhoenixWebOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(Router.class)).run(context ->
                assertThat(context).doesNotHaveBean(WebEndpoint.class).doesNotHaveBean(RouterHandlerMapping.class));
    }

    @Test
    void badValuesFailWithReadableMessages() {
        runner.withPropertyValues("phoenix.endpoint.render-errors.formats=xml").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("render_errors formats are json and html, got \"xml\""));
        runner.withPropertyValues("phoenix.endpoint.max-body-size=0B").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.max-body-size must be at least 1 byte"));
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PhoenixWebAutoConfiguration.class))
                .withUserConfiguration(Routes.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidSecretKeyBaseException.class)
                        .hasMessageContaining("phoenix.endpoint.secret-key-base is not set"));
    }
}
