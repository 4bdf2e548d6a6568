package io.phoenixspring.maven;

import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn phoenix:gen.live} ({@code mix phx.gen.live}) without Ecto: an in-memory context and
 * schema record, an index LiveView (list, create form with errors, delete) and a show LiveView,
 * their {@code .html.heex} templates and a LiveViewTest test; prints the live routes to add.
 *
 * <pre>{@code
 * mvn phoenix:gen.live -Dcontext=Accounts -Dschema=User -Dplural=users -Dfields=name:string,age:integer
 * }</pre>
 */
@Mojo(name = "gen.live", threadSafe = true)
public class GenLiveMojo extends AbstractResourceMojo {

    @Override
    public void execute() throws MojoFailureException {
        String pkg = basePackage();
        Resource r = resource(pkg);
        String s = Resource.lowerFirst(r.schema);
        Generator gen = r.bindings(generator())
                .bind("th_headers", r.fields.stream().map(f -> "<th>" + GenHtmlMojo.label(f.name()) + "</th>").collect(Collectors.joining()))
                .bind("td_cells", r.fields.stream().map(f -> "      <td>{row." + f.property() + "}</td>").collect(Collectors.joining("\n")))
                .bind("dl_items", r.fields.stream().map(f -> "  <dt>" + GenHtmlMojo.label(f.name()) + "</dt><dd>{@" + s + "." + f.property() + "}</dd>")
                        .collect(Collectors.joining("\n")))
                .bind("form_inputs", r.fields.stream().map(GenLiveMojo::input).collect(Collectors.joining("\n")));
        String resources = "src/main/resources/" + pkg.replace('.', '/') + "/";
        r.contextFiles(gen, basedir.toPath())
                .javaFile("src/main/java", pkg, r.schema + "Live", "Live.java.tmpl")
                .file(resources + r.schema + "Live.html.heex", "Live.html.heex.tmpl")
                .javaFile("src/main/java", pkg, r.schema + "ShowLive", "ShowLive.java.tmpl")
                .file(resources + r.schema + "ShowLive.html.heex", "ShowLive.html.heex.tmpl")
                .javaFile("src/test/java", pkg, r.schema + "LiveTest", "LiveTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Add the live routes to the browser scope of your Router bean (take LiveRoutes live as a parameter
                of the @Bean method: io.phoenixspring.live.router.LiveRoutes):

                    .scope("/", s -> s.pipeThrough("browser")
                            .get("/{{plural_path}}", live.route({{Schema}}Live.class))
                            .get("/{{plural_path}}/:id", live.route({{Schema}}ShowLive.class)))
                """);
    }

    private static String input(Names.Field f) {
        String type = switch (f.type()) {
            case "integer", "float" -> "number";
            case "boolean" -> "checkbox";
            default -> "text";
        };
        String extra = f.type().equals("boolean") ? " value=\"true\"" : f.type().equals("float") ? " step=\"any\"" : "";
        return "  <label for=\"" + f.name() + "\">" + GenHtmlMojo.label(f.name()) + "</label>\n"
                + "  <input type=\"" + type + "\"" + extra + " id=\"" + f.name() + "\" name=\"" + f.name() + "\">";
    }
}
