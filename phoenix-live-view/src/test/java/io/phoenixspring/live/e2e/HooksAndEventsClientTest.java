package io.phoenixspring.live.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phoenixspring.live.support.EventsLive;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The official {@code phoenix_live_view} 1.0.19 client in headless Chromium sending what
 * HooksAndEventsTest sends by hand: a hook's pushEvent with its reply callback and handleEvent, a
 * hook's non-object payload, phx-keydown with phx-value-*, phx-keyup with phx-key, phx-window-keydown,
 * phx-focus/phx-blur, a phx-debounce'd phx-change and a phx-throttle'd click; the view records each
 * event's value, which must be exactly what the raw-frame test assumes.
 */
class HooksAndEventsClientTest {

    static LiveServer server;
    static WebDriver browser;
    static Path profile;
    static final EventsLive EVENTS = new EventsLive();

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.builder().appLayout().rootLayout(LiveServer.scriptedRootLayout())
                .view(EVENTS, EventsLive.TEMPLATE)
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash()).plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser").get("/events", live.route(EventsLive.class)))
                        .build())
                .start();
        profile = Files.createTempDirectory("live-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void open() {
        browser.get(server.url("/events"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[data-phx-main]"))
                .getAttribute("class").contains("phx-connected"));
        EVENTS.take();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Waits until the view recorded {@code count} events, and returns them. */
    private static List<List<Object>> received(int count) {
        List<List<Object>> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            all.addAll(EVENTS.take());
            return all.size() >= count;
        });
        return all;
    }

    @Test
    void aHookPushesEventsGetsItsReplyAndHandlesTheServersPushEvent() {
        js("""
                window.hookLog = [];
                liveSocket.hooks.Pusher = {
                  mounted() {
                    this.handleEvent("server-said", payload => window.hookLog.push(["pushed", payload]));
                    this.pushEvent("hook-ping", {n: 1}, (reply, ref) => window.hookLog.push(["reply", reply]));
                    this.pushEvent("hook-list", [1, "two"]);
                  }
                };""");
        browser.findElement(By.id("show-hook")).click();
        assertThat(received(2)).containsExactly(List.of("hook-ping", Map.of("n", 1)), List.of("hook-list", List.of(1, "two")));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((List<?>) js("return window.hookLog")).size() == 2);
        assertThat(js("return JSON.stringify(window.hookLog.find(e => e[0] === 'reply'))")).isEqualTo("[\"reply\",{\"pong\":2}]");
        assertThat(js("return JSON.stringify(window.hookLog.find(e => e[0] === 'pushed'))"))
                .isEqualTo("[\"pushed\",{\"text\":\"pinged 1\"}]");
    }

    @Test
    void keyEventsSendTheKeyThePhxValuesAndTheValueAsTheInputHadIt() {
        browser.findElement(By.id("keys")).sendKeys("ab");
        assertThat(received(2)).containsExactly(
                List.of("key", Map.of("key", "a", "extra", "x", "value", "")),
                List.of("key", Map.of("key", "b", "extra", "x", "value", "a")));

        // phx-key="Enter": the other keys are not sent.
        browser.findElement(By.id("enter")).sendKeys("hi", Keys.ENTER);
        assertThat(received(1)).containsExactly(List.of("enter", Map.of("key", "Enter", "value", "hi")));

        // phx-window-keydown with phx-key="Escape": keys pressed anywhere; a div has no value.
        js("document.activeElement.blur()");
        new Actions(browser).sendKeys("z").sendKeys(Keys.ESCAPE).perform();
        assertThat(received(1)).containsExactly(List.of("window-key", Map.of("key", "Escape")));
    }

    @Test
    void focusAndBlurThenADebouncedChangeAndAThrottledClick() throws Exception {
        browser.findElement(By.id("focus")).click();
        browser.findElement(By.id("count")).click();
        assertThat(received(2)).containsExactly(List.of("focused", Map.of("value", "f")), List.of("blurred", Map.of("value", "f")));

        // phx-debounce="300": three keys in a row make one phx-change, once typing paused.
        browser.findElement(By.id("q")).sendKeys("abc");
        assertThat(received(1)).containsExactly(List.of("search", Map.of("q", "abc", "_target", List.of("q"))));
        Thread.sleep(500);
        assertThat(EVENTS.take()).isEmpty();

        // phx-throttle="1000": clicks in a row make the first click's event at once, the rest at most once a second.
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.id("throttled")).click();
        }
        List<List<Object>> throttled = received(1);
        Thread.sleep(1300);
        throttled.addAll(EVENTS.take());
        assertThat(throttled).hasSizeBetween(1, 2).allMatch(event -> event.equals(List.of("throttled", Map.of("value", ""))));
    }
}
