package io.phoenixspring.web.controller;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.conn.Params;
import io.phoenixspring.web.plug.Plug;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One controller action resolved once, when the router is built: a route naming an action that
 * does not exist, or has the wrong shape, fails at startup rather than on the first request.
 * Actions take {@code (Conn)} or {@code (Conn, Params)} and return a {@code Conn}, a
 * {@code Mono<Conn>}, or a result for the action fallback.
 *
 * <pre>{@code
 * ControllerAction show = ControllerAction.resolve(UserController.class, "show");
 * Mono<Conn> done = show.invoke(applicationContext::getBean, conn);
 * }</pre>
 */
public final class ControllerAction {

    private final Class<?> controller;
    private final String name;
    private final Method method;
    private final boolean withParams;
    private final boolean blocking;
    private final String view;
    private final Class<?> htmlView;
    private final io.phoenixspring.web.template.Layout appLayout;
    // Resolved from the application context on first use: controllers are singletons.
    private volatile Object instance;
    private volatile Object fallback;
    private volatile List<Plug> plugs;
    private volatile JsonView jsonView;

    private ControllerAction(Class<?> controller, String name, Method method) {
        this.controller = controller;
        this.name = name;
        this.method = method;
        this.withParams = method.getParameterCount() == 2;
        this.blocking = method.isAnnotationPresent(Blocking.class) || controller.isAnnotationPresent(Blocking.class);
        this.view = viewName(controller);
        PhoenixController annotation = controller.getAnnotation(PhoenixController.class);
        this.htmlView = annotation == null || annotation.html() == Void.class ? null : annotation.html();
        this.appLayout = annotation == null || annotation.layout() == Void.class ? null
                : io.phoenixspring.web.template.Layout.of(annotation.layout(), "app");
        method.setAccessible(true);
    }

    /**
     * @throws IllegalArgumentException when the controller has no such action
     */
    public static ControllerAction resolve(Class<?> controller, String action) {
        Method found = null;
        for (Class<?> type = controller; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method m : type.getDeclaredMethods()) {
                Action renamed = m.getAnnotation(Action.class);
                boolean named = renamed != null ? renamed.value().equals(action) : m.getName().equals(action);
                if (named && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && shape(m)) {
                    found = m;
                    break;
                }
            }
            if (found != null) {
                break;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(controller.getName() + " has no action \"" + action + "\": expected a method "
                    + ("new".equals(action) ? "annotated @Action(\"new\") " : action + "(...) ")
                    + "taking (Conn) or (Conn, Params)");
        }
        return new ControllerAction(controller, action, found);
    }

    private static boolean shape(Method m) {
        Class<?>[] types = m.getParameterTypes();
        return types.length >= 1 && types.length <= 2 && types[0] == Conn.class
                && (types.length == 1 || types[1] == Params.class) && m.getReturnType() != void.class;
    }

    /** @return the controller class */
    public Class<?> controller() {
        return controller;
    }

    /** @return the action's name */
    public String name() {
        return name;
    }

    /** @return the template directory of the controller: {@code user} for UserController */
    public String view() {
        return view;
    }

    /** @return the controller's HTML view ({@code @PhoenixController(html = ...)}), or null */
    public Class<?> htmlView() {
        return htmlView;
    }

    /** @return the controller's app layout ({@code @PhoenixController(layout = ...)}), or null */
    public io.phoenixspring.web.template.Layout appLayout() {
        return appLayout;
    }

    /**
     * Runs the controller's plugs, then the action (on the bounded elastic scheduler when it is
     * {@link Blocking}); a result that is not a conn goes to the action fallback.
     */
    public Mono<Conn> invoke(Function<Class<?>, Object> beans, Conn conn) {
        Object target = instance(beans);
        Conn c = conn.putPrivate("phoenix_controller", controller).putPrivate("phoenix_action", name);
        c = Controller.putView(c, view);
        if (htmlView != null && !c.privates().containsKey("phoenix_html_view")) {
            c = Controller.putView(c, htmlView);
        }
        if (appLayout != null) {
            c = Controller.putNewLayout(c, appLayout);
        }
        JsonView json = jsonView(beans);
        if (json != null) {
            c = Controller.putJsonView(c, json);
        }
        for (Plug plug : plugs(target)) {
            c = plug.call(c);
            if (c.halted()) {
                return Mono.just(c);
            }
        }
        Conn ready = c;
        if (blocking) {
            String requestId = io.phoenixspring.web.plug.RequestIdFilter.requestId(ready);
            return Mono.fromCallable(() -> callWithRequestId(requestId, target, ready)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(result -> toConn(beans, ready, result));
        }
        try {
            return toConn(beans, ready, call(target, ready));
        } catch (Exception e) {
            return Mono.error(e);
        }
    }

    /** On the blocking pool the MDC is not the event loop's: the request id is put there for the call. */
    private Object callWithRequestId(String requestId, Object target, Conn conn) throws Exception {
        if (requestId == null) {
            return call(target, conn);
        }
        org.slf4j.MDC.put(io.phoenixspring.web.plug.RequestIdFilter.MDC_KEY, requestId);
        try {
            return call(target, conn);
        } finally {
            org.slf4j.MDC.remove(io.phoenixspring.web.plug.RequestIdFilter.MDC_KEY);
        }
    }

    private Object call(Object target, Conn conn) throws Exception {
        try {
            return withParams ? method.invoke(target, conn, conn.params()) : method.invoke(target, conn);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    private Mono<Conn> toConn(Function<Class<?>, Object> beans, Conn conn, Object result) {
        if (result instanceof Conn done) {
            return Mono.just(done);
        }
        if (result instanceof Mono<?> mono) {
            return mono.flatMap(value -> toConn(beans, conn, value))
                    .switchIfEmpty(Mono.defer(() -> fallbackOrFail(beans, conn, null)));
        }
        return fallbackOrFail(beans, conn, result);
    }

    private Mono<Conn> fallbackOrFail(Function<Class<?>, Object> beans, Conn conn, Object result) {
        ActionFallback handler = fallback(beans);
        if (handler == null) {
            return Mono.error(new IllegalStateException(controller.getSimpleName() + "." + name + " returned "
                    + (result == null ? "nothing" : result.getClass().getName()) + " instead of a Conn, and "
                    + "the controller has no action fallback"));
        }
        return Mono.fromSupplier(() -> handler.call(conn, result));
    }

    private Object instance(Function<Class<?>, Object> beans) {
        Object target = instance;
        if (target == null) {
            target = beans.apply(controller);
            instance = target;
        }
        return target;
    }

    private List<Plug> plugs(Object target) {
        List<Plug> resolved = plugs;
        if (resolved == null) {
            if (target instanceof Controller withPlugs) {
                Controller.Plugs declared = new Controller.Plugs();
                withPlugs.plugs(declared);
                resolved = declared.forAction(name);
            } else {
                resolved = List.of();
            }
            plugs = resolved;
        }
        return resolved;
    }

    private JsonView jsonView(Function<Class<?>, Object> beans) {
        JsonView resolved = jsonView;
        if (resolved == null) {
            PhoenixController annotation = controller.getAnnotation(PhoenixController.class);
            if (annotation == null || annotation.json() == Void.class) {
                return null;
            }
            resolved = JsonView.of(annotation.json(), beans);
            jsonView = resolved;
        }
        return resolved;
    }

    private ActionFallback fallback(Function<Class<?>, Object> beans) {
        Object handler = fallback;
        if (handler == null) {
            PhoenixController annotation = controller.getAnnotation(PhoenixController.class);
            if (annotation == null || annotation.fallback() == Void.class) {
                return null;
            }
            handler = beans.apply(annotation.fallback());
            if (!(handler instanceof ActionFallback)) {
                throw new IllegalStateException(annotation.fallback().getName() + " must implement ActionFallback");
            }
            fallback = handler;
        }
        return (ActionFallback) handler;
    }

    /** UserController -> user, Admin.PostsController -> posts, HTMLPageController -> html_page. */
    static String viewName(Class<?> controller) {
        String simple = controller.getSimpleName();
        if (simple.endsWith("Controller") && simple.length() > "Controller".length()) {
            simple = simple.substring(0, simple.length() - "Controller".length());
        }
        return underscore(simple);
    }

    /** Phoenix.Naming.underscore: CamelCase to snake_case. */
    public static String underscore(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (i > 0 && (prevLower || nextLower && Character.isUpperCase(camel.charAt(i - 1)))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return controller.getSimpleName() + " :" + name;
    }
}
