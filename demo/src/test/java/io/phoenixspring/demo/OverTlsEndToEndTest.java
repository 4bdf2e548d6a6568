package io.phoenixspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.Html;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo as it is deployed behind TLS: Spring Boot's {@code server.ssl} with an SSL bundle whose
 * PKCS12 keystore this test makes with the JDK's {@code keytool}, plus a wiretap handler added by
 * a {@link NettyServerCustomizer} (an extra handler in every connection's pipeline). The official
 * client joins over {@code wss://} (V1 and V2) and {@code https://} long-poll with certificate
 * checks on; a raw JDK client checks frames byte for byte; once the clients vanish the server
 * burns no CPU; and a controller page's form posts with its session cookie and CSRF token.
 */
class OverTlsEndToEndTest {

    private static final Path JS = Path.of("src/test/js");
    private static Path dir;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static SSLContext trust;

    /** An extra pipeline handler, as users add them: the WebSocket writer must go through it. */
    @Configuration(proxyBeanMethods = false)
    static class Wiretap {
        @Bean
        NettyServerCustomizer wiretap() {
            return server -> server.wiretap(true);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        assertThat(JS.resolve("node_modules/phoenix")).as("npm ci ran in src/test/js").isDirectory();
        dir = Files.createTempDirectory("demo-tls");
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "demo", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "demo", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", dir.resolve("server.pem").toString());
        app = new SpringApplicationBuilder(DemoApplication.class, Wiretap.class).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--server.ssl.bundle=demo",
                "--spring.ssl.bundle.jks.demo.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.demo.keystore.password=changeit",
                "--spring.ssl.bundle.jks.demo.keystore.type=PKCS12");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = SSLContext.getInstance("TLS");
        trust.init(null, factory.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0} vsn={1}")
    @CsvSource({"websocket,2.0.0", "websocket,1.0.0", "longpoll,2.0.0"})
    void theOfficialClientOverTls(String transport, String vsn) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "tls.mjs", "https://127.0.0.1:" + port, transport, vsn)
                .directory(JS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-" + transport + vsn + ".out").toFile());
        // Node trusts the test's certificate; verification stays on.
        builder.environment().put("NODE_EXTRA_CA_CERTS", dir.resolve("server.pem").toString());
        Process node = builder.start();
        boolean done = node.waitFor(30, TimeUnit.SECONDS);
        String output = Files.readString(dir.resolve("node-" + transport + vsn + ".out"), StandardCharsets.UTF_8).strip();
        if (!done) {
            node.destroyForcibly();
        }
        assertThat(done).as("the scenario finished: %s", output).isTrue();
        assertThat(output).as("the scenario's result").contains("{\"ok\":true");
        assertThat(output).contains("\"present\":[\"alice:1\"]");
        if (transport.equals("websocket") && vsn.equals("2.0.0")) {
            assertThat(output).contains("\"binary\":[1,2,3]");
        }
    }

    @Test
    void controllerPagesOverTlsPostTheirFormWithThePagesTokenAndShowTheFlash() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trust).cookieHandler(new CookieManager()).build();
        String base = "https://127.0.0.1:" + port;
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(base + "/notes"))
                .header("accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        Html page = Html.parse(index.body());
        assertThat(page.hasElement("nav.pages")).isTrue();                                    // root layout
        String token = page.attribute("meta[name=csrf-token]", "content");
        assertThat(page.attribute("form#note-form input[name=_csrf_token]", "value")).isEqualTo(token);

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/notes"))
                .header("accept", "text/html").header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&note%5Btitle%5D=Over+TLS&note%5Bbody%5D=secure"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("location").orElseThrow();
        assertThat(location).matches("/notes/\\d+");

        Html note = Html.parse(http.send(HttpRequest.newBuilder(
                URI.create(base + location)).header("accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(note.text("#flash-info")).contains("Note \"Over TLS\" created.");
        assertThat(note.text("dl")).contains("Over TLS").contains("secure");
    }

    @Test
    void framesOverTlsAreByteExactAndNoCpuBurnsAfterClientsVanish() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trust).build();
        String token = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/token?user=raw")).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        List<Frames> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Frames frames = new Frames();
            http.newWebSocketBuilder().buildAsync(URI.create("wss://127.0.0.1:" + port
                    + "/socket/websocket?vsn=2.0.0&token=" + token), frames).join();
            frames.socket.sendText("[\"1\",\"1\",\"room:raw\",\"phx_join\",{}]", true).join();
            assertThat(frames.next()).isEqualTo("[\"1\",\"1\",\"room:raw\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
            clients.add(frames);
        }
        Frames first = clients.get(0);
        first.socket.sendText("[\"1\",\"2\",\"room:raw\",\"ping\",{\"n\":1}]", true).join();
        String reply;
        do {
            reply = first.next();
        } while (!reply.contains("phx_reply"));
        assertThat(reply).isEqualTo("[\"1\",\"2\",\"room:raw\",\"phx_reply\",{\"response\":{\"n\":1},\"status\":\"ok\"}]");
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                            + "/api/rooms/raw/messages")).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"m" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
        }
        // Gone without a close handshake, while broadcasts are still on their way.
        clients.forEach(frames -> frames.socket.abort());
        Thread.sleep(1500);
        long before = serverThreadsCpuNanos();
        Thread.sleep(2000);
        assertThat(serverThreadsCpuNanos() - before).as("server CPU in 2 s with no client (ns)").isLessThan(100_000_000L);
    }

    private static long serverThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("reactor-") || info.getThreadName().startsWith("phoenix"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }

    /** A JDK WebSocket client collecting text frames. */
    static final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            this.socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        String next() throws InterruptedException {
            String frame = inbox.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }
    }
}
