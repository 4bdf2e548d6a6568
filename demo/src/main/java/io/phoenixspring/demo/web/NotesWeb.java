package io.phoenixspring.demo.web;

import io.phoenixspring.demo.live.Layouts;
import io.phoenixspring.web.endpoint.ErrorView;
import io.phoenixspring.web.endpoint.TemplateErrorView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTML error pages: {@link ErrorHTML}'s templates inside the app and root layouts (JSON errors unchanged). */
@Configuration(proxyBeanMethods = false)
public class NotesWeb {

    @Bean
    ErrorView errorView() {
        return new TemplateErrorView(ErrorHTML.class).withLayouts(Layouts.APP, Layouts.ROOT);
    }
}
