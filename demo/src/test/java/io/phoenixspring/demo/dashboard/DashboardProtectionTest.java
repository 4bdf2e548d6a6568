package io.phoenixspring.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where the demo serves its dashboard: anyone in the dev profile (Phoenix's dev_routes), nowhere outside
 * it unless {@code DASHBOARD_PASSWORD} is set, and then only with HTTP basic credentials.
 */
class DashboardProtectionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static int status(int port, String path, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=prod")
    class OutsideDevWithoutAPassword {
        @LocalServerPort
        int port;

        @Test
        void thereIsNoDashboard() throws Exception {
            assertThat(status(port, "/dashboard", null)).isEqualTo(404);
            assertThat(status(port, "/dashboard/assets/dashboard.js", null)).isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.profiles.active=prod", "demo.dashboard-password=s3cret"})
    class OutsideDevWithAPassword {
        @LocalServerPort
        int port;

        @Test
        void theDashboardNeedsTheAdminsPassword() throws Exception {
            assertThat(status(port, "/dashboard", null)).isEqualTo(401);
            assertThat(status(port, "/dashboard", "wrong")).isEqualTo(401);
            assertThat(status(port, "/dashboard/assets/dashboard.js", null)).isEqualTo(401);
            assertThat(status(port, "/dashboard", "s3cret")).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class InDev {
        @LocalServerPort
        int port;

        @Test
        void theDashboardIsOpen() throws Exception {
            assertThat(status(port, "/dashboard", null)).isEqualTo(200);
        }
    }
}
