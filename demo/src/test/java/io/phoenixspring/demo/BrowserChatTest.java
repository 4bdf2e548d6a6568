package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat page in real headless Chromium (Debian's chromium and chromedriver, through Selenium):
 * two browsers join the same room, exchange messages, see each other in the presence list (a
 * second tab of the same user is listed once), one closes and disappears from the other's list;
 * then the server restarts and the page reconnects, rejoins and chats on.
 *
 * <p>The demo's notices on the page: a direct notice posted for one user shows on that user's page
 * only, and when a user's last tab closes the other page shows "U went offline" (once: closing one
 * of two tabs says nothing).
 *
 * <p>The application runs on a fixed free port so that it can be stopped and started again on
 * the same address. Screenshots go to {@code target/screenshots/}.
 */
class BrowserChatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROOM = "browsers";

    private static int port;
    private static ConfigurableApplicationContext app;
    private static final List<Path> profiles = new ArrayList<>();
    private static final List<WebDriver> drivers = new ArrayList<>();

    @BeforeAll
    static void startApp() throws IOException {
        port = freePort();
        app = startDemo(port);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        for (WebDriver driver : drivers) {
            try {
                driver.quit();
            } catch (RuntimeException alreadyGone) {
                // quit twice is fine
            }
        }
        if (app != null) {
            app.close();
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void twoBrowsersChatSeeEachOtherAndSurviveARestart() throws Exception {
        WebDriver alice = browser();
        WebDriver bob = browser();

        join(alice, "alice");
        waitFor(alice, "alice is connected", d -> connection(d).equals("connected"));
        waitFor(alice, "alice sees herself online", d -> online(d).equals(List.of("alice")));

        join(bob, "bob");
        waitFor(bob, "bob sees both", d -> online(d).equals(List.of("alice", "bob")));
        waitFor(alice, "alice sees bob join", d -> online(d).equals(List.of("alice", "bob")));

        say(alice, "hello from alice");
        waitFor(bob, "bob receives alice's message", d -> messages(d).contains("alice: hello from alice"));
        say(bob, "hi alice, bob here");
        waitFor(alice, "alice receives bob's reply", d -> messages(d).contains("bob: hi alice, bob here"));
        waitFor(bob, "bob sees his own message", d -> messages(d).contains("bob: hi alice, bob here"));
        assertThat(messages(alice)).containsExactly("alice: hello from alice", "bob: hi alice, bob here");

        // A second tab of alice: she is listed once, with two tabs, on both pages.
        String firstTab = alice.getWindowHandle();
        alice.switchTo().newWindow(WindowType.TAB);
        join(alice, "alice");
        waitFor(alice, "alice's second tab is connected", d -> connection(d).equals("connected"));
        waitFor(bob, "bob sees alice once with two tabs", d -> online(d).equals(List.of("alice", "bob"))
                && onlineDetail(d, "alice").contains("2 tabs"));
        waitFor(alice, "alice's second tab lists her once", d -> online(d).equals(List.of("alice", "bob")));
        screenshot(bob, "chat-bob-sees-alice-twice.png");
        alice.close();
        alice.switchTo().window(firstTab);
        waitFor(bob, "alice is back to one tab", d -> !onlineDetail(d, "alice").contains("tabs"));

        // A status change is a presence update the other page shows.
        new org.openqa.selenium.support.ui.Select(alice.findElement(By.id("status"))).selectByValue("away");
        waitFor(bob, "bob sees alice away", d -> onlineDetail(d, "alice").equals("away"));

        // A message through the HTTP API reaches both pages.
        post("/api/rooms/" + ROOM + "/messages", "{\"body\":\"from the API\"}");
        waitFor(alice, "alice sees the system message", d -> messages(d).contains("system: from the API"));
        waitFor(bob, "bob sees the system message", d -> messages(d).contains("system: from the API"));
        screenshot(alice, "chat-alice.png");

        // Bob closes his browser: he leaves alice's list.
        bob.quit();
        drivers.remove(bob);
        waitFor(alice, "bob disappears from alice's list", d -> online(d).equals(List.of("alice")));

        // The server restarts: the page shows reconnecting, then connects, rejoins and chats on.
        app.close();
        app = null;
        waitFor(alice, "alice's page shows reconnecting", d -> connection(d).equals("reconnecting"));
        screenshot(alice, "chat-alice-reconnecting.png");
        app = startDemo(port);
        waitFor(alice, "alice's page reconnects", d -> connection(d).equals("connected"));
        waitFor(alice, "alice is listed again after the rejoin", d -> online(d).equals(List.of("alice")));
        waitFor(alice, "the page restores alice's status on the rejoin", d -> onlineDetail(d, "alice").equals("away"));
        say(alice, "still here after the restart");
        waitFor(alice, "the message after the restart arrives",
                d -> messages(d).contains("alice: still here after the restart"));
        screenshot(alice, "chat-alice-after-restart.png");
    }

    @Test
    void noticesShowDirectNoticesAndWhoWentOffline() throws Exception {
        WebDriver carol = browser();
        WebDriver dave = browser();
        join(carol, "carol", "terrace");
        join(dave, "dave", "terrace");
        dave.switchTo().newWindow(WindowType.TAB);
        join(dave, "dave", "terrace");
        waitFor(carol, "carol sees dave with two tabs", d -> onlineDetail(d, "dave").contains("2 tabs"));
        waitFor(carol, "carol's page listens to the notices", d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.demo.notices !== null && window.demo.notices.state === 'joined'")));

        // A direct notice for carol shows on her page; dave's page shows only the one sent to him.
        post("/api/users/carol/notices", "{\"body\":\"your table is ready\"}");
        waitFor(carol, "carol sees her notice", d -> notices(d, "direct").equals(List.of("your table is ready")));
        post("/api/users/dave/notices", "{\"body\":\"for dave only\"}");
        waitFor(dave, "dave sees his notice", d -> !notices(d, "direct").isEmpty());
        assertThat(notices(dave, "direct")).containsExactly("for dave only");

        // One of dave's two tabs closes: he is still online, no notice.
        String secondTab = dave.getWindowHandle();
        dave.close();
        dave.switchTo().window(dave.getWindowHandles().stream().filter(h -> !h.equals(secondTab)).findFirst().orElseThrow());
        waitFor(carol, "dave is back to one tab", d -> online(d).contains("dave") && !onlineDetail(d, "dave").contains("tabs"));
        Thread.sleep(300);
        assertThat(notices(carol, "offline")).isEmpty();

        // His last tab closes: carol's page says he went offline, once.
        dave.quit();
        drivers.remove(dave);
        waitFor(carol, "carol sees dave went offline", d -> !notices(d, "offline").isEmpty());
        waitFor(carol, "dave leaves carol's list", d -> online(d).equals(List.of("carol")));
        Thread.sleep(300);
        assertThat(notices(carol, "offline")).containsExactly("dave went offline");
        assertThat(carol.findElement(By.cssSelector("#notices li.offline .where")).getText()).isEqualTo("room terrace");
        screenshot(carol, "chat-carol-notices.png");
        carol.quit();
        drivers.remove(carol);
    }

    // --- the page ---

    private static void join(WebDriver driver, String name) {
        join(driver, name, ROOM);
    }

    private static void join(WebDriver driver, String name, String roomName) {
        driver.get("http://127.0.0.1:" + port + "/");
        WebElement nameInput = driver.findElement(By.id("name"));
        nameInput.clear();
        nameInput.sendKeys(name);
        WebElement room = driver.findElement(By.id("room"));
        room.clear();
        room.sendKeys(roomName);
        driver.findElement(By.id("join")).click();
        waitFor(driver, name + " joins the room", d -> d.findElement(By.id("chat")).isDisplayed());
    }

    private static void say(WebDriver driver, String text) {
        WebElement input = driver.findElement(By.id("message"));
        input.sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    private static String connection(WebDriver driver) {
        return driver.findElement(By.id("connection")).getAttribute("data-state");
    }

    private static List<String> online(WebDriver driver) {
        return driver.findElements(By.cssSelector("#online li")).stream()
                .map(li -> li.getAttribute("data-user")).toList();
    }

    private static String onlineDetail(WebDriver driver, String user) {
        return driver.findElements(By.cssSelector("#online li[data-user='" + user + "'] .tabs")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    private static List<String> messages(WebDriver driver) {
        return driver.findElements(By.cssSelector("#messages li")).stream()
                .map(li -> li.findElement(By.className("user")).getText() + ": "
                        + li.findElement(By.className("body")).getText())
                .toList();
    }

    /** The page's notices of a kind ("direct" or "offline"), as their text. */
    private static List<String> notices(WebDriver driver, String kind) {
        return driver.findElements(By.cssSelector("#notices li." + kind + " .text")).stream()
                .map(WebElement::getText).toList();
    }

    private static void waitFor(WebDriver driver, String what, java.util.function.Function<WebDriver, Boolean> check) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(check::apply);
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    // --- infrastructure ---

    /** Debian's chromium and chromedriver, headless, with a throw-away profile. */
    private static WebDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("demo-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        return driver;
    }

    private static ConfigurableApplicationContext startDemo(int port) {
        return new SpringApplicationBuilder(DemoApplication.class)
                .run("--server.port=" + port, "--spring.main.banner-mode=off");
    }

    private static void post(String path, String json) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
