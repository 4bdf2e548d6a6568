package io.phoenixspring.demo.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /async} in headless Chromium with the official clients: {@code #answer} shows {@code loading…}
 * then {@code 42}; {@code #fail} shows {@code loading…} again, then {@code failed}. Every text
 * {@code #answer} ever had is recorded by a script the browser runs before the page's own (CDP
 * {@code Page.addScriptToEvaluateOnNewDocument}), so no state is missed between two polls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsyncPageBrowserTest {

    /** Records each new text of #answer in window.answers, from the first parse of the page on. */
    private static final String RECORD_ANSWERS = """
            window.answers = [];
            document.addEventListener("DOMContentLoaded", () => {
              const record = () => {
                const answer = document.getElementById("answer");
                const text = answer ? answer.textContent : null;
                if (text !== null && window.answers[window.answers.length - 1] !== text) window.answers.push(text);
              };
              record();
              new MutationObserver(record).observe(document.body, {childList: true, subtree: true, characterData: true});
            });""";

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("demo-async-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ANSWERS));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void theAnswerLoadsThenShows42AndFailReloadsItIntoFailed() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/async");
        waitFor("the view joins", () -> browser.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class")
                .contains("phx-connected"));
        waitFor("the answer arrives", () -> answers().equals(List.of("loading…", "42")));
        assertThat(browser.getTitle()).isEqualTo("Async · Live");
        js("window.marker = 'same page'");

        browser.findElement(By.id("fail")).click();
        waitFor("the failed reload", () -> answers().equals(List.of("loading…", "42", "loading…", "failed")));
        assertThat(browser.findElement(By.id("answer")).getText()).isEqualTo("failed");
        assertThat(js("return window.marker")).as("no page load").isEqualTo("same page");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("live-async-failed.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<?> answers() {
        return (List<?>) js("return window.answers");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier check) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> what + "; #answer was " + answers())
                .until(d -> check.getAsBoolean());
    }
}
