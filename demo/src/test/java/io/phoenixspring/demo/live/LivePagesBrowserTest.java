package io.phoenixspring.demo.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live contract's pages in real headless Chromium (Debian's chromium and chromedriver, through
 * Selenium) with the official {@code phoenix} and {@code phoenix_live_view} clients the demo serves:
 * every bullet of {@code /counter}, {@code /form}, {@code /list} (two browsers), {@code /nav/:page},
 * the cards of {@code /components}, {@code /js} (JS commands, the Echo hook, the ping reply), {@code /crash},
 * a tampered session cookie, and the notes pages: a controller rendering HEEx with the core components in the
 * same layouts (a form POST, the flash, ErrorHTML's 404) and their LiveView (a modal form, a streamed table). {@code window.marker} survives only as long as the page is not reloaded,
 * which tells live updates from page loads.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Path> profiles = new ArrayList<>();
    private static WebDriver alice;
    private static WebDriver bob;

    @LocalServerPort
    int port;

    @Autowired
    ItemStore store;

    @BeforeAll
    static void startBrowsers() throws IOException {
        alice = browser();
        bob = browser();
    }

    @AfterAll
    static void stopBrowsers() throws IOException {
        for (WebDriver driver : new WebDriver[] {alice, bob}) {
            if (driver != null) {
                driver.quit();
            }
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void counterClicksChangeTheCountAndTitleAndTheResetLinkPatchesWithoutAReload() throws IOException {
        open(alice, "/counter?start=5");
        assertThat(alice.getTitle()).isEqualTo("Count 5 · Live");
        mark(alice);
        click(alice, "inc");
        waitFor(alice, "+1 shows 6 in the count and the title", d -> text(d, "count").equals("6") && d.getTitle().equals("Count 6 · Live"));
        click(alice, "inc-by");
        waitFor(alice, "+5 shows 11", d -> text(d, "count").equals("11") && d.getTitle().equals("Count 11 · Live"));
        click(alice, "dec");
        waitFor(alice, "-1 shows 10", d -> text(d, "count").equals("10") && d.getTitle().equals("Count 10 · Live"));
        screenshot(alice, "live-counter.png");
        click(alice, "reset-link");
        waitFor(alice, "the reset link patches to 0", d -> text(d, "count").equals("0") && d.getTitle().equals("Count 0 · Live"));
        assertThat(alice.getCurrentUrl()).isEqualTo(url("/counter?start=0"));
        assertNotReloaded(alice);
        // The served client is the version the server announces: no liveview_version mismatch, no error.
        assertThat(alice.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
    }

    @Test
    void theFormShowsErrorsOfUsedInputsThenAllOnSubmitAndAValidSubmitNavigatesWithTheFlash() throws IOException {
        open(alice, "/form");
        mark(alice);
        WebElement name = alice.findElement(By.id("user_name"));
        name.sendKeys("A");
        waitFor(alice, "the name's length error shows", d -> text(d, "user_name-errors").equals("should be at least 3 character(s)"));
        assertThat(text(alice, "user_email-errors")).as("the email was not used yet").isEmpty();
        name.sendKeys(Keys.BACK_SPACE);
        waitFor(alice, "an empty name is blank", d -> text(d, "user_name-errors").equals("can't be blank"));

        // Typing in the middle: the server's re-render leaves the focused input's value and caret alone.
        name.sendKeys("Ad");
        waitFor(alice, "the name's length error again", d -> text(d, "user_name-errors").equals("should be at least 3 character(s)"));
        name.sendKeys(Keys.ARROW_LEFT, "x");
        waitFor(alice, "a 3-character name is valid", d -> text(d, "user_name-errors").isEmpty());
        assertThat(name.getDomProperty("value")).isEqualTo("Axd");
        assertThat(js(alice, "return document.activeElement.id")).isEqualTo("user_name");
        assertThat(js(alice, "return document.activeElement.selectionStart")).isEqualTo(2L);
        assertThat(text(alice, "user_email-errors")).isEmpty();

        // A submit counts every input as used: the untouched email's error shows.
        click(alice, "save");
        waitFor(alice, "the email's error shows after the submit", d -> text(d, "user_email-errors").equals("must have the @ sign"));
        assertThat(text(alice, "user_name-errors")).isEmpty();
        screenshot(alice, "live-form-errors.png");

        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Ada");
        alice.findElement(By.id("user_email")).sendKeys("ada@example.com");
        waitFor(alice, "the email is valid", d -> text(d, "user_email-errors").isEmpty());
        click(alice, "save");
        waitFor(alice, "the valid submit navigates to /list with the flash",
                d -> d.getCurrentUrl().equals(url("/list")) && !d.findElements(By.id("flash-info")).isEmpty());
        assertThat(text(alice, "flash-info")).isEqualTo("Saved Ada");
        assertThat(alice.findElements(By.id("flash-error"))).isEmpty();
        assertThat(alice.getTitle()).isEqualTo("List · Live");
        assertThat(alice.findElements(By.id("items"))).hasSize(1);
        assertNotReloaded(alice);
        screenshot(alice, "live-form-saved.png");
        click(alice, "flash-info");
        waitFor(alice, "a click clears the flash", d -> d.findElements(By.id("flash-info")).isEmpty());
        assertNotReloaded(alice);
    }

    @Test
    void twoBrowsersOnTheListSeeEachOthersAddsAndDeletesWhileTagsShuffleForOneOnly() throws IOException {
        store.all().forEach(item -> store.delete(item.id()));
        open(alice, "/list");
        open(bob, "/list");
        mark(alice);
        mark(bob);
        assertThat(text(alice, "item-count")).isEqualTo("0");

        String milk = "milk " + Long.toString(System.nanoTime(), 36);
        alice.findElement(By.id("add-text")).sendKeys(milk);
        click(alice, "add");
        waitFor(bob, "bob sees alice's item", d -> items(d).equals(List.of(milk)) && text(d, "item-count").equals("1"));
        waitFor(alice, "alice sees her item", d -> items(d).equals(List.of(milk)) && text(d, "item-count").equals("1"));
        String id = alice.findElement(By.cssSelector("#items > li")).getAttribute("id").substring("items-".length());
        assertThat(id).matches("\\d+");

        bob.findElement(By.id("add-text")).sendKeys("eggs");
        click(bob, "add");
        waitFor(alice, "alice sees bob's item after hers", d -> items(d).equals(List.of(milk, "eggs")) && text(d, "item-count").equals("2"));
        screenshot(bob, "live-list-bob.png");

        click(bob, "delete-" + id);
        waitFor(alice, "alice sees bob's delete", d -> items(d).equals(List.of("eggs")) && text(d, "item-count").equals("1"));
        waitFor(bob, "bob sees his delete", d -> items(d).equals(List.of("eggs")) && text(d, "item-count").equals("1"));

        click(alice, "shuffle");
        waitFor(alice, "the tags rotate by one", d -> tags(d).equals(List.of("green", "blue", "red")));
        click(alice, "shuffle");
        waitFor(alice, "and again", d -> tags(d).equals(List.of("blue", "red", "green")));
        assertThat(tags(bob)).as("bob's tags are his own").containsExactly("red", "green", "blue");

        // Empty text adds nothing: after it, a shuffle's round trip, and still one item.
        alice.findElement(By.id("add-text")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "   ");
        click(alice, "add");
        click(alice, "shuffle");
        waitFor(alice, "the shuffle after the empty add", d -> tags(d).equals(List.of("red", "green", "blue")));
        assertThat(items(alice)).containsExactly("eggs");
        assertThat(store.size()).isEqualTo(1);
        assertNotReloaded(alice);
        assertNotReloaded(bob);
    }

    @Test
    void navPatchesCountHandleParamsPushPatchGoesTo100BackWorksAndNavigateChangesViewsWithoutAReload() {
        open(alice, "/nav/1");
        mark(alice);
        assertThat(text(alice, "page")).isEqualTo("1");
        assertThat(text(alice, "patched")).isEqualTo("1");
        click(alice, "next");
        waitFor(alice, "the patch shows page 2", d -> text(d, "page").equals("2") && text(d, "patched").equals("2"));
        assertThat(alice.getCurrentUrl()).isEqualTo(url("/nav/2"));
        click(alice, "push-patch");
        waitFor(alice, "the server's push_patch shows page 100", d -> text(d, "page").equals("100") && text(d, "patched").equals("3")
                && d.getCurrentUrl().equals(url("/nav/100")));
        alice.navigate().back();
        waitFor(alice, "back patches to page 2", d -> text(d, "page").equals("2") && text(d, "patched").equals("4")
                && d.getCurrentUrl().equals(url("/nav/2")));
        click(alice, "to-counter");
        waitFor(alice, "the navigate link shows the counter", d -> !d.findElements(By.id("count")).isEmpty()
                && text(d, "count").equals("0") && d.getCurrentUrl().equals(url("/counter")));
        assertThat(alice.getTitle()).isEqualTo("Count 0 · Live");
        alice.navigate().back();
        waitFor(alice, "back navigates to a new /nav/2 view", d -> !d.findElements(By.id("page")).isEmpty()
                && text(d, "page").equals("2") && text(d, "patched").equals("1") && d.getCurrentUrl().equals(url("/nav/2")));
        assertNotReloaded(alice);
    }

    @Test
    void componentsRenderTwoCardsWithTitleBodyAndFooter() {
        open(alice, "/components");
        for (String[] card : new String[][] {{"card-a", "Card A", "First card body.", "Footer A"},
                {"card-b", "Card B", "Second card body.", "Footer B"}}) {
            WebElement section = alice.findElement(By.id(card[0]));
            assertThat(section.getAttribute("class")).isEqualTo("card");
            assertThat(section.findElement(By.className("card-title")).getText()).isEqualTo(card[1]);
            assertThat(section.findElement(By.className("card-body")).getText()).isEqualTo(card[2]);
            assertThat(section.findElement(By.className("card-footer")).getText()).isEqualTo(card[3]);
        }
        assertThat(alice.getTitle()).isEqualTo("Components · Live");
    }

    @Test
    void liveComponentTogglesKeepTheirOwnStateAndNotifyTheParent() {
        open(alice, "/components");
        mark(alice);
        assertThat(text(alice, "toggle-1-state")).isEqualTo("off");
        assertThat(text(alice, "toggle-2-state")).isEqualTo("off");
        assertThat(text(alice, "parent-count")).isEqualTo("0");
        assertThat(alice.findElement(By.id("toggle-1-button")).getAttribute("phx-target")).isEqualTo("1");
        assertThat(alice.findElement(By.id("toggle-2-button")).getAttribute("phx-target")).isEqualTo("2");

        click(alice, "toggle-1-button");
        waitFor(alice, "toggle-1 turns on and the parent counts it", d -> text(d, "toggle-1-state").equals("on")
                && text(d, "parent-count").equals("1"));
        assertThat(text(alice, "toggle-2-state")).isEqualTo("off");
        click(alice, "toggle-2-button");
        waitFor(alice, "toggle-2 turns on and the parent counts it", d -> text(d, "toggle-2-state").equals("on")
                && text(d, "parent-count").equals("2"));
        assertThat(text(alice, "toggle-1-state")).isEqualTo("on");
        click(alice, "toggle-1-button");
        waitFor(alice, "toggle-1 turns off, toggle-2 stays on", d -> text(d, "toggle-1-state").equals("off")
                && text(d, "toggle-2-state").equals("on") && text(d, "parent-count").equals("3"));
        assertNotReloaded(alice);
    }

    @Test
    void jsCommandsRunInTheBrowserPingIsRepliedToAndTheEchoHookGetsItsGreeting() throws IOException {
        open(alice, "/js");
        mark(alice);
        assertThat(alice.getTitle()).isEqualTo("JS · Live");
        // The Echo hook pushed "hello" when it mounted; the server's push_event("greet", …) reached its handleEvent.
        waitFor(alice, "the hook writes the server's greeting", d -> text(d, "echo-out").equals("hello hook"));

        // From here on, record the WebSocket frames the client sends and receives.
        js(alice, "window.sent = []; const send = WebSocket.prototype.send;"
                + "WebSocket.prototype.send = function (data) { window.sent.push(String(data)); return send.call(this, data) };"
                + "window.received = []; liveSocket.getSocket().conn.addEventListener('message', e => window.received.push(e.data))");
        WebElement panel = alice.findElement(By.id("panel"));
        assertThat(panel.isDisplayed()).isTrue();
        click(alice, "toggle-panel");
        waitFor(alice, "JS.toggle hides the panel", d -> !d.findElement(By.id("panel")).isDisplayed());
        click(alice, "highlight");
        waitFor(alice, "JS.add_class adds hl", d -> d.findElement(By.id("panel")).getAttribute("class").equals("hl"));
        assertThat(js(alice, "return window.sent.concat(window.received)"
                + ".filter(f => !f.includes('heartbeat') && !f.includes('\"phoenix\"')).length"))
                .as("toggle and add_class stay in the browser").isEqualTo(0L);

        click(alice, "ping");
        waitFor(alice, "the ping's diff shows 1", d -> text(d, "pong").equals("1"));
        assertThat(js(alice, "return window.sent.filter(f => f.includes('\"event\"')).map(f => JSON.parse(f)[4])"))
                .isEqualTo(List.of(Map.of("type", "click", "event", "ping", "value", Map.of("value", ""))));
        assertThat(js(alice, "return window.received.map(f => JSON.parse(f)).filter(f => f[3] === 'phx_reply' && f[4].response.diff)"
                + ".map(f => f[4].response.diff.r)")).as("the reply reached the client").isEqualTo(List.of(Map.of("pong", 1L)));
        click(alice, "ping");
        waitFor(alice, "and 2", d -> text(d, "pong").equals("2"));
        // JS commands stick across the server's patches: still hidden, still highlighted.
        assertThat(alice.findElement(By.id("panel")).isDisplayed()).isFalse();
        assertThat(alice.findElement(By.id("panel")).getAttribute("class")).isEqualTo("hl");
        assertThat(text(alice, "echo-out")).as("phx-update=\"ignore\" keeps the hook's text").isEqualTo("hello hook");

        click(alice, "toggle-panel");
        waitFor(alice, "JS.toggle shows the panel again", d -> d.findElement(By.id("panel")).isDisplayed());
        screenshot(alice, "live-js.png");
        assertNotReloaded(alice);
        assertThat(alice.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
    }

    @Test
    void aCrashShowsPhxErrorThenTheViewIsBackWithItsMountStateAndOthersAreUnaffected() throws IOException {
        open(bob, "/counter");
        watchForErrors(bob);
        open(alice, "/crash");
        mark(alice);
        watchForErrors(alice);
        assertThat(text(alice, "mounted")).isEqualTo("live");
        js(alice, "document.getElementById('mounted').textContent = 'changed by the page'");
        click(alice, "boom");
        waitFor(alice, "the container gets phx-error", d -> Boolean.TRUE.equals(js(d, "return window.sawError")));
        waitFor(alice, "the view rejoins and renders its mount state", d -> d.findElements(By.cssSelector(".phx-error")).isEmpty()
                && connected(d) && text(d, "mounted").equals("live"));
        assertNotReloaded(alice);
        screenshot(alice, "live-crash-back.png");
        assertThat(js(bob, "return window.sawError")).as("bob's page saw no error").isEqualTo(false);
        click(bob, "inc");
        waitFor(bob, "bob's counter still works", d -> text(d, "count").equals("1"));
    }

    @Test
    void controllerPagesRenderHeexInTheSharedLayoutsAndALiveViewUsesTheSameCoreComponents() throws IOException {
        // A controller page (no LiveView on it): the root and app layouts, a plain form POST with the page's token.
        String title = "note " + Long.toString(System.nanoTime(), 36);
        alice.get(url("/notes"));
        assertThat(alice.getTitle()).isEqualTo("Notes · Live");
        assertThat(alice.findElements(By.cssSelector("nav.pages a[href='/counter']"))).hasSize(1);
        assertThat(alice.findElements(By.cssSelector("[data-phx-main]"))).isEmpty();
        alice.findElement(By.name("note[title]")).sendKeys(title);
        alice.findElement(By.name("note[body]")).sendKeys("typed in Chromium");
        click(alice, "save-note");
        waitFor(alice, "the POST redirects to the note, with the flash in the app layout",
                d -> d.getCurrentUrl().matches(java.util.regex.Pattern.quote(url("/notes/")) + "\\d+")
                        && !d.findElements(By.id("flash-info")).isEmpty());
        assertThat(text(alice, "flash-info")).contains("Note \"" + title + "\" created.");
        assertThat(alice.findElement(By.tagName("dl")).getText()).contains(title, "typed in Chromium");
        assertThat(alice.getTitle()).isEqualTo(title + " · Live");
        screenshot(alice, "notes-show.png");

        // A blank title: the same page again (422), the error under its input.
        alice.get(url("/notes"));
        click(alice, "save-note");
        waitFor(alice, "the blank title's error", d -> d.findElement(By.id("note-form")).getText().contains("can't be blank"));
        screenshot(alice, "notes-invalid.png");

        // ErrorHTML's 404 (the controller's action fallback), in the same layouts.
        alice.get(url("/notes/999999"));
        assertThat(text(alice, "error-reason")).isEqualTo("404: no note 999999");
        assertThat(alice.findElements(By.cssSelector("nav.pages"))).hasSize(1);
        screenshot(alice, "notes-404.png");

        // The browser logged the 422 and the 404 as failed loads: those were wanted, the LiveView's part must add none.
        assertThat(alice.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .extracting(entry -> entry.getMessage().replaceAll(".* status of ", ""))
                .containsExactly("422 (Unprocessable Entity)", "404 (Not Found)");

        // The LiveView: the controller's note in the streamed table, the modal's form validating and saving.
        open(alice, "/notes/live");
        mark(alice);
        assertThat(alice.findElement(By.id("live-notes")).getText()).contains(title);
        click(alice, "new-note");
        waitFor(alice, "the patch opens the modal", d -> d.getCurrentUrl().equals(url("/notes/live/new"))
                && !d.findElements(By.id("note-modal")).isEmpty() && d.findElement(By.id("note-modal")).isDisplayed());
        WebElement modalTitle = alice.findElement(By.cssSelector("#live-note-form input[name='note[title]']"));
        modalTitle.sendKeys("x");
        modalTitle.sendKeys(Keys.BACK_SPACE);
        waitFor(alice, "the used, blank title's error", d -> d.findElement(By.id("live-note-form")).getText().contains("can't be blank"));
        String live = "live " + title;
        modalTitle.sendKeys(live);
        waitFor(alice, "the error goes", d -> !d.findElement(By.id("live-note-form")).getText().contains("can't be blank"));
        screenshot(alice, "notes-live-modal.png");
        click(alice, "save-live-note");
        waitFor(alice, "the save closes the modal and streams the row in", d -> d.getCurrentUrl().equals(url("/notes/live"))
                && d.findElements(By.id("note-modal")).isEmpty() && d.findElement(By.id("live-notes")).getText().contains(live));
        assertThat(text(alice, "flash-info")).contains("Note \"" + live + "\" created.");
        assertNotReloaded(alice);
        assertThat(alice.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
    }

    @Test
    void aTamperedSessionCookieMakesTheJoinStaleAndTheClientReloads() {
        open(alice, "/counter?start=3");
        mark(alice);
        Cookie cookie = alice.manage().getCookieNamed("_phoenix_key");
        alice.manage().deleteCookieNamed("_phoenix_key");
        alice.manage().addCookie(new Cookie("_phoenix_key", cookie.getValue() + "x", "/"));
        js(alice, "liveSocket.disconnect(); liveSocket.connect()");
        waitFor(alice, "the stale join reloads the page", d -> js(d, "return window.marker") == null);
        waitFor(alice, "the reloaded page joins", LivePagesBrowserTest::connected);
        assertThat(text(alice, "count")).isEqualTo("3");
        assertThat(alice.manage().getCookieNamed("_phoenix_key").getValue()).isNotEqualTo(cookie.getValue() + "x");
    }

    // --- the page ---

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Loads the page and waits until its LiveView joined. */
    private void open(WebDriver driver, String path) {
        driver.get(url(path));
        waitFor(driver, path + " joins", LivePagesBrowserTest::connected);
    }

    private static boolean connected(WebDriver driver) {
        return driver.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class").contains("phx-connected");
    }

    private static void mark(WebDriver driver) {
        js(driver, "window.marker = 'same page'");
    }

    private static void assertNotReloaded(WebDriver driver) {
        assertThat(js(driver, "return window.marker")).as("no page load since the mark").isEqualTo("same page");
    }

    /** Remembers, in {@code window.sawError}, whether any element ever got the {@code phx-error} class. */
    private static void watchForErrors(WebDriver driver) {
        js(driver, "window.sawError = false; new MutationObserver(() => { if (document.querySelector('.phx-error')) "
                + "window.sawError = true }).observe(document.body, {attributes: true, subtree: true})");
    }

    private static void click(WebDriver driver, String id) {
        driver.findElement(By.id(id)).click();
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static List<String> items(WebDriver driver) {
        return driver.findElements(By.cssSelector("#items > li .text")).stream().map(WebElement::getText).toList();
    }

    private static List<String> tags(WebDriver driver) {
        return driver.findElements(By.cssSelector("#tags .tag")).stream().map(WebElement::getText).toList();
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class).until(check::apply);
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Debian's chromium and chromedriver, headless, with a throw-away profile. */
    private static WebDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("demo-live-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }
}
