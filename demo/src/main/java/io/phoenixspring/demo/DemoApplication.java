package io.phoenixspring.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The demo: the room contract ({@code shared/room-contract.md}) written as a user of
 * phoenix-spring-boot-starter, and a chat page at {@code GET /}.
 *
 * <ul>
 *   <li>{@link UserSocket}: {@code /socket} (WebSocket and long-poll), token auth, id {@code user_socket:NAME};</li>
 *   <li>{@link RoomChannel} ({@code room:*}, with presence) and {@link BenchChannel} ({@code bench:*});</li>
 *   <li>beyond the contract, {@link OfflineNotices} and {@link NoticesChannel} ({@code notices:lobby}):
 *       "U went offline"; and {@code POST /api/users/NAME/notices}, pushed by the rooms NAME is in;</li>
 *   <li>{@link ApiRouter}: the HTTP API under {@code /api};</li>
 *   <li>{@code static/index.html}: the page, with the official {@code phoenix} JS client;</li>
 *   <li>{@code io.phoenixspring.demo.live}: the live contract's LiveView pages ({@code /counter}, {@code /form},
 *       {@code /list}, {@code /nav/:page}, {@code /components}, {@code /js}, {@code /crash}).</li>
 * </ul>
 *
 * <p>Run it with {@code mvn -B -pl demo spring-boot:run}; the {@code cluster} profile joins other
 * instances over Redis.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
