package io.phoenixspring.live.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Compiles HEEx templates. A template may call the built-in functions, the {@link TemplateFunction}s
 * and {@link FunctionComponent}s of its owner class and of the classes that class imports
 * ({@link TemplateImports}); it reads assigns ({@code @count}) and nothing else. Errors are
 * {@link TemplateException}s with {@code file:line:column}, raised here, not while rendering.
 *
 * <pre>{@code
 * Template page = Templates.forClass(CounterLive.class);   // CounterLive.html.heex beside the class
 * Template inline = Templates.compile("<p>{@count}</p>", "inline.heex", CounterLive.class);
 * Rendered rendered = page.render(Map.of("count", 5), null);
 * }</pre>
 */
public final class Templates {

    private static final ClassValue<Template> COLOCATED = new ClassValue<>() {
        @Override
        protected Template computeValue(Class<?> owner) {
            String resource = owner.getSimpleName() + ".html.heex";
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    String path = owner.getPackageName().replace('.', '/') + "/" + resource;
                    throw new TemplateException(path, 1, 1, "no template for " + owner.getSimpleName()
                            + ": add the classpath resource " + path);
                }
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return compile(source, owner.getPackageName().replace('.', '/') + "/" + resource, owner);
            } catch (IOException e) {
                throw new TemplateException(resource, 1, 1, "cannot read the template: " + e.getMessage(), e);
            }
        }
    };

    private Templates() {
    }

    /**
     * Compiles {@code source}.
     *
     * @param fileName the name errors mention
     * @param owner the class whose functions and components the template may use, or null for none
     * @throws TemplateException when the template does not compile
     */
    public static Template compile(String source, String fileName, Class<?> owner) {
        Objects.requireNonNull(source, "source");
        return new CompiledTemplate(Compiler.compile(new Source(fileName, source), Scope.of(owner)));
    }

    /**
     * The template colocated with {@code owner}: the classpath resource {@code <SimpleName>.html.heex}
     * in the class's package (as Phoenix colocates {@code counter_live.html.heex}), compiled once.
     *
     * @throws TemplateException when it is missing or does not compile
     */
    public static Template forClass(Class<?> owner) {
        return COLOCATED.get(owner);
    }

    /**
     * Like {@link #forClass}, but null when {@code owner} has no {@code <SimpleName>.html.heex}
     * beside it (it may give its template another way).
     *
     * @throws TemplateException when the template exists and does not compile
     */
    public static Template findForClass(Class<?> owner) {
        return owner.getResource(owner.getSimpleName() + ".html.heex") == null ? null : COLOCATED.get(owner);
    }

    /**
     * A template {@code owner} embeds ({@link EmbedTemplates}): {@code embedded(PageHTML.class, "home")} is
     * {@code page_html/home.html.heex}, compiled once (with the templates and components it calls).
     *
     * @return the template, or null when the class embeds none of that name
     * @throws TemplateException when it does not compile
     */
    public static Template embedded(Class<?> owner, String name) {
        Source source = Embedded.sources(owner).get(name);
        if (source == null) {
            return null;
        }
        ComponentDef def = ComponentDef.embedded(owner, name, source);
        return EMBEDDED.computeIfAbsent(def, d -> new CompiledTemplate(d.block("")));
    }

    /** @return the names of the templates {@code owner} embeds, sorted; empty when it has no {@link EmbedTemplates} */
    public static java.util.Set<String> embeddedNames(Class<?> owner) {
        return Embedded.sources(owner).keySet();
    }

    private static final java.util.Map<ComponentDef, Template> EMBEDDED = new java.util.concurrent.ConcurrentHashMap<>();
}
