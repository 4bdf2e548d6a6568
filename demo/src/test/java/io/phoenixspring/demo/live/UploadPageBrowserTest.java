package io.phoenixspring.demo.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live contract's {@code /upload} page in headless Chromium with the official client: real files
 * selected with Selenium's {@code sendKeys} on the {@code live_file_input}, uploaded in chunks over the
 * socket and listed with their exact sizes; "Too large" (exactly 100,000 bytes is fine) and "Too many
 * files" shown, and an invalid selection never uploaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Path dir;
    private static Path profile;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("demo-upload-files-");
        profile = Files.createTempDirectory("demo-upload-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path path : new Path[] {dir, profile}) {
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private void open() {
        browser.get("http://127.0.0.1:" + port + "/upload");
        waitFor("the page joins", d -> d.findElement(By.cssSelector("[data-phx-main]")).getAttribute("class").contains("phx-connected"));
    }

    private static WebElement input() {
        return browser.findElement(By.cssSelector("input[type=file]"));
    }

    private static void waitFor(String what, Function<WebDriver, Boolean> check) {
        new WebDriverWait(browser, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class).until(check::apply);
    }

    private static List<String> uploaded() {
        return browser.findElements(By.cssSelector("#uploaded li")).stream().map(WebElement::getText).toList();
    }

    @Test
    void twoRealFilesAreUploadedAndListedWithTheirExactSizes() throws IOException {
        open();
        Path notes = file("notes.txt", 1234);
        Path photo = file("photo.png", 100_000);
        input().sendKeys(notes + "\n" + photo);
        waitFor("both entries shown", d -> d.findElements(By.cssSelector("[id^=entry-]")).size() == 2);
        assertThat(browser.findElement(By.id("entry-0")).getText()).contains("notes.txt", "0%");
        assertThat(browser.findElement(By.id("entry-1")).getText()).contains("photo.png");
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();   // exactly 100,000 bytes is fine
        browser.findElement(By.id("upload-submit")).click();
        waitFor("the files are listed", d -> uploaded().size() == 2);
        assertThat(uploaded()).containsExactly("photo.png (100000 bytes)", "notes.txt (1234 bytes)");
        waitFor("the entries are gone", d -> d.findElements(By.cssSelector("[id^=entry-]")).isEmpty());
    }

    @Test
    void tooLargeAndTooManyFilesAreShownAndNothingIsUploaded() throws IOException {
        open();
        input().sendKeys(file("big.jpg", 150_000).toString());
        waitFor("the too-large entry is shown", d -> d.findElements(By.cssSelector("[id^=entry-]")).size() == 1);
        WebElement big = browser.findElement(By.cssSelector("[id^=entry-]"));
        assertThat(big.getText()).contains("big.jpg", "Too large");
        browser.findElement(By.id("upload-submit")).click();
        // The refused preflight cancels the selection: the submit is never sent.
        waitFor("the refused entries are dropped", d -> d.findElements(By.cssSelector("[id^=entry-]")).isEmpty()
                || !d.findElement(By.cssSelector("[id^=entry-]")).getText().contains("100%"));
        assertThat(uploaded()).isEmpty();

        open();
        input().sendKeys(file("one.txt", 10) + "\n" + file("two.txt", 20) + "\n" + file("three.txt", 30));
        waitFor("three entries and the error", d -> d.findElements(By.cssSelector("[id^=entry-]")).size() == 3
                && d.findElement(By.id("upload-errors")).getText().contains("Too many files"));
        browser.findElement(By.id("upload-submit")).click();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(uploaded()).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelector('[data-phx-main]').className"))
                .asString().doesNotContain("phx-error");
    }
}
