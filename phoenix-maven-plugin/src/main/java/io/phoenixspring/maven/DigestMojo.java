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
 * {@code mvn phoenix:digest} ({@code mix phx.digest}): digests and gzips the static files of the
 * compiled application, writing {@code app-<md5>.js}, {@code app-<md5>.js.gz}, {@code app.js.gz}
 * and {@code cache_manifest.json} beside them, for {@code phoenix.endpoint.cache-static-manifest}.
 * Bound to no phase; bind it to {@code prepare-package} so the jar holds the digested files.
 *
 * <pre>{@code
 * mvn compile phoenix:digest
 * mvn phoenix:digest -Dinput=target/classes/static -Doutput=/www/public -Dvsn=false
 * }</pre>
 */
@Mojo(name = "digest", threadSafe = true)
public class DigestMojo extends AbstractMojo {

    /** The static files to digest (Phoenix's priv/static). */
    @Parameter(property = "input", defaultValue = "${project.build.outputDirectory}/static")
    File input;

    /** Where the digested files and the manifest go (phx.digest's {@code -o}); by default the input folder. */
    @Parameter(property = "output", defaultValue = "${project.build.outputDirectory}/static")
    File output;

    /** Whether stylesheet references to digested assets end in {@code ?vsn=d}; false is phx.digest's {@code --no-vsn}. */
    @Parameter(property = "vsn", defaultValue = "true")
    boolean vsn = true;

    @Override
    public void execute() throws MojoFailureException {
        if (!input.isDirectory()) {
            throw new MojoFailureException("The input path \"" + input + "\" does not exist");
        }
        try {
            List<String> digested = Digester.compile(input.toPath(), output.toPath(), vsn);
            getLog().info("Digested " + digested.size() + " files. Check your digested files at \"" + output + "\"");
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new MojoFailureException("phoenix:digest failed: " + e.getMessage(), e);
        }
    }
}
