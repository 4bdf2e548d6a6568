package io.phoenixspring.maven;

import io.phoenixspring.token.SecretKeyBase;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:gen.secret} ({@code mix phx.gen.secret}): prints a new random secret for
 * {@code phoenix.endpoint.secret-key-base} ({@code SECRET_KEY_BASE}). No project is needed.
 *
 * <pre>{@code
 * mvn -q io.phoenixspring:phoenix-maven-plugin:gen.secret -Dlength=64
 * }</pre>
 */
@Mojo(name = "gen.secret", requiresProject = false, threadSafe = true)
public class GenSecretMojo extends AbstractMojo {

    /** The secret's length in characters (at least 32, as mix's). */
    @Parameter(property = "length", defaultValue = "64")
    int length;

    @Override
    public void execute() throws MojoFailureException {
        if (length < SecretKeyBase.MIN_LENGTH) {
            throw new MojoFailureException("The secret should be at least " + SecretKeyBase.MIN_LENGTH + " characters long, got " + length);
        }
        // Printed on stdout alone (not through the log), so that `mvn -q` output can be captured.
        System.out.println(SecretKeyBase.generate(length));
    }
}
