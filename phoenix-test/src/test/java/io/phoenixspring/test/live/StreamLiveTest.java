package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Streams kept in the view's DOM as the client keeps them: the server forgets the items once sent. */
@PhoenixTest
class StreamLiveTest {

    @Autowired
    LiveViewTest lv;

    private static List<String> items(LiveViewTest.View view) {
        return Jsoup.parse(view.element("#items").render()).select("li").stream().map(li -> li.id() + ":" + li.text()).toList();
    }

    @Test
    void insertsUpdatesDeletesLimitsAndResets() {
        LiveViewTest.View view = lv.live("/list");
        assertThat(items(view)).containsExactly("items-1:milk", "items-2:eggs");

        view.renderClick("add", Map.of("id", "3", "text", "bread"));
        assertThat(items(view)).containsExactly("items-1:milk", "items-2:eggs", "items-3:bread");

        view.renderClick("first", Map.of("id", "0", "text", "tea"));
        assertThat(items(view)).containsExactly("items-0:tea", "items-1:milk", "items-2:eggs", "items-3:bread");

        view.renderClick("add", Map.of("id", "2", "text", "brown eggs"));
        assertThat(items(view)).containsExactly("items-0:tea", "items-1:milk", "items-2:brown eggs", "items-3:bread");

        view.renderClick("delete", Map.of("id", "1"));
        assertThat(items(view)).containsExactly("items-0:tea", "items-2:brown eggs", "items-3:bread");

        view.renderClick("recent", Map.of("id", "4", "text", "jam"));
        assertThat(items(view)).containsExactly("items-2:brown eggs", "items-3:bread", "items-4:jam");

        view.renderClick("reset");
        assertThat(items(view)).containsExactly("items-9:fresh");
        assertThat(view.hasElement("#items-3")).isFalse();
        assertThat(view.hasElement("#items li", "fresh")).isTrue();
    }
}
