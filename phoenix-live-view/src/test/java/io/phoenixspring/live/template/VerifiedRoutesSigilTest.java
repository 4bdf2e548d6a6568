package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.web.digest.StaticManifest;
import io.phoenixspring.web.endpoint.EndpointUrl;
import io.phoenixspring.web.endpoint.WebEndpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code ~p"..."}, {@code url/1}, {@code static_path/1} and friends in HEEx, as Phoenix.VerifiedRoutes renders them. */
class VerifiedRoutesSigilTest {

    record User(long id, String name) {
    }

    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final StaticManifest MANIFEST = StaticManifest.read(new ByteArrayInputStream(("{\"latest\": {\"assets/app.css\": "
            + "\"assets/app-" + MD5 + ".css\"}, \"digests\": {\"assets/app-" + MD5 + ".css\": {\"sha512\": \"c2hh\"}}}")
            .getBytes(StandardCharsets.UTF_8)), "test manifest");
    static final WebEndpoint SHOP = WebEndpoint.defaults().withUrl(new EndpointUrl("https", "example.com", null, "/shop"))
            .withStaticManifest(MANIFEST);

    private static String render(String source, Map<String, Object> assigns) {
        return Templates.compile(source, "sigil.html.heex", null).render(assigns, null).toHtml();
    }

    private static String render(WebEndpoint endpoint, String source, Map<String, Object> assigns) {
        return RoutesContext.with(endpoint, () -> render(source, assigns));
    }

    @Test
    void interpolatedSegmentsAreEncodedAsPhoenixParamAndUriEncode() {
        assertThat(render("{~p\"/users/#{@id}\"}", Map.of("id", 42L))).isEqualTo("/users/42");
        assertThat(render("{~p\"/users/#{@id}/edit\"}", Map.of("id", "a b/c?é"))).isEqualTo("/users/a%20b%2Fc%3F%C3%A9/edit");
        assertThat(render("{~p\"/users/#{@user}\"}", Map.of("user", new User(5, "ann")))).isEqualTo("/users/5");
        assertThat(render("{~p\"/users/#{@user.name}-#{@user.id}\"}", Map.of("user", new User(5, "ann"))))
                .isEqualTo("/users/ann-5");
        assertThat(render("<a href={~p\"/users/#{@id}\"}>x</a>", Map.of("id", 7L))).isEqualTo("<a href=\"/users/7\">x</a>");
    }

    @Test
    void aMapIsTheWholeQueryAndAValueIsFormEncoded() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", 2L);
        params.put("filter", Map.of("name", "Ann Lee"));
        assertThat(render("{~p\"/posts?#{@params}\"}", Map.of("params", params))).isEqualTo("/posts?page=2&amp;filter[name]=Ann+Lee");
        assertThat(render("{~p\"/posts?#{@params}\"}", Map.of("params", Map.of()))).isEqualTo("/posts");
        assertThat(render("{~p\"/posts?page=#{@page}&q=#{@q}\"}", Map.of("page", 3L, "q", "a b&c=d")))
                .isEqualTo("/posts?page=3&amp;q=a+b%26c%3Dd");
        // HTML-escaped where it is written, as any text or attribute value.
        assertThat(render("<a href={~p\"/posts?page=#{@page}&s=1\"}>x</a>", Map.of("page", 3L)))
                .isEqualTo("<a href=\"/posts?page=3&amp;s=1\">x</a>");
    }

    @Test
    void withoutAContextPathsAreAsWrittenAndStaticFilesUndigested() {
        assertThat(render("{~p\"/assets/app.css\"}", Map.of())).isEqualTo("/assets/app.css");
        assertThat(render("{static_path(\"/assets/app.css\")}", Map.of())).isEqualTo("/assets/app.css");
        assertThat(render("{is_nil(static_integrity(\"/assets/app.css\"))}", Map.of()))
                .isEqualTo("true");
        assertThatThrownBy(() -> render("{url(~p\"/users\")}", Map.of())).isInstanceOf(TemplateException.class)
                .hasMessageContaining("needs the endpoint");
    }

    @Test
    void theEndpointsUrlPathGoesBeforeEveryPathAndUrlAddsItsOrigin() {
        assertThat(render(SHOP, "{~p\"/users/#{@id}\"}", Map.of("id", 1L))).isEqualTo("/shop/users/1");
        assertThat(render(SHOP, "{~p\"/posts?#{@params}\"}", Map.of("params", Map.of("page", 2L)))).isEqualTo("/shop/posts?page=2");
        assertThat(render(SHOP, "{url(~p\"/users/#{@id}\")}", Map.of("id", 1L))).isEqualTo("https://example.com/shop/users/1");
        assertThat(render(SHOP, "{url(\"/plain\")}", Map.of())).isEqualTo("https://example.com/plain");
    }

    @Test
    void aLiteralPathUnderAStaticPathIsTheEndpointsDigestedStaticPath() {
        String digested = "/shop/assets/app-" + MD5 + ".css?vsn=d";
        assertThat(render(SHOP, "<link rel=\"stylesheet\" href={~p\"/assets/app.css\"}/>", Map.of()))
                .isEqualTo("<link rel=\"stylesheet\" href=\"" + digested + "\">");
        assertThat(render(SHOP, "{static_path(\"/assets/app.css\")}", Map.of())).isEqualTo(digested);
        assertThat(render(SHOP, "{static_integrity(\"/assets/app.css\")}", Map.of())).isEqualTo("sha512-c2hh");
        // Not in the manifest, or interpolated: under the url path, not digested.
        assertThat(render(SHOP, "{~p\"/images/logo.png\"}", Map.of())).isEqualTo("/shop/images/logo.png");
        assertThat(render(SHOP, "{~p\"/assets/#{@file}\"}", Map.of("file", "app.css"))).isEqualTo("/shop/assets/app.css");
        // Not a static path: a route, never digested.
        assertThat(render(SHOP, "{~p\"/app.css\"}", Map.of())).isEqualTo("/shop/app.css");

        WebEndpoint cdn = SHOP.withStaticUrl(new EndpointUrl("https", "cdn.example.com", null, "/"));
        assertThat(render(cdn, "{url(~p\"/assets/app.css\")}", Map.of()))
                .isEqualTo("https://cdn.example.com/assets/app-" + MD5 + ".css?vsn=d");
        assertThat(render(cdn, "{static_url()}", Map.of())).isEqualTo("https://cdn.example.com");
        assertThat(render(cdn, "{url(~p\"/users\")}", Map.of())).isEqualTo("https://example.com/shop/users");
    }

    @Test
    void theStaticPathsAreConfigurable() {
        Set<String> before = VerifiedSigils.staticPaths();
        try {
            VerifiedSigils.staticPaths(List.of("css"));
            assertThat(render(SHOP, "{~p\"/assets/app.css\"}", Map.of())).isEqualTo("/shop/assets/app.css");
        } finally {
            VerifiedSigils.staticPaths(before);
        }
        assertThat(render(SHOP, "{~p\"/assets/app.css\"}", Map.of())).isEqualTo("/shop/assets/app-" + MD5 + ".css?vsn=d");
    }

    @Test
    void aPathReadsItsAssignsSoItChangesWithThem() {
        Template template = Templates.compile("<a href={~p\"/users/#{@id}\"}>{@name}</a>", "sigil.html.heex", null);
        template.render(Map.of("id", 1L, "name", "a"), null);
        assertThat(template.render(Map.of("id", 2L, "name", "a"), Set.of("id")).toHtml()).isEqualTo("<a href=\"/users/2\">a</a>");
    }

    @Test
    void nilCannotBeAPathSegment() {
        Map<String, Object> assigns = new LinkedHashMap<>();
        assigns.put("id", null);
        assertThatThrownBy(() -> render("\n  {~p\"/users/#{@id}\"}", assigns)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("sigil.html.heex:2:").hasMessageContaining("cannot convert nil");
        assertThatThrownBy(() -> render("{~p\"/users/#{@ids}\"}", Map.of("ids", List.of(1L))))
                .hasMessageContaining("a map fills the query only");
    }

    private static void assertCompileError(String source, String position, String message) {
        assertThatThrownBy(() -> Templates.compile(source, "page.html.heex", null)).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("page.html.heex:" + position + ": ").hasMessageContaining(message);
    }

    @Test
    void aMalformedSigilIsACompileErrorAtItsPosition() {
        assertCompileError("<p>\n  {~s\"text\"}</p>", "2:4", "sigil ~s is not supported in templates: only ~p");
        assertCompileError("<p>\n  <a href={~p\"/users}>x</a></p>", "2:12", "missing terminator \" for the ~p sigil");
        assertCompileError("<p>{@a <> ~p\"/users}</p>", "1:11", "missing terminator \" for the ~p sigil");
        assertCompileError("<p>{~p\"users\"}</p>", "1:5", "paths must begin with /, got: ~p\"users\"");
        assertCompileError("<p>{~p\"#{@path}\"}</p>", "1:5", "paths must begin with /");
        assertCompileError("<p>{~p[/users]}</p>", "1:5", "~p takes a path in double quotes");
        assertCompileError("<p>{~ p}</p>", "1:5", "expected a sigil letter after ~");
    }
}
