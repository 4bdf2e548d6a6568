package io.phoenixspring.web.support;

import java.time.Duration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A Spring WebFlux application context served by Reactor Netty on a free port: real HTTP. */
public final class TestServer implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;
    private final DisposableServer server;

    private TestServer(AnnotationConfigApplicationContext context, DisposableServer server) {
        this.context = context;
        this.server = server;
    }

    public static TestServer start(Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(configurations);
        HttpHandler handler = WebHttpHandlerBuilder.applicationContext(context).build();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(handler)).bindNow(Duration.ofSeconds(10));
        return new TestServer(context, server);
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(10)).build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        context.close();
    }
}
