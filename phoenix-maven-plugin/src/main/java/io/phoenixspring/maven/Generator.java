package io.phoenixspring.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What every phx.gen.* goal does with its files, as mix does: render templates (resources under
 * {@code io/phoenixspring/maven/templates/}, {@code {{key}}} placeholders), refuse to overwrite an
 * existing file unless forced (checked for all files before any is written), print
 * {@code * creating PATH} for each, then the lines to add by hand.
 */
final class Generator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_]+)}}");

    private final Path basedir;
    private final boolean force;
    private final PrintStream out;
    private final Map<String, String> bindings = new LinkedHashMap<>();
    private final Map<Path, String> files = new LinkedHashMap<>();

    Generator(Path basedir, boolean force, PrintStream out) {
        this.basedir = basedir;
        this.force = force;
        this.out = out;
    }

    Generator bind(String key, String value) {
        bindings.put(key, value);
        return this;
    }

    /** A Java file of {@code pkg} (relative to the base package's folder) in src/main/java or src/test/java. */
    Generator javaFile(String root, String pkg, String className, String template) {
        return file(root + "/" + pkg.replace('.', '/') + "/" + className + ".java", template);
    }

    Generator file(String relativePath, String template) {
        files.put(basedir.resolve(relativePath), render(template));
        return this;
    }

    /** Writes every file, or none when one exists (and force is off). */
    void write() throws MojoFailureException {
        for (Path path : files.keySet()) {
            if (Files.exists(path) && !force) {
                throw new MojoFailureException(basedir.relativize(path) + " already exists (use -Dforce=true to overwrite it)");
            }
        }
        for (Map.Entry<Path, String> file : files.entrySet()) {
            out.println("* creating " + basedir.relativize(file.getKey()).toString().replace('\\', '/'));
            try {
                Files.createDirectories(file.getKey().getParent());
                Files.writeString(file.getKey(), file.getValue());
            } catch (IOException e) {
                throw new MojoFailureException("Cannot write " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The lines to add by hand, after the files, as mix prints them. */
    void instructions(String text) {
        out.println();
        out.println(render(text).stripTrailing());
    }

    String render(String template) {
        String text = template.endsWith(".tmpl") ? load(template) : template;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = bindings.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Template " + template.lines().findFirst().orElse("") + " has unbound " + missing);
        }
        return result.toString();
    }

    static String load(String template) {
        String resource = "templates/" + template;
        try (InputStream in = Generator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
