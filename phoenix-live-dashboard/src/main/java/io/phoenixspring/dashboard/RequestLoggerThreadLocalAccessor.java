package io.phoenixspring.dashboard;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries a marked request's key between the Reactor context and the logging MDC (as phoenix-web's
 * {@code RequestIdThreadLocalAccessor} does for {@code request_id}), so that with Reactor's automatic
 * context propagation the request's lines logged on other threads still reach the request logger page.
 * Found by context-propagation's {@code ServiceLoader}.
 */
public final class RequestLoggerThreadLocalAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestLogger.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestLogger.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestLogger.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestLogger.MDC_KEY);
    }
}
