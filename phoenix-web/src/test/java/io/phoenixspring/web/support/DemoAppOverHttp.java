package io.phoenixspring.web.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.web.reactive.server.WebTestClient;

/** For tests over real HTTP: {@link DemoApp} on a free port for the test class, and a client bound to it. */
public abstract class DemoAppOverHttp {

    protected static TestServer server;
    protected static WebTestClient client;

    @BeforeAll
    static void startDemoApp() {
        server = TestServer.start(DemoApp.class);
        client = server.client();
    }

    @AfterAll
    static void stopDemoApp() {
        server.close();
    }
}
