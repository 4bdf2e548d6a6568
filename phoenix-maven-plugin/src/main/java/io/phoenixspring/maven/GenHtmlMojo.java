package io.phoenixspring.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn phoenix:gen.html} ({@code mix phx.gen.html}, Phoenix 1.7's shape) without Ecto: an in-memory context and
 * schema record, a controller with the resource actions, its view {@code <Schema>HTML} ({@code @EmbedTemplates}) with
 * the HEEx templates {@code <schema>_html/index, show, new, edit} and {@code <schema>_form} on the core components, and
 * its ConnTest test; prints the routes to add. The controller renders in the project's {@code Layouts} when the base
 * package has one (phx.new's, as phoenix-archetype makes it).
 *
 * <pre>{@code
 * mvn phoenix:gen.html -Dcontext=Blog -Dschema=Post -Dplural=posts -Dfields=title:string,views:integer
 * }</pre>
 */
@Mojo(name = "gen.html", threadSafe = true)
public class GenHtmlMojo extends AbstractResourceMojo {

    @Override
    public void execute() throws MojoFailureException {
        String pkg = basePackage();
        Resource r = resource(pkg);
        String s = Resource.lowerFirst(r.schema);
        Optional<String> layouts = layouts(basedir.toPath(), pkg);
        String layoutsImport = layouts.filter(name -> !name.equals(pkg + ".Layouts")).map(name -> "import " + name + ";\n").orElse("");
        Generator gen = r.bindings(generator())
                .bind("layout_import", layoutsImport)
                .bind("layout_attr", layouts.isPresent() ? ", layout = Layouts.class" : "")
                .bind("layout_doc", layouts.isPresent() ? " inside {@link Layouts}" : "")
                .bind("table_cols", r.fields.stream().map(f -> "  <:col :let={" + s + "} label=\"" + label(f.name()) + "\">{" + s + "."
                        + f.name() + "}</:col>").collect(Collectors.joining("\n")))
                .bind("list_items", r.fields.stream().map(f -> "  <:item title=\"" + label(f.name()) + "\">{@" + s + "." + f.name() + "}</:item>")
                        .collect(Collectors.joining("\n")))
                .bind("form_inputs", r.fields.stream().map(GenHtmlMojo::input).collect(Collectors.joining("\n")));
        String snake = Names.snake(r.schema);
        String templates = "src/main/resources/" + pkg.replace('.', '/') + "/" + snake + "_html/";
        r.contextFiles(gen, basedir.toPath())
                .javaFile("src/main/java", pkg, r.schema + "Controller", "HtmlController.java.tmpl")
                .javaFile("src/main/java", pkg, r.schema + "HTML", "HtmlView.java.tmpl")
                .file(templates + "index.html.heex", "html-index.html.heex.tmpl")
                .file(templates + "show.html.heex", "html-show.html.heex.tmpl")
                .file(templates + "new.html.heex", "html-new.html.heex.tmpl")
                .file(templates + "edit.html.heex", "html-edit.html.heex.tmpl")
                .file(templates + snake + "_form.html.heex", "html-form.html.heex.tmpl")
                .javaFile("src/test/java", pkg, r.schema + "ControllerTest", "HtmlControllerTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Add the resource to the browser scope of your Router bean (a "browser" pipeline with
                Plugs.accepts("html"), fetchSession, fetchFlash, protectFromForgery and the root layout:
                conn -> Controller.putRootLayout(conn, Layouts.ROOT)). Forms post: phoenix-web has no
                _method override, so update and delete are POST routes:

                    .scope("/", s -> s.pipeThrough("browser")
                            .resources("/{{plural_path}}", {{Schema}}Controller.class, r -> r.except("update", "delete"))
                            .post("/{{plural_path}}/:id", {{Schema}}Controller.class, "update")
                            .post("/{{plural_path}}/:id/delete", {{Schema}}Controller.class, "delete"))
                """ + (layouts.isPresent() ? "" : """

                No Layouts class in the base package: the pages render without an app layout. Name yours in
                @PhoenixController(html = {{Schema}}HTML.class, layout = YourLayouts.class).
                """));
    }

    /** The class name of the project's {@code Layouts} (the base package's first, by path), if it has one. */
    static Optional<String> layouts(Path basedir, String pkg) throws MojoFailureException {
        Path sources = basedir.resolve("src/main/java");
        Path base = sources.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(file -> file.getFileName().toString().equals("Layouts.java"))
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()))
                    .map(file -> sources.relativize(file).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.java$", ""))
                    .findFirst();
        } catch (IOException e) {
            throw new MojoFailureException("Cannot look for Layouts under " + base + ": " + e.getMessage(), e);
        }
    }

    /** {@code <.input>} by type, as phx.gen.html's {@code inputs/1}. */
    private static String input(Names.Field f) {
        String type = switch (f.type()) {
            case "text" -> "textarea";
            case "integer", "float" -> "number";
            case "boolean" -> "checkbox";
            default -> "text";
        };
        String step = f.type().equals("float") ? " step=\"any\"" : "";
        return "  <.input field={f[:" + f.name() + "]} type=\"" + type + "\" label=\"" + label(f.name()) + "\"" + step + " />";
    }

    static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
