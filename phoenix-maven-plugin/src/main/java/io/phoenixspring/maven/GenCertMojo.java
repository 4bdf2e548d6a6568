package io.phoenixspring.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:gen.cert} ({@code mix phx.gen.cert}): a self-signed certificate for HTTPS in
 * development, a PKCS12 keystore made by the JDK's {@code keytool} at {@code priv/cert/selfsigned.p12}
 * (as mix writes {@code priv/cert/}: outside the classpath, so it never ships in the jar), and the
 * Spring Boot SSL bundle properties that serve it.
 *
 * <pre>{@code
 * mvn phoenix:gen.cert -Dhostnames=localhost,my-app.local
 * }</pre>
 */
@Mojo(name = "gen.cert", requiresProject = false, threadSafe = true)
public class GenCertMojo extends AbstractMojo {

    /** The project's folder (the current one without a project). */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    File basedir;

    /** The keystore, relative to the project's folder. */
    @Parameter(property = "output", defaultValue = "priv/cert/selfsigned.p12")
    String output;

    /** The certificate's names (the first is its CN); 127.0.0.1 and ::1 are always added. */
    @Parameter(property = "hostnames", defaultValue = "localhost")
    String hostnames;

    /** Overwrite an existing keystore. */
    @Parameter(property = "force", defaultValue = "false")
    boolean force;

    /** Where the created file and the properties are printed. */
    PrintStream out = System.out;

    @Override
    public void execute() throws MojoFailureException {
        Path keystore = basedir.toPath().resolve(output);
        if (Files.exists(keystore) && !force) {
            throw new MojoFailureException(output + " already exists (use -Dforce=true to overwrite it)");
        }
        List<String> names = new ArrayList<>();
        for (String name : hostnames.split(",")) {
            if (!name.strip().matches("[A-Za-z0-9.-]+")) {
                throw new MojoFailureException("-Dhostnames: not a host name: \"" + name.strip() + "\"");
            }
            names.add(name.strip());
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StringBuilder san = new StringBuilder();
        for (String name : names) {
            san.append("dns:").append(name).append(',');
        }
        san.append("ip:127.0.0.1,ip:::1");
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(keystore);
            keytool(List.of("-genkeypair", "-alias", "selfsigned", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "365", "-dname", "CN=" + names.get(0) + ", O=Phoenix Spring self-signed certificate",
                    "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", password, "-keypass", password, "-noprompt"));
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        out.println("* creating " + output);
        out.println();
        out.println("""
                Add to src/main/resources/application-dev.properties (or application.yml) to serve HTTPS with it:

                    server.ssl.bundle=dev
                    spring.ssl.bundle.jks.dev.keystore.location=file:%s
                    spring.ssl.bundle.jks.dev.keystore.password=%s
                    spring.ssl.bundle.jks.dev.keystore.type=PKCS12
                    spring.ssl.bundle.jks.dev.key.alias=selfsigned

                The certificate is self-signed for %s: browsers warn about it; it is for development only.
                Keep it out of version control: add priv/cert/ to .gitignore.""".formatted(output, password, String.join(", ", names)));
    }

    private static void keytool(List<String> args) throws MojoFailureException, IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MojoFailureException("keytool did not finish in 60 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Interrupted while keytool ran", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new MojoFailureException("keytool failed (" + process.exitValue() + "): " + output.strip());
        }
    }
}
