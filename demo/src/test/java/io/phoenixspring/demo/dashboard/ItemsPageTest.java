package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's own dashboard page (additional_pages): in the menu, and following the /list page's items. */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class ItemsPageTest {

    @Autowired
    LiveViewTest lv;

    @Test
    void itemsAddedOnTheListPageShowOnTheDashboardsItemsPage() {
        LiveViewTest.View page = lv.live("/dashboard/items");
        assertThat(page.pageTitle()).isEqualTo("Items");
        assertThat(page.hasElement("#menu-items.active")).isTrue();
        assertThat(page.hasElement("#menu-home")).isTrue();
        page.form("#refresh-form", Map.of("refresh", "1")).change();

        LiveViewTest.View list = lv.live("/list");
        list.form("#add-form", Map.of("text", "milk")).submit();
        list.form("#add-form", Map.of("text", "eggs")).submit();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Jsoup.parse(page.element("#items-count").render()).text()).isEqualTo("2");
            assertThat(Jsoup.parse(page.element("#items-latest").render()).text()).isEqualTo("eggs milk");
        });
    }
}
