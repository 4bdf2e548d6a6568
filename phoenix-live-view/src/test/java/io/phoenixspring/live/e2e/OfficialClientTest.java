package io.phoenixspring.live.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.support.CounterLive;
import io.phoenixspring.live.support.HandTemplates;
import io.phoenixspring.live.support.LiveServer;
import io.phoenixspring.live.support.NotesLive;
import io.phoenixspring.live.support.TestViews;
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The official {@code phoenix} 1.8.16 and {@code phoenix_live_view} 1.0.19 clients (npm, pinned by
 * src/test/js/package-lock.json) in headless Chromium, against the runtime with hand-written templates:
 * the dead render, the join, clicks, the title, live patch, live navigation and back, flash, a crash and
 * its rejoin, streams fed by PubSub, and a stale session that makes the client reload.
 */
class OfficialClientTest {

    static LiveServer server;
    static WebDriver browser;
    static Path profile;
    static final TestViews.ShowLive SHOW = new TestViews.ShowLive();

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.builder().appLayout().rootLayout(LiveServer.scriptedRootLayout())
                .view(new CounterLive(), HandTemplates.COUNTER)
                .view(SHOW, HandTemplates.SHOW)
                .view(new TestViews.OtherLive(), HandTemplates.VALUE)
                .view(new TestViews.StreamLive(), HandTemplates.STREAM)
                .view(new NotesLive(), NotesLive.TEMPLATE)
                .bean(NotesLive.Note.class, new NotesLive.Note())
                .router(live -> Router.builder()
                        .pipeline("browser", p -> p.plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                                .plug(Plugs.protectFromForgery()))
                        .scope("/", s -> s.pipeThrough("browser")
                                .get("/counter", live.route(CounterLive.class))
                                .get("/show", live.route(TestViews.ShowLive.class))
                                .get("/other", live.route(TestViews.OtherLive.class))
                                .get("/stream", live.route(TestViews.StreamLive.class))
                                .get("/notes", live.route(NotesLive.class)))
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

    private static <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void open(String path) {
        browser.get(server.url(path));
        until(d -> d.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class").contains("phx-connected"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void counterClicksTitleAndLivePatchWithoutAReload() {
        open("/counter?start=5");
        assertThat(browser.getTitle()).isEqualTo("Count 5 · Live");
        browser.findElement(By.id("inc")).click();
        until(d -> text("count").equals("6"));
        until(d -> d.getTitle().equals("Count 6 · Live"));
        browser.findElement(By.id("inc-by")).click();
        until(d -> text("count").equals("11"));
        browser.findElement(By.id("dec")).click();
        until(d -> text("count").equals("10"));
        js("window.marker = 'same page'");
        browser.findElement(By.id("reset-link")).click();
        until(d -> text("count").equals("0"));
        assertThat(browser.getCurrentUrl()).endsWith("/counter?start=0");
        assertThat(js("return window.marker")).isEqualTo("same page");
        assertThat(js("return document.querySelectorAll('.phx-error').length")).isEqualTo(0L);
    }

    @Test
    void liveNavigationToAnotherViewAndBackWithoutAReload() {
        open("/show");
        until(d -> text("value").equals("live"));
        js("window.marker = 'same page'");
        browser.findElement(By.id("to-counter")).click();
        until(d -> !d.findElements(By.id("count")).isEmpty() && text("count").equals("0"));
        assertThat(browser.getCurrentUrl()).endsWith("/counter");
        browser.navigate().back();
        until(d -> !d.findElements(By.id("value")).isEmpty() && text("value").equals("live"));
        assertThat(browser.getCurrentUrl()).endsWith("/show");
        assertThat(js("return window.marker")).isEqualTo("same page");
    }

    @Test
    void pushNavigateCarriesTheFlashWhichAClickClears() {
        open("/show");
        js("window.marker = 'same page'");
        browser.findElement(By.id("navigate")).click();
        until(d -> !d.findElements(By.id("flash-info")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/other");
        assertThat(text("flash-info")).isEqualTo("Saved Ada");
        assertThat(text("value")).isEqualTo("Saved Ada");
        assertThat(browser.getTitle()).isEqualTo("Other · Live");
        browser.findElement(By.id("flash-info")).click();
        until(d -> d.findElements(By.id("flash-info")).isEmpty());
        assertThat(js("return window.marker")).isEqualTo("same page");
    }

    @Test
    void aCrashShowsPhxErrorAndTheRejoinMountsAfresh() {
        open("/show");
        int mounts = SHOW.mounts.get();
        js("window.marker = 'same page'");
        js("window.sawError = false; new MutationObserver(() => { if (document.querySelector('.phx-error')) window.sawError = true })"
                + ".observe(document.body, {attributes: true, subtree: true})");
        browser.findElement(By.id("boom")).click();
        until(d -> Boolean.TRUE.equals(js("return window.sawError")));
        until(d -> SHOW.mounts.get() > mounts && d.findElements(By.cssSelector(".phx-error")).isEmpty()
                && d.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class").contains("phx-connected"));
        assertThat(text("value")).isEqualTo("live");
        assertThat(js("return window.marker")).isEqualTo("same page");
    }

    @Test
    void liveComponentsKeepTheirStateAndTheClientsDestroyHandshakeDeletesARemovedOne() {
        open("/notes");
        js("window.received = []; liveSocket.getSocket().conn.addEventListener('message', e => window.received.push(e.data))");
        browser.findElement(By.id("b-bump")).click();
        until(d -> text("b-clicks").equals("1"));
        browser.findElement(By.id("a-bump")).click();
        until(d -> text("a-clicks").equals("1"));
        assertThat(text("b-clicks")).isEqualTo("1");
        browser.findElement(By.id("remove-a")).click();
        until(d -> d.findElements(By.id("a")).isEmpty());
        // The client tells the server (cids_will_destroy, then cids_destroyed) and the server answers the deleted cid.
        until(d -> String.valueOf(js("return window.received.join('\\n')")).contains("{\"cids\":[1]}"));
        // Added again: a new component (cid 3, sharing the statics of cid 2's tree), mounted afresh.
        browser.findElement(By.id("add-a")).click();
        until(d -> !d.findElements(By.id("a")).isEmpty());
        assertThat(text("a-clicks")).isEqualTo("0");
        assertThat(browser.findElement(By.id("a-bump")).getAttribute("phx-target")).isEqualTo("3");
        browser.findElement(By.id("a-bump")).click();
        until(d -> text("a-clicks").equals("1"));
        assertThat(text("b-clicks")).isEqualTo("1");
        assertThat(js("return document.querySelectorAll('.phx-error').length")).isEqualTo(0L);
    }

    @Test
    void streamItemsArriveAndLeaveThroughPubSub() {
        open("/stream");
        assertThat(browser.findElements(By.cssSelector("#items > li"))).hasSize(2);
        server.pubSub.broadcast("live:stream", new TestViews.StreamLive.Insert(56, "milk mxbtq0sd"));
        until(d -> !d.findElements(By.id("items-56")).isEmpty());
        assertThat(text("items-56")).isEqualTo("milk mxbtq0sd");
        server.pubSub.broadcast("live:stream", new TestViews.StreamLive.Delete(1));
        until(d -> d.findElements(By.id("items-1")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#items > li")).stream().map(e -> e.getAttribute("id")).toList())
                .containsExactly("items-2", "items-56");
    }

    @Test
    void aTamperedSessionCookieMakesTheJoinStaleAndTheClientReloads() {
        open("/counter?start=3");
        js("window.marker = 'same page'");
        Cookie cookie = browser.manage().getCookieNamed(LiveServer.COOKIE);
        browser.manage().deleteCookieNamed(LiveServer.COOKIE);
        browser.manage().addCookie(new Cookie(LiveServer.COOKIE, cookie.getValue() + "x", "/"));
        js("liveSocket.disconnect(); liveSocket.connect()");
        // Stale: the client reloads the page, which renders and joins afresh with a new session.
        until(d -> js("return window.marker") == null);
        until(d -> d.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class").contains("phx-connected"));
        assertThat(text("count")).isEqualTo("3");
    }
}
