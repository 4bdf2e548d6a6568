package io.phoenixspring.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn phoenix:gen.json} ({@code mix phx.gen.json}) without Ecto: an in-memory context and
 * schema record, a controller with the JSON resource actions, its JSON view and its ConnTest test;
 * prints the routes to add.
 *
 * <pre>{@code
 * mvn phoenix:gen.json -Dcontext=Accounts -Dschema=User -Dplural=users -Dfields=name:string,age:integer
 * }</pre>
 */
@Mojo(name = "gen.json", threadSafe = true)
public class GenJsonMojo extends AbstractResourceMojo {

    @Override
    public void execute() throws MojoFailureException {
        String pkg = basePackage();
        Resource r = resource(pkg);
        Generator gen = r.bindings(generator());
        r.contextFiles(gen, basedir.toPath())
                .javaFile("src/main/java", pkg, r.schema + "Controller", "JsonController.java.tmpl")
                .javaFile("src/main/java", pkg, r.schema + "JSON", "Json.java.tmpl")
                .javaFile("src/test/java", pkg, r.schema + "ControllerTest", "JsonControllerTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Add the resource to the "/api" scope of your Router bean (an "api" pipeline with Plugs.accepts("json")):

                    .scope("/api", s -> s.pipeThrough("api")
                            .resources("/{{plural_path}}", {{Schema}}Controller.class, r -> r.except("new", "edit")))
                """);
    }
}
