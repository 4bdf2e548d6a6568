package io.phoenixspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phoenix:routes finding the application class in the compiled classes (the run itself, in a generated app through Maven: phoenix-archetype's src/it/generators). */
class RoutesMojoTest {

    @TempDir
    Path classes;

    private void compiled(String name, boolean application) throws Exception {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        String body = application ? "RuntimeVisibleAnnotations Lorg/springframework/boot/autoconfigure/SpringBootApplication; x" : "plain";
        Files.write(file, body.getBytes(StandardCharsets.UTF_8));
    }

    private RoutesMojo mojo() {
        RoutesMojo mojo = new RoutesMojo();
        mojo.classesDirectory = classes.toFile();
        return mojo;
    }

    @Test
    void theApplicationIsTheClassAnnotatedSpringBootApplication() throws Exception {
        compiled("com.example.app.App", true);
        compiled("com.example.app.UserController", false);
        assertThat(mojo().findApplication()).isEqualTo("com.example.app.App");
    }

    @Test
    void noneOrSeveralApplicationsAskForMainClass() throws Exception {
        assertThatThrownBy(() -> mojo().findApplication()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No @SpringBootApplication class").hasMessageContaining("-DmainClass=");
        compiled("com.example.a.App", true);
        compiled("com.example.b.App", true);
        assertThatThrownBy(() -> mojo().findApplication())
                .hasMessageContaining("Several @SpringBootApplication classes [com.example.a.App, com.example.b.App]");
    }

    @Test
    void uncompiledProjectsAreToldToCompileFirst() {
        RoutesMojo mojo = mojo();
        mojo.classesDirectory = classes.resolve("missing").toFile();
        assertThatThrownBy(mojo::findApplication).hasMessageContaining("compile first (mvn compile phoenix:routes)");
    }
}
