package ${package};

#if( $html == "true" && $live == "true" )
import ${package}.live.CounterLive;
import io.phoenixspring.live.router.LiveRoutes;
#end
#if( $html == "true" )
import io.phoenixspring.web.controller.Controller;
#end
import io.phoenixspring.web.plug.Plugs;
import io.phoenixspring.web.router.Router;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's router, as a phx.new app's: each scope goes through a pipeline of plugs.
#if( $html == "true" )
 * {@code :browser} accepts HTML and brings the session, the flash, CSRF protection, secure
 * headers and the root layout ({@link Layouts#ROOT}); {@code :api} accepts JSON only (a route asked
 * for HTML answers 406).
#else
 * {@code :api} accepts JSON only (a route asked for HTML answers 406).
#end
 * An unknown path is Phoenix's 404, in the format the request asked for.
 */
@Configuration(proxyBeanMethods = false)
public class AppRouter {

    @Bean
#if( $html == "true" && $live == "true" )
    Router router(LiveRoutes live) {
#else
    Router router() {
#end
        return Router.builder()
#if( $html == "true" )
                .pipeline("browser", p -> p.plug(Plugs.accepts("html")).plug(Plugs.fetchSession()).plug(Plugs.fetchFlash())
                        .plug(Plugs.protectFromForgery()).plug(Plugs.putSecureBrowserHeaders())
                        .plug(conn -> Controller.putRootLayout(conn, Layouts.ROOT)))
#end
                .pipeline("api", p -> p.plug(Plugs.accepts("json")))
#if( $html == "true" && $live == "true" )
                .scope("/", s -> s.pipeThrough("browser")
                        .get("/", PageController.class, "home")
                        .get("/counter", live.route(CounterLive.class)))
#elseif( $html == "true" )
                .scope("/", s -> s.pipeThrough("browser")
                        .get("/", PageController.class, "home"))
#end
                .scope("/api", s -> s.pipeThrough("api")
                        .get("/token", TokenController.class, "create"))
                .build();
    }
}
