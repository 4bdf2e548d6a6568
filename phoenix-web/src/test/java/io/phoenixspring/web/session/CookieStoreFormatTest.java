package io.phoenixspring.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.token.Atom;
import io.phoenixspring.token.KeyDigest;
import io.phoenixspring.token.KeyGenerator;
import io.phoenixspring.token.MessageVerifier;
import io.phoenixspring.token.Terms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session cookies in Plug.Session.COOKIE's format: term_to_binary, signed with the derived key. */
class CookieStoreFormatTest {

    private static final String SECRET = "pX7mQ2vK9sLr4TzW1nYb8HcE5jUa0GfD3kRt6VwN2qMx9ZeS7oPi4LhB1uCy8AdF";

    @Test
    void aSignedCookieIsTheSessionTermSignedAsPlugSignsIt() {
        CookieStore store = new CookieStore(SECRET, SessionOptions.defaults("_app_key", "signing salt"));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("user_id", 42);
        byte[] key = KeyGenerator.generate(SECRET, "signing salt", 1000, 32, KeyDigest.SHA256);

        String cookie = store.put(session);

        assertThat(cookie).isEqualTo(MessageVerifier.sign(Terms.encode(session), key));
        assertThat(store.get(cookie)).isEqualTo(Map.of("user_id", 42L));
    }

    @Test
    void aCookieWrittenTheElixirWayWithAtomKeysReadsBack() {
        CookieStore store = new CookieStore(SECRET, SessionOptions.defaults("_app_key", "signing salt"));
        byte[] key = KeyGenerator.generate(SECRET, "signing salt", 1000, 32, KeyDigest.SHA256);
        String elixirCookie = MessageVerifier.sign(Terms.encode(Map.of(Atom.of("locale"), "pt", "_csrf_token", "abc")), key);

        assertThat(store.get(elixirCookie)).isEqualTo(Map.of("locale", "pt", "_csrf_token", "abc"));
        assertThat(store.get(elixirCookie + "x")).isEmpty();
    }
}
