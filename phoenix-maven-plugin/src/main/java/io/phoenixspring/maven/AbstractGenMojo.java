package io.phoenixspring.maven;

import java.io.File;
import java.io.PrintStream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every phx.gen.* goal shares: where, which package, and whether to overwrite. */
abstract class AbstractGenMojo extends AbstractMojo {

    /** The project's folder: files are created under its src/main and src/test. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The base package; by default the package of the project's {@code @SpringBootApplication} class. */
    @Parameter(property = "package")
    String basePackage;

    /** Overwrite existing files (by default a goal fails, naming the first file that exists). */
    @Parameter(property = "force", defaultValue = "false")
    boolean force;

    /** Where the created files and the instructions are printed (stdout, as mix prints them). */
    PrintStream out = System.out;

    Generator generator() throws MojoFailureException {
        return new Generator(basedir.toPath(), force, out).bind("package", Names.basePackage(basePackage, basedir.toPath()));
    }

    String basePackage() throws MojoFailureException {
        return Names.basePackage(basePackage, basedir.toPath());
    }
}
