package io.phoenixspring.channels.channel;

import io.phoenixspring.channels.message.Binary;
import io.phoenixspring.channels.socket.LogLevel;
import io.phoenixspring.channels.socket.Socket;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adapts a {@link PhoenixChannel}-annotated bean to {@link Channel}. Methods are found once, at
 * startup, so that a channel with a misdeclared method fails to start instead of failing a client.
 *
 * <pre>{@code
 * Channel channel = AnnotatedChannel.of(new RoomChannel());
 * }</pre>
 */
public final class AnnotatedChannel implements Channel {

    /** Reads payloads into parameter types: the application's JSON configuration, so its modules and naming apply. */
    private final JsonMapper mapper;

    private final Object bean;
    private final Handler join;
    private final Map<String, Handler> handleIn = new HashMap<>();
    private final Handler catchAll;
    private final Map<String, Handler> handleOut = new HashMap<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnnotatedChannel.class);

    private final List<Handler> handleInfo = new ArrayList<>();
    private final Handler terminate;
    private final Set<String> intercepts;
    private final LogLevel logJoin;
    private final LogLevel logHandleIn;

    private AnnotatedChannel(Object bean, JsonMapper mapper) {
        this.mapper = mapper;
        this.bean = bean;
        Class<?> type = AopUtils.getTargetClass(bean);
        Handler joinHandler = null;
        Handler catchAllHandler = null;
        Handler terminateHandler = null;
        List<Handler> infoHandlers = new ArrayList<>();
        for (Method method : allMethods(type)) {
            if (method.isAnnotationPresent(Join.class)) {
                if (joinHandler != null) {
                    throw new IllegalStateException(type.getName() + " declares more than one @Join");
                }
                requireResult(method, "@Join", JoinResult.class);
                joinHandler = new Handler(method, true);
            }
            HandleIn in = method.getAnnotation(HandleIn.class);
            if (in != null) {
                requireResult(method, "@HandleIn", HandleResult.class);
                if (in.value().length == 0) {
                    catchAllHandler = unique(catchAllHandler, method, "catch-all @HandleIn");
                }
                for (String event : in.value()) {
                    if (handleIn.put(event, new Handler(method, false)) != null) {
                        throw new IllegalStateException(type.getName() + " handles \"" + event + "\" twice");
                    }
                }
            }
            HandleOut out = method.getAnnotation(HandleOut.class);
            if (out != null) {
                requireResult(method, "@HandleOut", HandleResult.class);
                for (String event : out.value()) {
                    handleOut.put(event, new Handler(method, false));
                }
            }
            if (method.isAnnotationPresent(HandleInfo.class)) {
                requireResult(method, "@HandleInfo", HandleResult.class);
                infoHandlers.add(new Handler(method, false));
            }
            if (method.isAnnotationPresent(Terminate.class)) {
                terminateHandler = unique(terminateHandler, method, "@Terminate");
            }
        }
        if (joinHandler == null) {
            throw new IllegalStateException(type.getName() + " is a @PhoenixChannel without a @Join method");
        }
        // The JDK lists methods in no particular order: the most specific message type wins
        // (a Broadcast handler before an Object one), ties broken by name, so every JVM agrees.
        infoHandlers.sort(java.util.Comparator.comparing(handler -> handler.method.getName()));
        for (Handler handler : infoHandlers) {
            int at = handleInfo.size();
            for (int i = 0; i < handleInfo.size(); i++) {
                if (handleInfo.get(i).isMoreGeneralThan(handler)) {
                    at = i;
                    break;
                }
            }
            handleInfo.add(at, handler);
        }
        this.join = joinHandler;
        this.catchAll = catchAllHandler;
        this.terminate = terminateHandler;
        this.intercepts = Collections.unmodifiableSet(new LinkedHashSet<>(handleOut.keySet()));
        PhoenixChannel annotation = type.getAnnotation(PhoenixChannel.class);
        this.logJoin = annotation == null ? LogLevel.DEFAULT : annotation.logJoin();
        this.logHandleIn = annotation == null ? LogLevel.DEFAULT : annotation.logHandleIn();
    }

    /** The application's class this adapter calls (the bean's own class, not a proxy's). */
    public Class<?> beanType() {
        return AopUtils.getTargetClass(bean);
    }

    public static AnnotatedChannel of(Object bean) {
        return of(bean, io.phoenixspring.pubsub.PhoenixJson.defaults());
    }

    /** Adapts {@code bean}, reading payloads into its parameter types with {@code json}. */
    public static AnnotatedChannel of(Object bean, io.phoenixspring.pubsub.PhoenixJson json) {
        return new AnnotatedChannel(bean, json.server());
    }

    /**
     * A callback returns its result type, a {@code Mono} (any Publisher) of one, or (but
     * for a join) nothing: anything else would only fail when the event first arrives, so it fails
     * when the application starts, naming the method.
     */
    private static void requireResult(Method method, String annotation, Class<?> result) {
        Class<?> returned = method.getReturnType();
        boolean ok = result.isAssignableFrom(returned)
                || org.reactivestreams.Publisher.class.isAssignableFrom(returned)
                || returned == void.class && result != JoinResult.class;
        if (!ok) {
            throw new IllegalStateException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " is annotated " + annotation + " but returns " + returned.getSimpleName() + "; it must return "
                    + result.getSimpleName() + (result == JoinResult.class ? "" : " (or nothing)")
                    + ", or a Mono of one");
        }
    }

    private static List<Method> allMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Collections.addAll(methods, c.getDeclaredMethods());
        }
        return methods;
    }

    private Handler unique(Handler existing, Method method, String what) {
        if (existing != null) {
            throw new IllegalStateException(method.getDeclaringClass().getName() + " declares more than one " + what);
        }
        return new Handler(method, false);
    }

    @Override
    public Object join(String topic, Object payload, Socket socket) {
        return join.invoke(bean, null, topic, payload, socket);
    }

    @Override
    public Object handleIn(String event, Object payload, Socket socket) {
        Handler handler = handleIn.getOrDefault(event, catchAll);
        if (handler == null) {
            throw new UnmatchedEventException(event, socket == null ? null : socket.topic());
        }
        return handler.invoke(bean, event, topicOf(socket), payload, socket);
    }

    @Override
    public Set<String> intercepts() {
        return intercepts;
    }

    @Override
    public LogLevel logJoin() {
        return logJoin;
    }

    @Override
    public LogLevel logHandleIn() {
        return logHandleIn;
    }

    @Override
    public Object handleOut(String event, Object payload, Socket socket) {
        Handler handler = handleOut.get(event);
        return handler == null ? Channel.super.handleOut(event, payload, socket) : handler.invoke(bean, event, topicOf(socket), payload, socket);
    }

    @Override
    public Object handleInfo(Object message, Socket socket) {
        for (Handler handler : handleInfo) {
            if (handler.accepts(message)) {
                return handler.invoke(bean, null, topicOf(socket), message, socket);
            }
        }
        // Phoenix's default handle_info logs an unexpected message too; one line, no payload.
        log.warn("{} has no @HandleInfo method for {} on {}: message dropped", beanType().getSimpleName(),
                message == null ? "null" : message.getClass().getName(), topicOf(socket));
        return HandleResult.noReply();
    }

    @Override
    public void terminate(String reason, Socket socket) {
        if (terminate != null) {
            terminate.invoke(bean, null, topicOf(socket), reason, socket);
        }
    }

    private static String topicOf(Socket socket) {
        return socket == null ? null : socket.topic();
    }

    /** One annotated method with its argument plan. */
    private final class Handler {
        private final Method method;
        private final Kind[] kinds;
        private final Class<?> payloadType;

        private enum Kind { SOCKET, EVENT, TOPIC, PAYLOAD }

        /** In a join, an unannotated String parameter is the topic, as in join(topic, payload, socket). */
        Handler(Method method, boolean join) {
            this.method = method;
            method.setAccessible(true);
            Parameter[] parameters = method.getParameters();
            kinds = new Kind[parameters.length];
            Class<?> payload = null;
            for (int i = 0; i < parameters.length; i++) {
                Parameter p = parameters[i];
                if (Socket.class.isAssignableFrom(p.getType())) {
                    kinds[i] = Kind.SOCKET;
                } else if (p.isAnnotationPresent(Event.class)) {
                    kinds[i] = Kind.EVENT;
                } else if (p.isAnnotationPresent(Topic.class)
                        || join && p.getType() == String.class && !Arrays.asList(kinds).contains(Kind.TOPIC)) {
                    kinds[i] = Kind.TOPIC;
                } else if (payload == null) {
                    kinds[i] = Kind.PAYLOAD;
                    payload = p.getType();
                } else {
                    throw new IllegalStateException(method + ": more than one payload parameter; "
                            + "annotate the event or topic parameter with @Event or @Topic");
                }
            }
            this.payloadType = payload;
        }

        /** Whether this handler's message type is a proper supertype of {@code other}'s (or it takes anything). */
        boolean isMoreGeneralThan(Handler other) {
            Class<?> mine = payloadType == null ? Object.class : org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(payloadType);
            Class<?> theirs = other.payloadType == null ? Object.class
                    : org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(other.payloadType);
            return mine != theirs && mine.isAssignableFrom(theirs);
        }

        boolean accepts(Object message) {
            return payloadType == null || payloadType.isInstance(message)
                    || (payloadType.isPrimitive() && message != null);
        }

        Object invoke(Object bean, String event, String topic, Object payload, Socket socket) {
            Object[] args = new Object[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                args[i] = switch (kinds[i]) {
                    case SOCKET -> socket;
                    case EVENT -> event;
                    case TOPIC -> topic;
                    case PAYLOAD -> convert(payload, payloadType);
                };
            }
            // Spring unwraps what the method threw (a RuntimeException or Error as itself).
            Object result = org.springframework.util.ReflectionUtils.invokeMethod(method, bean, args);
            return method.getReturnType() == void.class || result == null ? HandleResult.noReply() : result;
        }

        private Object convert(Object payload, Class<?> type) {
            if (payload == null || type.isInstance(payload)) {
                return payload;
            }
            if (payload instanceof Binary binary) {
                if (type == byte[].class) {
                    return binary.bytes();
                }
                throw new IllegalArgumentException("a binary payload does not match " + type.getSimpleName());
            }
            if (type == Binary.class || type == byte[].class) {
                throw new IllegalArgumentException("a JSON payload does not match " + type.getSimpleName());
            }
            if (payload instanceof JsonNode node) {
                return mapper.treeToValue(node, type);
            }
            return mapper.convertValue(payload, type);
        }
    }
}
