package io.phoenixspring.live.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The templates a class embeds ({@link EmbedTemplates}): found once per class by listing its folders on the
 * classpath (in jars too, through Spring's resource resolver), by template name.
 */
final class Embedded {

    private static final String SUFFIX = ".html.heex";

    private static final ClassValue<Map<String, Source>> SOURCES = new ClassValue<>() {
        @Override
        protected Map<String, Source> computeValue(Class<?> owner) {
            return load(owner);
        }
    };

    private Embedded() {
    }

    /** @return the class's embedded templates' sources by name, empty when it embeds none */
    static Map<String, Source> sources(Class<?> owner) {
        return owner.isAnnotationPresent(EmbedTemplates.class) ? SOURCES.get(owner) : Map.of();
    }

    private static Map<String, Source> load(Class<?> owner) {
        Map<String, Source> found = new TreeMap<>();
        String pkg = owner.getPackageName().replace('.', '/');
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(owner.getClassLoader());
        for (String folder : owner.getAnnotation(EmbedTemplates.class).value()) {
            String dir = folder.equals(".") || folder.isEmpty() ? pkg : pkg + "/" + strip(folder);
            try {
                for (Resource resource : resolver.getResources("classpath*:" + dir + "/*" + SUFFIX)) {
                    String file = resource.getFilename();
                    if (file == null || !file.endsWith(SUFFIX)) {
                        continue;
                    }
                    String name = file.substring(0, file.length() - SUFFIX.length());
                    try (InputStream in = resource.getInputStream()) {
                        found.putIfAbsent(name, new Source(dir + "/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new TemplateException(dir, 1, 1, "cannot list the templates of " + owner.getSimpleName() + ": " + e, e);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static String strip(String folder) {
        String f = folder.endsWith("/*") ? folder.substring(0, folder.length() - 2) : folder;
        return f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
    }
}
