package io.phoenixspring.maven;

import io.phoenixspring.web.digest.Digester;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:digest.clean} ({@code mix phx.digest.clean}): removes old versions of digested
 * files: for each file, the versions other than the latest that are older than {@code age} seconds
 * or past the {@code keep} newest; with {@code -Dall}, every digested and gzipped file and the manifest.
 *
 * <pre>{@code
 * mvn phoenix:digest.clean -Dage=600 -Dkeep=3
 * mvn phoenix:digest.clean -Dall
 * }</pre>
 */
@Mojo(name = "digest.clean", threadSafe = true)
public class DigestCleanMojo extends AbstractMojo {

    /** The folder phoenix:digest wrote to (phx.digest.clean's {@code -o}). */
    @Parameter(property = "output", defaultValue = "${project.build.outputDirectory}/static")
    File output;

    /** Maximum age in seconds of the versions kept beside the latest. */
    @Parameter(property = "age", defaultValue = "3600")
    long age = 3600;

    /** How many previous versions to keep beside the latest. */
    @Parameter(property = "keep", defaultValue = "2")
    int keep = 2;

    /** Remove every compiled file and the manifest, whatever age and keep say. */
    @Parameter(property = "all", defaultValue = "false")
    boolean all;

    @Override
    public void execute() throws MojoFailureException {
        if (keep < 0 || age < 0) {
            throw new MojoFailureException("age and keep must not be negative, got age=" + age + " keep=" + keep);
        }
        if (!output.isDirectory()) {
            throw new MojoFailureException("The output path \"" + output + "\" does not exist");
        }
        try {
            List<String> removed = all ? Digester.cleanAll(output.toPath()) : Digester.clean(output.toPath(), age, keep);
            removed.forEach(file -> getLog().debug("removed " + file));
            getLog().info("Clean complete for \"" + output + "\": " + removed.size() + " digested files removed");
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new MojoFailureException("phoenix:digest.clean failed: " + e.getMessage(), e);
        }
    }
}
