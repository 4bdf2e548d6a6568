package io.phoenixspring.live.view;

import io.phoenixspring.live.template.Template;
import java.lang.reflect.InvocationTargetException;

/**
 * Where a view's live components come from: the component of a class (a Spring bean, by default made
 * with its no-argument constructor) and its template. The runtime gives one to each {@link LiveProcess}.
 *
 * <pre>{@code
 * LiveComponentSource source = LiveComponentSource.of(type -> context.getBean(type), TemplateResolver.colocated());
 * }</pre>
 */
public interface LiveComponentSource {

    LiveComponent component(Class<?> type);

    Template template(Class<?> type);

    /** Classes made with their no-argument constructor, colocated templates. */
    LiveComponentSource DEFAULT = of(LiveComponentSource::instantiate, TemplateResolver.colocated());

    /**
     * @param beans the component of a class (must be a {@link LiveComponent})
     * @param templates the template of a component class
     */
    static LiveComponentSource of(java.util.function.Function<Class<?>, Object> beans, TemplateResolver templates) {
        return new LiveComponentSource() {
            @Override
            public LiveComponent component(Class<?> type) {
                if (!LiveComponent.class.isAssignableFrom(type)) {
                    throw new IllegalStateException("<.live_component module={" + type.getSimpleName() + "}>: "
                            + type.getName() + " is not a LiveComponent");
                }
                return (LiveComponent) beans.apply(type);
            }

            @Override
            public Template template(Class<?> type) {
                Template template = templates.resolve(type);
                if (template == null) {
                    throw new IllegalStateException("no template for the live component " + type.getName()
                            + ": add " + type.getSimpleName() + ".html.heex beside it, or override template()");
                }
                return template;
            }
        };
    }

    /** A component class's instance made with its no-argument constructor. */
    static Object instantiate(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is no bean and has no no-argument constructor", e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }

}
