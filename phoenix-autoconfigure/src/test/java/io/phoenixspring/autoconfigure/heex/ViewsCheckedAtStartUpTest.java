package io.phoenixspring.autoconfigure.heex;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.autoconfigure.live.HeexViewsAutoConfiguration;
import io.phoenixspring.autoconfigure.token.TokenAutoConfiguration;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.TemplateErrorView;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.template.ViewRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HEEx engine on the endpoint, and views no engine renders refused at start-up rather than on a request. */
class ViewsCheckedAtStartUpTest {

    @EmbedTemplates("page_html")
    public static final class PageHTML {
    }

    /** Not a view: no @EmbedTemplates, no @ThymeleafTemplates. */
    public static final class PlainHTML {
    }

    @PhoenixController(html = PlainHTML.class)
    public static class PlainController {
        Conn index(Conn conn) {
            return Controller.render(conn, "index");
        }
    }

    @PhoenixController(html = PageHTML.class)
    public static class PageController {
        Conn index(Conn conn) {
            return Controller.render(conn, "home");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PageController.class)
    static class GoodRoutes {
        @Bean
        Router router() {
            return Router.builder().scope("/", s -> s.get("/", PageController.class, "index")).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlainController.class)
    static class PlainRoutes {
        @Bean
        Router router() {
            return Router.builder().scope("/", s -> s.get("/", PlainController.class, "index")).build();
        }
    }

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenAutoConfiguration.class, HeexViewsAutoConfiguration.class,
                    PhoenixWebAutoConfiguration.class))
            .withPropertyValues("phoenix.endpoint.secret-key-base=a-test-secret-key-base-that-is-long-enough-0123456789");

    @Test
    void theEndpointRendersHeexViewsAndTheErrorViewIsTheConfiguredOne() {
        runner.withUserConfiguration(GoodRoutes.class)
                .withPropertyValues("phoenix.endpoint.render-errors.html=" + PageHTML.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(io.phoenixspring.live.template.HeexViews.class);
                    io.phoenixspring.web.endpoint.WebEndpoint endpoint = context.getBean(io.phoenixspring.web.endpoint.WebEndpoint.class);
                    assertThat(endpoint.views().renders(PageHTML.class)).isTrue();
                    assertThat(endpoint.views().renders(PlainHTML.class)).isFalse();
                    assertThat(endpoint.errorView()).isInstanceOfSatisfying(TemplateErrorView.class,
                            errors -> assertThat(errors.view()).isEqualTo(PageHTML.class));
                });
    }

    @Test
    void aControllerWhoseHtmlViewNoEngineRendersFailsStartUp() {
        runner.withUserConfiguration(PlainRoutes.class).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("PlainController names " + PlainHTML.class.getName()
                        + " as its html view, which no template engine renders: annotate it with @EmbedTemplates"));
    }

    @Test
    void anErrorViewNoEngineRendersFailsStartUp() {
        runner.withUserConfiguration(GoodRoutes.class)
                .withPropertyValues("phoenix.endpoint.render-errors.html=" + PlainHTML.class.getName())
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoenix.endpoint.render-errors.html names " + PlainHTML.class.getName()));
    }

    @Test
    void aViewRendererBeanAddsAnEngine() {
        ViewRenderer plain = new ViewRenderer() {
            @Override
            public boolean renders(Class<?> view) {
                return view == PlainHTML.class;
            }

            @Override
            public boolean exists(Class<?> view, String template) {
                return true;
            }

            @Override
            public String render(Class<?> view, String template, java.util.Map<String, Object> assigns) {
                return "plain " + template;
            }
        };
        runner.withUserConfiguration(PlainRoutes.class).withBean(ViewRenderer.class, () -> plain)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
