package ${package};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ${artifactId}, made by phoenix-archetype (mix phx.new for Maven).
 *
 * <ul>
 *   <li>{@link AppRouter}: the routes, the {@code :api} pipeline under {@code /api}#if( $html == "true" ) and the {@code :browser} one for pages#end;</li>
 *   <li>{@link UserSocket}: {@code /socket} (WebSocket and long-poll), connected with a token from {@code GET /api/token};</li>
 *   <li>{@link RoomChannel}: {@code room:*}, a chat room with presence;</li>
#if( $html == "true" )
 *   <li>{@link PageController}: the home page at {@code /}, {@link PageHTML}'s HEEx template inside the {@link Layouts};</li>
 *   <li>{@link ErrorHTML}: the HTML error pages (404, 500);</li>
#end
#if( $html == "true" && $live == "true" )
 *   <li>{@code live.CounterLive}: a LiveView at {@code /counter}, run in the browser by the official {@code phoenix_live_view} client.</li>
#end
 * </ul>
 *
 * <p>Run it with {@code mvn spring-boot:run} (http://localhost:4000), test it with {@code mvn test}.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
