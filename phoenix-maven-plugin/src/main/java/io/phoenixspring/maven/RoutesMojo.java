package io.phoenixspring.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn compile phoenix:routes} ({@code mix phx.routes}): the route table of the compiled
 * application. The application is started in a forked JVM on its runtime classpath (a random port,
 * as {@code spring-boot:run} would start it, so conditional routes such as live ones are there) and
 * its {@code Router} bean's {@code format()} is printed; then it stops.
 *
 * <pre>{@code
 * mvn -q compile phoenix:routes
 * }</pre>
 */
@Mojo(name = "routes", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RoutesMojo extends AbstractMojo {

    private static final byte[] SPRING_BOOT_APPLICATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
            .getBytes(StandardCharsets.UTF_8);

    /** The compiled classes, where the {@code @SpringBootApplication} class is looked for. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** The application's runtime classpath (its classes first). */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    /** The application class; by default the one annotated {@code @SpringBootApplication}. */
    @Parameter(property = "mainClass", defaultValue = "${start-class}")
    String mainClass;

    /** How long the application may take to start and print its routes. */
    @Parameter(property = "timeout", defaultValue = "120s")
    String timeout;

    /** Where the table is printed. */
    PrintStream out = System.out;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // ${start-class} (Spring Boot's property) may be left unresolved when the project does not set it.
        boolean named = mainClass != null && !mainClass.isBlank() && !mainClass.startsWith("${");
        String application = named ? mainClass : findApplication();
        List<String> classpath = new ArrayList<>(classpathElements);
        classpath.add(ownLocation());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), RoutesMain.class.getName(), application);
        String output;
        int exit;
        try {
            Path log = Files.createTempFile("phoenix-routes", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                long seconds = Duration.parse("PT" + timeout.toUpperCase(java.util.Locale.ROOT)).toSeconds();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new MojoFailureException(application + " did not print its routes in " + timeout + ":\n" + Files.readString(log));
                }
                exit = process.exitValue();
                output = Files.readString(log);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot run " + application + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while " + application + " started", e);
        }
        if (output.contains(RoutesMain.NO_ROUTER)) {
            throw new MojoFailureException(application + " has no io.phoenixspring.web.router.Router bean: no routes to print");
        }
        int begin = output.indexOf(RoutesMain.BEGIN);
        int end = output.indexOf(RoutesMain.END);
        if (exit != 0 || begin < 0 || end < begin) {
            throw new MojoFailureException(application + " failed to start (exit " + exit + "):\n" + output);
        }
        // The table's own indentation is kept: only the line breaks around it go.
        out.println(output.substring(begin + RoutesMain.BEGIN.length(), end).replaceFirst("^\\R", "").stripTrailing());
    }

    /** The class whose bytecode carries {@code @SpringBootApplication}: one, else the goal asks for -DmainClass. */
    String findApplication() throws MojoFailureException {
        Path root = classesDirectory.toPath();
        if (!Files.isDirectory(root)) {
            throw new MojoFailureException(root + " does not exist: compile first (mvn compile phoenix:routes)");
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                if (contains(Files.readAllBytes(file), SPRING_BOOT_APPLICATION)) {
                    String name = root.relativize(file).toString().replace(File.separatorChar, '.');
                    found.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read " + root + ": " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new MojoFailureException((found.isEmpty() ? "No @SpringBootApplication class" : "Several @SpringBootApplication classes " + found)
                    + " in " + root + ": name one with -DmainClass=");
        }
        return found.get(0);
    }

    private static boolean contains(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** This plugin's jar (or classes folder, in its own tests): RoutesMain runs from it. */
    private static String ownLocation() throws MojoExecutionException {
        try {
            return Path.of(RoutesMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new MojoExecutionException("Cannot locate the plugin's classes", e);
        }
    }
}
