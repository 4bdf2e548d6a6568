package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.live.ItemStore;
import io.phoenixspring.demo.web.Notes;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's threads page in-process: a thread the test starts is listed, found by name, its stack shown. */
@PhoenixTest(components = {ItemStore.class, Notes.class})
class ThreadsPageTest {

    @Autowired
    LiveViewTest lv;

    /** The table's body, parsed inside a table (a lone tbody's rows would be dropped by the HTML parser). */
    private static Document rows(LiveViewTest.View page) {
        return Jsoup.parse("<table>" + page.element("#threads-rows").render() + "</table>");
    }

    @Test
    void aThreadStartedByTheTestIsListedFilteredAndItsStackShown() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        String name = "threads-page-test-" + System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        try {
            LiveViewTest.View page = lv.live("/dashboard/threads");
            assertThat(page.pageTitle()).isEqualTo("Threads");
            assertThat(page.hasElement("#menu-threads.active")).isTrue();
            // Started before the page: in the first sample, unless 100 busier threads hide it.
            assertThat(page.hasElement("#threads-count")).isTrue();

            page.form("#threads-search", Map.of("search", name.toUpperCase())).change();
            Document table = rows(page);
            assertThat(table.select("tr")).hasSize(1);
            assertThat(table.selectFirst("tr").attr("id")).isEqualTo("thread-" + thread.getId());
            assertThat(table.selectFirst(".thread-name").text()).isEqualTo(name);
            assertThat(table.selectFirst(".thread-state").text()).isEqualTo("WAITING");
            assertThat(table.selectFirst(".thread-daemon").text()).isEqualTo("no");

            page.element("#thread-" + thread.getId()).click();
            assertThat(page.element("#thread-stack-title").render()).contains(name);
            assertThat(page.element("#thread-stack-frames").render())
                    .contains("aThreadStartedByTheTestIsListedFilteredAndItsStackShown")
                    .contains("CountDownLatch.await");
            page.element("#thread-stack-close").click();
            assertThat(page.hasElement("#thread-stack")).isFalse();

            // Sorting: by name A→Z, clicked again Z→A.
            page.form("#threads-search", Map.of("search", "")).change();
            page.element("#threads-sort-name").click();
            assertThat(page.element("#threads-table").render()).contains("data-sort-by=\"name\"").contains("data-sort-dir=\"asc\"");
            var names = rows(page).select(".thread-name").eachText();
            assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            page.element("#threads-sort-name").click();
            assertThat(page.element("#threads-table").render()).contains("data-sort-dir=\"desc\"");
            assertThat(names.size()).isLessThanOrEqualTo(100);
        } finally {
            stop.countDown();
            thread.join();
        }
    }
}
