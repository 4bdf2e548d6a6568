package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.demo.DemoInstances;
import io.phoenixspring.pubsub.testing.RedisServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium on a two-node demo cluster (separate JVMs, {@code dev,cluster} profiles,
 * a real {@code redis-server}) with real traffic from the official {@code phoenix} client
 * ({@code src/test/js/dashboard-traffic.mjs}): {@value #SOCKETS_A} users on node A and {@value #SOCKETS_B} on
 * node B in {@code room:dash} (tracked by presence), {@value #BUSY_A} of A's also in {@code room:busy}, where
 * one of them sends {@value #RATE} messages a second. Each page of node A's dashboard must show those
 * figures. A screenshot of each page goes to {@code target/screenshots/dashboard-*.png}; the nodes' logs
 * to {@code target/dashboard-e2e/}.
 */
class DashboardBrowserTest {

    static final int SOCKETS_A = 12;
    static final int SOCKETS_B = 7;
    static final int BUSY_A = 5;
    static final int RATE = 20;

    private static final Path JS = Path.of("src/test/js");
    private static final Path LOGS = Path.of("target/dashboard-e2e");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final List<Process> processes = new ArrayList<>();
    private static RedisServer redis;
    private static Process traffic;
    private static int portA;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startClusterTrafficAndBrowser() throws Exception {
        assertThat(JS.resolve("node_modules/phoenix")).as("npm ci ran in src/test/js").isDirectory();
        Files.createDirectories(LOGS);
        redis = RedisServer.start();
        portA = DemoInstances.freePort();
        int portB = DemoInstances.freePort();
        Process a = startInstance("dash-a", portA);
        Process b = startInstance("dash-b", portB);
        DemoInstances.awaitHealthy(a, LOGS, portA, "dash-a");
        DemoInstances.awaitHealthy(b, LOGS, portB, "dash-b");

        traffic = new ProcessBuilder("node", "dashboard-traffic.mjs", "http://127.0.0.1:" + portA, "http://127.0.0.1:" + portB,
                Integer.toString(SOCKETS_A), Integer.toString(SOCKETS_B), Integer.toString(BUSY_A), Integer.toString(RATE))
                .directory(JS.toFile())
                .redirectError(LOGS.resolve("traffic.err").toFile())
                .start();
        processes.add(traffic);
        BufferedReader out = new BufferedReader(new InputStreamReader(traffic.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return String.valueOf(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(ready).as("the traffic's first line (stderr in %s)", LOGS.resolve("traffic.err")).startsWith("{\"ready\":true");
        // Keep draining its progress lines so that it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // progress only
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "traffic-drain");
        drain.setDaemon(true);
        drain.start();

        profile = Files.createTempDirectory("demo-dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void homeShowsTheVersionsAndThisNodesSocketsChannelsAndTheClustersPresences() throws IOException {
        open("/dashboard");
        assertThat(browser.getTitle()).isEqualTo("Home · Phoenix LiveDashboard");
        everySecond();
        assertThat(text("home-application")).isEqualTo("phoenix-demo");
        assertThat(text("home-node")).isEqualTo("dash-a");
        assertThat(text("home-spring-boot-version")).isEqualTo(org.springframework.boot.SpringBootVersion.getVersion());
        // A's users, plus this page's own /live socket and its LiveView channel.
        waitFor("the home page counts A's sockets and channels", d -> text("home-sockets").equals(String.valueOf(SOCKETS_A + 1))
                && text("home-channels").equals(String.valueOf(SOCKETS_A + BUSY_A + 1)));
        // Presence is the cluster's: every user of room:dash on both nodes, and room:busy's.
        waitFor("the home page counts the cluster's presences",
                d -> text("home-presences").equals(String.valueOf(SOCKETS_A + SOCKETS_B + BUSY_A)));
        String uptime = text("home-uptime");
        waitFor("the uptime moves on its own (live updates)", d -> !text("home-uptime").equals(uptime));
        screenshot("dashboard-home.png");
        assertNoBrowserErrors();
    }

    @Test
    void socketsAndChannelsShowsThisNodesSocketsChannelsAndTheBusyTopic() throws IOException {
        open("/dashboard/sockets");
        everySecond();
        waitFor("A's users' sockets and room channels", d -> text("sockets-count-UserSocket-websocket").equals(String.valueOf(SOCKETS_A))
                && text("channels-joined-room__").equals(String.valueOf(SOCKETS_A + BUSY_A)));
        waitFor("room:busy leads the topics by messages/s at about " + RATE + " a second", d -> {
            List<org.openqa.selenium.WebElement> rows = d.findElements(By.cssSelector("[id^='topic-rate-']"));
            if (rows.isEmpty() || !rows.get(0).getDomAttribute("id").equals("topic-rate-room_busy")) {
                return false;
            }
            double rate = Double.parseDouble(rows.get(0).findElement(By.cssSelector(".rate")).getText().trim());
            return Math.abs(rate - RATE) <= RATE * 0.25;
        });
        // room:busy's subscribers on A: its BUSY_A channels (each a PubSub subscription).
        assertThat(browser.findElement(By.cssSelector("#topic-subscribers-room_busy .subscribers")).getText().trim())
                .isEqualTo(String.valueOf(BUSY_A));
        screenshot("dashboard-sockets.png");
        assertNoBrowserErrors();
    }

    @Test
    void pubSubShowsTheRedisAdapterConnectedAndTheOtherNodeSeen() throws IOException {
        open("/dashboard/pubsub");
        everySecond();
        assertThat(text("pubsub-node")).isEqualTo("dash-a");
        assertThat(text("pubsub-adapter")).contains("Redis");
        waitFor("Redis is connected and answers PING", d -> text("redis-status").equals("connected") && !text("redis-ping").isEmpty());
        assertThat(text("redis-server")).contains(String.valueOf(redis.port()));
        waitFor("dash-b, whose presence broadcasts arrive, is among the nodes seen", d -> !d.findElements(By.id("node-dash-b")).isEmpty());
        waitFor("messages go out at about " + RATE + " a second or more", d -> {
            String out = text("pubsub-rate-broadcasts");
            return !out.equals("n/a") && Double.parseDouble(out) >= RATE * 0.75;
        });
        screenshot("dashboard-pubsub.png");
        assertNoBrowserErrors();
    }

    @Test
    void presenceShowsTheClustersTopicsWithKeysAndMetasPerNode() throws IOException {
        open("/dashboard/presence");
        everySecond();
        waitFor("room:dash has every user of both nodes, counted per node", d -> {
            List<org.openqa.selenium.WebElement> rows = d.findElements(By.cssSelector("#presence-topics tr[data-topic='room:dash']"));
            if (rows.isEmpty() || !rows.get(0).getDomAttribute("data-keys").equals(String.valueOf(SOCKETS_A + SOCKETS_B))) {
                return false;
            }
            return nodeKeys(rows.get(0), "dash-a").equals(String.valueOf(SOCKETS_A))
                    && nodeKeys(rows.get(0), "dash-b").equals(String.valueOf(SOCKETS_B));
        });
        assertThat(browser.findElement(By.cssSelector("#presence-topics tr[data-topic='room:busy']")).getDomAttribute("data-metas"))
                .isEqualTo(String.valueOf(BUSY_A));
        assertThat(browser.findElements(By.cssSelector("#presence-replicas tr[data-node='dash-a'][data-status='this node']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#presence-replicas tr[data-node='dash-b'][data-status='up']"))).hasSize(1);
        browser.findElement(By.cssSelector("#presence-topics tr[data-topic='room:dash']")).click();
        waitFor("the topic's keys show", d -> d.findElements(By.cssSelector("#presence-keys-table tr[data-key]")).size() == SOCKETS_A + SOCKETS_B);
        screenshot("dashboard-presence.png");
        assertNoBrowserErrors();
    }

    private static String nodeKeys(org.openqa.selenium.WebElement row, String node) {
        List<org.openqa.selenium.WebElement> spans = row.findElements(By.cssSelector(".topic-node[data-node='" + node + "']"));
        return spans.isEmpty() ? "" : spans.get(0).getDomAttribute("data-keys");
    }

    @Test
    void metricsChartsTheMetersOfAGroupLive() throws IOException {
        open("/dashboard/metrics?group=phoenix");
        everySecond();
        waitFor("the phoenix group lists its meters as charts", d -> !d.findElements(By.cssSelector("[data-metric='phoenix.channels.joined'] canvas")).isEmpty());
        waitFor("the jvm group is in the sub-navigation", d -> !d.findElements(By.id("metrics-group-jvm")).isEmpty());
        // The joined-channels gauge, point after point: A's users in room:dash and room:busy, and this page's LiveView.
        String lastValue = "let c = Object.values(window.PhoenixDashboard.charts).find(c => c.el.dataset.metric === 'phoenix.channels.joined');"
                + "if (!c || c.data[0].length < 3) return null; return c.data[1][c.data[1].length - 1];";
        waitFor("the joined-channels chart has points, the last one " + (SOCKETS_A + BUSY_A + 1), d -> {
            Object value = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(lastValue);
            return value instanceof Number n && n.intValue() == SOCKETS_A + BUSY_A + 1;
        });
        // The broadcasts counter as a rate: the traffic's messages to room:busy, RATE a second.
        String lastRate = lastValue.replace("phoenix.channels.joined", "phoenix.broadcasts");
        waitFor("the broadcasts chart shows about " + RATE + " a second", d -> {
            Object value = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(lastRate);
            return value instanceof Number n && Math.abs(n.doubleValue() - RATE) <= RATE * 0.25;
        });
        screenshot("dashboard-metrics.png");
        browser.findElement(By.id("metrics-group-jvm")).click();
        waitFor("the jvm group's charts replace phoenix's", d -> !d.findElements(By.cssSelector("[data-metric^='jvm.'] canvas")).isEmpty()
                && d.findElements(By.cssSelector("[data-metric^='phoenix.']")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/metrics?group=jvm");
        assertNoBrowserErrors();
    }

    @Test
    void threadsListsTheServersThreadsFiltersThemAndShowsAStack() throws IOException {
        open("/dashboard/threads");
        everySecond();
        waitFor("the table lists reactor's event loop threads",
                d -> !d.findElements(By.cssSelector("#threads-rows tr[data-name^='reactor-http']")).isEmpty());
        browser.findElement(By.id("threads-search-input")).sendKeys("reactor-http");
        waitFor("only reactor-http threads are left", d -> d.findElements(By.cssSelector("#threads-rows tr")).stream()
                .allMatch(row -> row.getDomAttribute("data-name").contains("reactor-http")));
        browser.findElement(By.cssSelector("#threads-rows tr")).click();
        waitFor("the clicked thread's stack shows", d -> !d.findElements(By.id("thread-stack-frames")).isEmpty()
                && text("thread-stack-frames").contains("at "));
        screenshot("dashboard-threads.png");
        browser.findElement(By.id("thread-stack-close")).click();
        waitFor("the stack closes", d -> d.findElements(By.id("thread-stack")).isEmpty());
        assertNoBrowserErrors();
    }

    @Test
    void theRequestLoggerStreamsThisBrowsersRequestsOnly() throws Exception {
        open("/dashboard/request_logger");
        browser.findElement(By.id("request-logger-toggle")).click();
        waitFor("this browser is marked", d -> text("request-logger-status").equals("streaming"));
        // Another client's request (no cookie) and then this browser's own.
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + portA + "/api/health?from=outsider")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("fetch('/api/health?from=browser')");
        waitFor("the browser's request shows in the log", d -> text("request-logger-lines").contains("from=browser")
                || text("request-logger-lines").contains("\"from\" => \"browser\"") || text("request-logger-lines").contains("from\":\"browser"));
        assertThat(text("request-logger-lines")).contains("HealthController").doesNotContain("outsider");
        screenshot("dashboard-request-logger.png");
        browser.findElement(By.id("request-logger-toggle")).click();
        waitFor("the cookie is off again", d -> text("request-logger-status").equals("not marked"));
        assertNoBrowserErrors();
    }

    @Test
    void theDemosOwnPageIsInTheMenuAndNavigatesLive() throws IOException {
        open("/dashboard");
        browser.findElement(By.id("menu-items")).click();
        waitFor("the menu navigates to the demo's Items page", d -> d.getTitle().equals("Items · Phoenix LiveDashboard")
                && !d.findElements(By.cssSelector("#menu-items.active")).isEmpty() && !d.findElements(By.id("items-count")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/items");
        screenshot("dashboard-items.png");
        assertNoBrowserErrors();
    }

    /** Picks the 1 s refresh interval on the current page. */
    private static void everySecond() {
        new Select(browser.findElement(By.id("refresh-select"))).selectByValue("1");
        waitFor("the 1 s interval is selected", d -> "1".equals(browser.findElement(By.id("refresh-select")).getDomProperty("value")));
    }

    private static void open(String path) {
        browser.get("http://127.0.0.1:" + portA + path);
        waitFor("the dashboard's LiveView connected", d -> !d.findElements(By.cssSelector("[data-phx-main].phx-connected")).isEmpty());
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private static void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(condition::apply);
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertNoBrowserErrors() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(entry -> entry.getLevel() == Level.SEVERE)
                .isEmpty();
    }

    private static Process startInstance(String name, int port) throws IOException {
        Process process = DemoInstances.start(LOGS, name, port, "dev,cluster", redis.url(), "--phoenix.presence.broadcast-period=200ms");
        processes.add(process);
        return process;
    }
}
