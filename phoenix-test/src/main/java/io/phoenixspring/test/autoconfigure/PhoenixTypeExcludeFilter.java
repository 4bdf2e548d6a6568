package io.phoenixspring.test.autoconfigure;

import io.phoenixspring.channels.channel.PhoenixChannel;
import io.phoenixspring.channels.socket.PhoenixSocket;
import io.phoenixspring.web.controller.ActionFallback;
import io.phoenixspring.web.controller.PhoenixController;
import io.phoenixspring.web.endpoint.ErrorView;
import io.phoenixspring.web.plug.Plug;
import io.phoenixspring.web.plug.PlugModule;
import io.phoenixspring.web.router.Router;
import io.phoenixspring.web.template.TemplateRenderer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

/** What {@link PhoenixTest @PhoenixTest} scans: the Phoenix side of the application, and what the test names. */
class PhoenixTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<PhoenixTest> {

    private static final Set<Class<?>> KNOWN_INCLUDES;

    static {
        Set<Class<?>> includes = new LinkedHashSet<>(Arrays.asList(PhoenixController.class, PhoenixSocket.class,
                PhoenixChannel.class, Plug.class, PlugModule.class, ActionFallback.class, ErrorView.class,
                TemplateRenderer.class, io.phoenixspring.web.template.ViewRenderer.class, WebFluxConfigurer.class, WebFilter.class, WebExceptionHandler.class,
                Converter.class, GenericConverter.class));
        // Optional parts: included when on the class path.
        for (String optional : new String[] {"tools.jackson.databind.JacksonModule",
                "io.phoenixspring.presence.PresenceHandler",
                // LiveViews: the views, their on_mount hooks, a template resolver and live routes customizers.
                "io.phoenixspring.live.view.PhoenixLiveView", "io.phoenixspring.live.view.LiveView",
                "io.phoenixspring.live.view.OnMount", "io.phoenixspring.live.view.TemplateResolver",
                "io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer"}) {
            try {
                includes.add(ClassUtils.forName(optional, null));
            } catch (ClassNotFoundException | LinkageError e) {
                // not on the classpath: nothing to include
            }
        }
        KNOWN_INCLUDES = Collections.unmodifiableSet(includes);
    }

    private final Set<Class<?>> components;

    PhoenixTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
        this.components = new LinkedHashSet<>();
        for (Class<?> component : getAnnotation().getValue("components", Class[].class).orElse(new Class<?>[0])) {
            components.add(component);
        }
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return KNOWN_INCLUDES;
    }

    @Override
    protected Set<Class<?>> getComponentIncludes() {
        return components;
    }

    /** Also a configuration class with a {@code @Bean} method returning a {@link Router}: the application's routes. */
    @Override
    protected boolean defaultInclude(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        if (super.defaultInclude(reader, factory)) {
            return true;
        }
        for (MethodMetadata method : reader.getAnnotationMetadata().getAnnotatedMethods(Bean.class.getName())) {
            if (Router.class.getName().equals(method.getReturnTypeName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && components.equals(((PhoenixTypeExcludeFilter) other).components);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + components.hashCode();
    }
}
