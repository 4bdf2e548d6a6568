package io.phoenixspring.web.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.digest.StaticManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phoenix.Endpoint's url/0, path/1, static_url/0, static_path/1 and script_name/0 from {@code :url}. */
class EndpointUrlTest {

    @Test
    void theDefaultPortOfTheSchemeIsLeftOut() {
        assertThat(new EndpointUrl("https", "example.com", 443, "/").url()).isEqualTo("https://example.com");
        assertThat(new EndpointUrl("http", "example.com", 80, "/").url()).isEqualTo("http://example.com");
        assertThat(new EndpointUrl("https", "example.com", null, "/").url()).isEqualTo("https://example.com");
        assertThat(new EndpointUrl("http", "localhost", 4000, "/").url()).isEqualTo("http://localhost:4000");
        assertThat(new EndpointUrl("https", "example.com", 80, "/").url()).isEqualTo("https://example.com:80");
        assertThat(new EndpointUrl("HTTP", "::1", 4000, "/").url()).isEqualTo("http://[::1]:4000");
    }

    @Test
    void thePathIsTheScriptName() {
        EndpointUrl url = new EndpointUrl("https", "example.com", null, "/shop/eu/");
        assertThat(url.scriptName()).containsExactly("shop", "eu");
        assertThat(url.path("/users/1")).isEqualTo("/shop/eu/users/1");
        assertThat(url.url()).isEqualTo("https://example.com");
        assertThat(EndpointUrl.defaults().scriptName()).isEmpty();
        assertThat(EndpointUrl.defaults().path("/users/1")).isEqualTo("/users/1");
        assertThat(EndpointUrl.defaults().url()).isEqualTo("http://localhost");
    }

    @Test
    void aBadUrlFailsWithTheSetting() {
        assertThatThrownBy(() -> new EndpointUrl("ftp", "example.com", null, "/")).hasMessageContaining("scheme")
                .hasMessageContaining("ftp");
        assertThatThrownBy(() -> new EndpointUrl("https", " ", null, "/")).hasMessageContaining("host");
        assertThatThrownBy(() -> new EndpointUrl("https", "example.com", 70000, "/")).hasMessageContaining("port");
        assertThatThrownBy(() -> new EndpointUrl("https", "example.com", null, "shop")).hasMessageContaining("path");
    }

    @Test
    void theEndpointBuildsUrlsAndPathsFromItsUrl() {
        WebEndpoint endpoint = WebEndpoint.defaults().withUrl(new EndpointUrl("https", "example.com", 8443, "/app"));
        assertThat(endpoint.url()).isEqualTo("https://example.com:8443");
        assertThat(endpoint.path("/users/1")).isEqualTo("/app/users/1");
        assertThat(endpoint.scriptName()).isEqualTo(List.of("app"));
        assertThat(endpoint.structUrl().host()).isEqualTo("example.com");
        // static_url falls back to url, as Phoenix's :static_url does.
        assertThat(endpoint.staticUrl()).isEqualTo("https://example.com:8443");
        assertThat(endpoint.staticPath("/js/app.js")).isEqualTo("/app/js/app.js");
    }

    @Test
    void staticPathPrependsTheStaticScriptNameToTheDigestedPath() {
        StaticManifest manifest = StaticManifest.read(new java.io.ByteArrayInputStream(
                "{\"latest\":{\"js/app.js\":\"js/app-abc.js\"},\"digests\":{}}".getBytes()), "test");
        WebEndpoint endpoint = WebEndpoint.defaults().withStaticManifest(manifest)
                .withUrl(new EndpointUrl("https", "example.com", null, "/app"))
                .withStaticUrl(new EndpointUrl("https", "cdn.example.com", null, "/static"));
        assertThat(endpoint.staticPath("/js/app.js")).isEqualTo("/static/js/app-abc.js?vsn=d");
        assertThat(endpoint.staticUrl()).isEqualTo("https://cdn.example.com");
        assertThat(endpoint.path("/")).isEqualTo("/app/");
    }

    @Test
    void theDefaultsKeepPathsAsTheyWere() {
        assertThat(WebEndpoint.defaults().staticPath("/js/app.js")).isEqualTo("/js/app.js");
        assertThat(WebEndpoint.defaults().url()).isEqualTo("http://localhost");
    }
}
