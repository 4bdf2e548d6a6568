package io.phoenixspring.web.plug;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries the request id between the Reactor context and the logging MDC, so that with
 * Reactor's automatic context propagation ({@code spring.reactor.context-propagation=auto} and
 * {@code io.micrometer:context-propagation} on the classpath) log lines written where an action's
 * {@code Mono} continues, on whatever thread, still show {@code request_id}. Found by
 * context-propagation's {@code ServiceLoader}; the router puts the id in each request's context.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestIdFilter.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestIdFilter.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIdFilter.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIdFilter.MDC_KEY);
    }
}
