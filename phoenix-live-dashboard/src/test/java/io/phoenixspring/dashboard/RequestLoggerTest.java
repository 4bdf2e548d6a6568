package io.phoenixspring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.token.PhoenixToken;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The request logger's plumbing: the filter marks, the turbo filter lets DEBUG through, the appender publishes, bounded. */
class RequestLoggerTest {

    private static final String SECRET = "a-test-secret-key-base-that-is-long-enough-for-phoenix-token-0123456789";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ch.qos.logback.classic.Logger app = context.getLogger("test.request_logger.app");
    private PubSub pubSub;
    private RequestLogger hub;
    private final List<RequestLogger.LogLine> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        pubSub = PubSub.builder().name("request-logger-test").nodeName("node1").build();
        hub = new RequestLogger(pubSub, PhoenixToken.of(SECRET));
        app.setLevel(Level.INFO);
        assertThat(hub.install()).isTrue();
    }

    @AfterEach
    void tearDown() {
        hub.close();
        app.setLevel(null);
        MDC.clear();
        pubSub.close();
    }

    private String listeningPage() {
        String key = hub.newKey();
        hub.listen(key);
        pubSub.subscribe(RequestLogger.topic(key), (topic, message) -> received.add((RequestLogger.LogLine) message));
        return key;
    }

    @Test
    void aLineLoggedWithTheKeyReachesItsPageAndNoOther() {
        String key = listeningPage();
        String other = hub.newKey();
        hub.listen(other);

        MDC.put(RequestLogger.MDC_KEY, key);
        app.warn("disk {} is full", "sda");
        MDC.put(RequestLogger.MDC_KEY, other);
        app.info("someone else's line");
        MDC.remove(RequestLogger.MDC_KEY);
        app.info("an unmarked line");

        assertThat(received).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("disk sda is full");
            assertThat(line.level()).isEqualTo("WARN");
            assertThat(line.logger()).isEqualTo("test.request_logger.app");
            assertThat(line.key()).isEqualTo(key);
        });
    }

    @Test
    void debugLinesPassForMarkedRequestsOnly() {
        String key = listeningPage();

        assertThat(app.isDebugEnabled()).isFalse();
        app.debug("unmarked debug");
        MDC.put(RequestLogger.MDC_KEY, key);
        assertThat(app.isDebugEnabled()).isTrue();
        assertThat(app.isTraceEnabled()).isFalse();
        app.debug("marked debug");
        app.trace("marked trace");
        MDC.put(RequestLogger.MDC_KEY, hub.newKey());
        assertThat(app.isDebugEnabled()).as("a key nobody listens on").isFalse();

        assertThat(received).extracting(RequestLogger.LogLine::message).containsExactly("marked debug");
    }

    @Test
    void aPageThatFallsBehindLosesLinesCountedNotBuffered() {
        String key = listeningPage();
        MDC.put(RequestLogger.MDC_KEY, key);
        for (int i = 0; i < RequestLogger.MAX_PENDING + 250; i++) {
            app.info("line {}", i);
        }
        assertThat(received).hasSize(RequestLogger.MAX_PENDING);
        assertThat(hub.dropped(key)).isEqualTo(250);

        // The page catches up: lines flow again.
        for (int i = 0; i < 10; i++) {
            hub.handled(key);
        }
        app.info("after catching up");
        assertThat(received).hasSize(RequestLogger.MAX_PENDING + 1);
        assertThat(received.get(received.size() - 1).message()).isEqualTo("after catching up");
    }

    @Test
    void aStoppedPageGetsNothingAndTheTurboFilterStaysNeutral() {
        String key = listeningPage();
        hub.stop(key);
        MDC.put(RequestLogger.MDC_KEY, key);
        app.info("after the page left");
        assertThat(app.isDebugEnabled()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void twoApplicationsInOneJvmKeepTheirOwnTapsAndClosingDetachesOnlyItsOwn() {
        String key = listeningPage();
        RequestLogger second = new RequestLogger(pubSub, PhoenixToken.of(SECRET));
        second.install();
        String secondKey = second.newKey();
        second.listen(secondKey);
        List<RequestLogger.LogLine> secondReceived = new CopyOnWriteArrayList<>();
        pubSub.subscribe(RequestLogger.topic(secondKey), (topic, message) -> secondReceived.add((RequestLogger.LogLine) message));

        MDC.put(RequestLogger.MDC_KEY, key);
        app.info("first's");
        MDC.put(RequestLogger.MDC_KEY, secondKey);
        app.info("second's");
        second.close();
        app.info("second's after close");
        assertThat(app.isDebugEnabled()).isFalse();
        MDC.put(RequestLogger.MDC_KEY, key);
        app.info("first's again");

        assertThat(received).extracting(RequestLogger.LogLine::message).containsExactly("first's", "first's again");
        assertThat(secondReceived).extracting(RequestLogger.LogLine::message).containsExactly("second's");
        assertThat(context.getTurboFilterList()).noneMatch(f -> f instanceof LogbackTap.MarkedRequests m && m.hub == second);
    }

    @Test
    void theTapIsBackAfterALogbackReset() throws Exception {
        String key = listeningPage();
        // What Spring Boot does when it (re)configures logging.
        context.reset();
        new ch.qos.logback.classic.BasicConfigurator().configure(context);
        app.setLevel(Level.INFO);
        MDC.put(RequestLogger.MDC_KEY, key);
        app.debug("after reset");
        assertThat(received).extracting(RequestLogger.LogLine::message).containsExactly("after reset");
    }

    @Test
    void theFilterMarksARequestWithAValidCookieWhileItsPipelineRuns() {
        String key = listeningPage();
        RequestLoggerFilter filter = new RequestLoggerFilter(hub);

        assertThat(markDuring(filter, MockServerHttpRequest.get("/api/health")
                .cookie(new HttpCookie(RequestLogger.COOKIE, hub.sign(key))).build())).isEqualTo(key);
        assertThat(MDC.get(RequestLogger.MDC_KEY)).as("restored after the request").isNull();
        assertThat(markDuring(filter, MockServerHttpRequest.get("/api/health")
                .queryParam(RequestLogger.PARAM, hub.sign(key)).build())).as("the param").isEqualTo(key);
        assertThat(markDuring(filter, MockServerHttpRequest.get("/api/health").build())).isNull();
        assertThat(markDuring(filter, MockServerHttpRequest.get("/api/health")
                .cookie(new HttpCookie(RequestLogger.COOKIE, key)).build())).as("an unsigned key").isNull();
        String forged = PhoenixToken.of(SECRET.replace('a', 'b')).sign(RequestLogger.SALT, key);
        assertThat(markDuring(filter, MockServerHttpRequest.get("/api/health")
                .cookie(new HttpCookie(RequestLogger.COOKIE, forged)).build())).as("another secret's").isNull();
        assertThat(markDuring(filter, MockServerHttpRequest.get("/live/websocket").header("upgrade", "websocket")
                .cookie(new HttpCookie(RequestLogger.COOKIE, hub.sign(key))).build())).as("a socket").isNull();
    }

    @Test
    void aKeyedRequestsLinesReachThePageThroughTheFilter() {
        String key = listeningPage();
        RequestLoggerFilter filter = new RequestLoggerFilter(hub);
        MockServerWebExchange marked = MockServerWebExchange.from(MockServerHttpRequest.get("/api/health")
                .cookie(new HttpCookie(RequestLogger.COOKIE, hub.sign(key))).build());
        MockServerWebExchange unmarked = MockServerWebExchange.from(MockServerHttpRequest.get("/api/health").build());
        filter.filter(marked, exchange -> Mono.fromRunnable(() -> app.debug("Processing marked"))).block();
        filter.filter(unmarked, exchange -> Mono.fromRunnable(() -> app.info("Processing unmarked"))).block();
        assertThat(received).extracting(RequestLogger.LogLine::message).containsExactly("Processing marked");
    }

    private String markDuring(RequestLoggerFilter filter, MockServerHttpRequest request) {
        AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> Mono.fromRunnable(
                () -> seen.set(MDC.get(RequestLogger.MDC_KEY)))).block();
        return seen.get();
    }
}
