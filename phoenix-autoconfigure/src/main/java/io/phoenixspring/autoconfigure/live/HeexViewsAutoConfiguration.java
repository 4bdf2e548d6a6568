package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.autoconfigure.endpoint.EndpointProperties;
import io.phoenixspring.autoconfigure.web.PhoenixWebAutoConfiguration;
import io.phoenixspring.live.template.HeexViews;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.router.Router;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * HEEx for controllers: the {@link HeexViews} engine on the endpoint, so a controller with
 * {@code @PhoenixController(html = PageHTML.class, layout = Layouts.class)} renders {@code page_html/*.html.heex}
 * inside {@code layouts/app.html.heex}; and, as Phoenix compiles templates with the code, every template of those
 * views, layouts and the HTML error view compiled before the server starts ({@code file:line:column} on failure).
 */
@AutoConfiguration(before = PhoenixWebAutoConfiguration.class)
@ConditionalOnClass({HeexViews.class, Router.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(EndpointProperties.class)
public class HeexViewsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HeexViewsAutoConfiguration.class);

    /** @return the HEEx engine of view classes with {@code @EmbedTemplates} */
    @Bean
    @ConditionalOnMissingBean
    public HeexViews phoenixHeexViews() {
        return new HeexViews();
    }

    /** @return the start-up compilation of the controllers' HTML views, their layouts and the error view */
    @Bean
    static SmartInitializingSingleton phoenixHeexViewsCompiler(ApplicationContext context) {
        return () -> {
            HeexViews views = context.getBean(HeexViews.class);
            Set<Class<?>> classes = new LinkedHashSet<>();
            for (Object controller : context.getBeansWithAnnotation(PhoenixController.class).values()) {
                PhoenixController annotation = org.springframework.util.ClassUtils.getUserClass(controller)
                        .getAnnotation(PhoenixController.class);
                if (annotation == null) {
                    continue;
                }
                classes.add(annotation.html());
                classes.add(annotation.layout());
            }
            Class<?> errors = context.getBean(EndpointProperties.class).getRenderErrors().getHtml();
            if (errors != null) {
                classes.add(errors);
            }
            int count = 0;
            for (Class<?> view : classes) {
                if (view != Void.class && views.renders(view)) {
                    count += views.compileAll(view).size();
                }
            }
            log.debug("Compiled {} HEEx templates of {} views", count, classes.size());
        };
    }
}
