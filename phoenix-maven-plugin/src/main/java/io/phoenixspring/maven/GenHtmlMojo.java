package io.phoenixspring.maven;

import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn phoenix:gen.html} ({@code mix phx.gen.html}) without Ecto: an in-memory context and
 * schema record, a controller with the resource actions, its Thymeleaf templates (what
 * {@code Controller.render} renders today) and its ConnTest test; prints the routes and the
 * dependency to add.
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
        Generator gen = r.bindings(generator())
                .bind("th_headers", r.fields.stream().map(f -> "<th>" + label(f.name()) + "</th>").collect(Collectors.joining()))
                .bind("td_cells", r.fields.stream().map(f -> "      <td th:text=\"${row." + f.name() + "}\"></td>").collect(Collectors.joining("\n")))
                .bind("dl_items", r.fields.stream().map(f -> "  <dt>" + label(f.name()) + "</dt><dd th:text=\"${" + s + "." + f.name() + "}\"></dd>")
                        .collect(Collectors.joining("\n")))
                .bind("form_inputs", r.fields.stream().map(f -> input(r, s, f)).collect(Collectors.joining("\n")));
        String templates = "src/main/resources/templates/" + Names.snake(r.schema) + "/";
        r.contextFiles(gen, basedir.toPath())
                .javaFile("src/main/java", pkg, r.schema + "Controller", "HtmlController.java.tmpl")
                .file(templates + "index.html", "html-index.html.tmpl")
                .file(templates + "show.html", "html-show.html.tmpl");
        gen.bind("title", "New " + r.schema).bind("action", "|/" + r.plural + "|");
        gen.file(templates + "new.html", "html-form.html.tmpl");
        gen.bind("title", "Edit " + r.schema).bind("action", "|/" + r.plural + "/${" + s + ".id}|");
        gen.file(templates + "edit.html", "html-form.html.tmpl")
                .javaFile("src/test/java", pkg, r.schema + "ControllerTest", "HtmlControllerTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Add the resource to the browser scope of your Router bean (a "browser" pipeline with
                Plugs.accepts("html"), fetchSession, fetchFlash, protectFromForgery). Forms post: phoenix-web has no
                _method override, so update and delete are POST routes:

                    .scope("/", s -> s.pipeThrough("browser")
                            .resources("/{{plural_path}}", {{Schema}}Controller.class, r -> r.except("update", "delete"))
                            .post("/{{plural_path}}/:id", {{Schema}}Controller.class, "update")
                            .post("/{{plural_path}}/:id/delete", {{Schema}}Controller.class, "delete"))

                The templates are Thymeleaf: add it to your pom if it is not there (its version is Spring Boot's):

                    <dependency>
                      <groupId>org.thymeleaf</groupId>
                      <artifactId>thymeleaf</artifactId>
                    </dependency>
                """);
    }

    private static String input(Resource r, String schema, Names.Field f) {
        String name = Names.snake(r.schema) + "[" + f.name() + "]";
        String type = switch (f.type()) {
            case "integer", "float" -> "number";
            case "boolean" -> "checkbox";
            default -> "text";
        };
        String value = f.type().equals("boolean") ? "value=\"true\" th:checked=\"${" + schema + "." + f.name() + "}\""
                : "th:value=\"${" + schema + "." + f.name() + "}\"";
        String step = f.type().equals("float") ? " step=\"any\"" : "";
        return "  <label for=\"" + f.name() + "\">" + label(f.name()) + "</label>\n"
                + "  <input type=\"" + type + "\"" + step + " id=\"" + f.name() + "\" name=\"" + name + "\" " + value + ">\n"
                + "  <p class=\"error\" th:each=\"message : ${errors." + f.name() + "}\" th:text=\"|" + label(f.name()) + " ${message}|\"></p>";
    }

    static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
