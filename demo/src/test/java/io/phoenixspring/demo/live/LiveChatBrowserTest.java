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
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The LiveView chat ({@code /live-chat}) and the JavaScript chat page ({@code /}, the official {@code phoenix}
 * client on the {@code room:*} channel) in the same room, each in its own headless Chromium (Debian's chromium and
 * chromedriver, through Selenium): messages both ways, and each sees the other join and leave. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Path> profiles = new ArrayList<>();
    /** On the JavaScript chat page. */
    private static WebDriver js;
    /** On the LiveView chat. */
    private static WebDriver live;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowsers() throws IOException {
        js = browser();
        live = browser();
    }

    @AfterAll
    static void stopBrowsers() throws IOException {
        for (WebDriver driver : new WebDriver[] {js, live}) {
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
    void messagesGoFromTheJavaScriptPageToTheLiveViewAndBack() throws IOException {
        joinJsPage("jo", "interop-messages");
        openLiveChat("/live-chat?user=liv&room=interop-messages");

        say(js, "hello from the JS page");
        waitFor(live, "the LiveView shows the JS page's message", d -> messages(d).equals(List.of("jo: hello from the JS page")));

        WebElement input = live.findElement(By.id("message"));
        input.sendKeys("hi from the LiveView", Keys.ENTER);
        waitFor(js, "the JS page shows the LiveView's message",
                d -> messages(d).equals(List.of("jo: hello from the JS page", "liv: hi from the LiveView")));
        waitFor(live, "the LiveView shows its own message, from the topic",
                d -> messages(d).equals(List.of("jo: hello from the JS page", "liv: hi from the LiveView")));
        waitFor(live, "the sent message leaves the input", d -> d.findElement(By.id("message")).getDomProperty("value").isEmpty());
        assertThat(js(live, "return document.activeElement.id")).as("still typing in the message box").isEqualTo("message");
        assertThat(live.findElement(By.cssSelector("#messages li.mine .body")).getText()).isEqualTo("hi from the LiveView");
        screenshot(live, "live-chat-messages.png");
        screenshot(js, "live-chat-js-page-messages.png");
        assertNoConsoleErrors(live);
    }

    @Test
    void eachSeesTheOtherJoinAndLeave() throws IOException {
        joinJsPage("jay", "interop-presence");
        waitFor(js, "the JS page lists its user", d -> online(d).equals(List.of("jay")));

        // The LiveView joins through its form: both list both.
        openLiveChat("/live-chat");
        live.findElement(By.id("name")).sendKeys("lena");
        WebElement room = live.findElement(By.id("room"));
        room.clear();
        room.sendKeys("interop-presence");
        live.findElement(By.id("join")).click();
        waitFor(live, "the LiveView lists both", d -> online(d).equals(List.of("jay", "lena")));
        waitFor(js, "the JS page sees the LiveView join", d -> online(d).equals(List.of("jay", "lena")));
        assertThat(live.getCurrentUrl()).endsWith("/live-chat?user=lena&room=interop-presence");
        screenshot(live, "live-chat-presence.png");

        // The LiveView leaves (a patch), then comes back (a patch), then its page goes away.
        live.findElement(By.id("leave")).click();
        waitFor(js, "the JS page sees the LiveView leave", d -> online(d).equals(List.of("jay")));
        live.findElement(By.id("join")).click();
        waitFor(js, "the JS page sees the LiveView back", d -> online(d).equals(List.of("jay", "lena")));
        live.get(url("/counter"));
        waitFor(js, "the JS page sees the LiveView's page go", d -> online(d).equals(List.of("jay")));

        // The JS user leaves and comes back: the LiveView sees both.
        openLiveChat("/live-chat?user=lena&room=interop-presence");
        waitFor(live, "the LiveView lists both again", d -> online(d).equals(List.of("jay", "lena")));
        js.findElement(By.id("leave")).click();
        waitFor(live, "the LiveView sees the JS user leave", d -> online(d).equals(List.of("lena")));
        joinJsPage("jay", "interop-presence");
        waitFor(live, "the LiveView sees the JS user join", d -> online(d).equals(List.of("jay", "lena")));

        // The same user on both pages is one user with two tabs, on both.
        openLiveChat("/live-chat?user=jay&room=interop-presence");
        waitFor(js, "the JS page lists jay once with two tabs", d -> online(d).equals(List.of("jay"))
                && onlineDetail(d, "jay").equals("online · 2 tabs"));
        waitFor(live, "the LiveView lists jay once with two tabs", d -> online(d).equals(List.of("jay"))
                && onlineDetail(d, "jay").equals("online · 2 tabs"));
        assertNoConsoleErrors(live);
    }

    // --- the pages ---

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void joinJsPage(String name, String room) {
        js.get(url("/"));
        js.findElement(By.id("name")).sendKeys(name);
        WebElement roomInput = js.findElement(By.id("room"));
        roomInput.clear();
        roomInput.sendKeys(room);
        js.findElement(By.id("join")).click();
        waitFor(js, name + " joins on the JS page", d -> d.findElement(By.id("chat")).isDisplayed()
                && d.findElement(By.id("connection")).getAttribute("data-state").equals("connected"));
    }

    private void openLiveChat(String path) {
        live.get(url(path));
        waitFor(live, path + " joins", d -> d.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class")
                .contains("phx-connected"));
    }

    private static void say(WebDriver driver, String text) {
        driver.findElement(By.id("message")).sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    /** Both pages: {@code #messages li} with {@code .user} and {@code .body}. */
    private static List<String> messages(WebDriver driver) {
        return driver.findElements(By.cssSelector("#messages li")).stream()
                .map(li -> li.findElement(By.className("user")).getText() + ": " + li.findElement(By.className("body")).getText())
                .toList();
    }

    /** Both pages: {@code #online li[data-user]}. */
    private static List<String> online(WebDriver driver) {
        return driver.findElements(By.cssSelector("#online li")).stream().map(li -> li.getAttribute("data-user")).toList();
    }

    private static String onlineDetail(WebDriver driver, String user) {
        return driver.findElements(By.cssSelector("#online li[data-user='" + user + "'] .tabs")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    private static void assertNoConsoleErrors(WebDriver driver) {
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
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
        Path profile = Files.createTempDirectory("demo-live-chat-chromium-");
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
