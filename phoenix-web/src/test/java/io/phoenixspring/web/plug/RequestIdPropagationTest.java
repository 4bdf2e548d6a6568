package io.phoenixspring.web.plug;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phoenixspring.web.support.DemoApp;
import io.phoenixspring.web.support.DemoAppOverHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * With Reactor's automatic context propagation on (what {@code spring.reactor.context-propagation=auto}
 * turns on), the request id is in the MDC where an action's Mono continues on another thread.
 */
class RequestIdPropagationTest extends DemoAppOverHttp {

    @BeforeAll
    static void propagateContext() {
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void stopPropagating() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void aMonoActionLogsWithTheRequestIdOnItsTimerThread() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(DemoApp.class.getPackageName());
        logger.addAppender(appender);
        try {
            String id = "request-id-followed-through-a-mono";
            client.get().uri("/api/later").header("x-request-id", id).exchange().expectStatus().isOk();

            assertThat(appender.list).filteredOn(e -> e.getMessage().equals("later, on a timer thread"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getThreadName()).startsWith("parallel"))
                    .extracting(e -> e.getMDCPropertyMap().get("request_id")).isEqualTo(id);
        } finally {
            logger.detachAppender(appender);
        }
    }
}
