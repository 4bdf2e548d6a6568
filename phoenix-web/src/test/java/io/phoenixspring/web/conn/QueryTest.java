package io.phoenixspring.web.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Query#encode} writes what Plug.Conn.Query.encode writes, and what our decoder reads back. */
class QueryTest {

    @Test
    void encodesFlatNestedAndListParamsAsPlugDoes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", 1);
        params.put("direction", "asc");
        params.put("filter", Map.of("name", "Ann Lee"));
        params.put("ids", List.of(1, 2));
        assertThat(Query.encode(params)).isEqualTo("page=1&direction=asc&filter[name]=Ann+Lee&ids[]=1&ids[]=2");
    }

    @Test
    void escapesAsUriEncodeWwwForm() {
        assertThat(Query.encode(Map.of("q", "a&b=c/d?é~*"))).isEqualTo("q=a%26b%3Dc%2Fd%3F%C3%A9~%2A");
        assertThat(Query.encode(Map.of("weird key", "x"))).isEqualTo("weird+key=x");
    }

    @Test
    void nullIsAnEmptyValueAndEmptyCollectionsVanish() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("a", null);
        params.put("b", Map.of());
        params.put("c", List.of());
        params.put("d", Arrays.asList("x", null));
        assertThat(Query.encode(params)).isEqualTo("a=&d[]=x&d[]=");
        assertThat(Query.encode(Map.of())).isEmpty();
    }

    @Test
    void listsOfMapsNestUnderEmptyBrackets() {
        assertThat(Query.encode(Map.of("users", List.of(Map.of("name", "a"))))).isEqualTo("users[][name]=a");
    }

    @Test
    void theDecoderReadsBackWhatIsEncoded() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("name", "Ann & co"));
        params.put("ids", List.of("1", "2"));
        assertThat(QueryDecoder.decode(Query.encode(params))).isEqualTo(params);
    }
}
