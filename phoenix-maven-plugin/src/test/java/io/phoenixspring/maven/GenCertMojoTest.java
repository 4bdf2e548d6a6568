package io.phoenixspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phoenix:gen.cert: a PKCS12 keystore that opens with the printed password and holds a localhost certificate. */
class GenCertMojoTest {

    @TempDir
    Path project;

    private GenCertMojo mojo(ByteArrayOutputStream printed) {
        GenCertMojo mojo = new GenCertMojo();
        mojo.basedir = project.toFile();
        mojo.output = "priv/cert/selfsigned.p12";
        mojo.hostnames = "localhost,app.local";
        mojo.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return mojo;
    }

    @Test
    void writesAKeystoreForLocalhostAndPrintsTheSslBundle() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        mojo(printed).execute();
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("* creating priv/cert/selfsigned.p12").contains("server.ssl.bundle=dev")
                .contains("spring.ssl.bundle.jks.dev.keystore.location=file:priv/cert/selfsigned.p12")
                .contains("spring.ssl.bundle.jks.dev.keystore.type=PKCS12");
        Matcher password = Pattern.compile("keystore.password=(\\S+)").matcher(text);
        assertThat(password.find()).isTrue();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(project.resolve("priv/cert/selfsigned.p12"))) {
            store.load(in, password.group(1).toCharArray());
        }
        assertThat(store.getKey("selfsigned", password.group(1).toCharArray())).isInstanceOf(PrivateKey.class);
        X509Certificate cert = (X509Certificate) store.getCertificate("selfsigned");
        cert.checkValidity();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(cert.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactlyInAnyOrder("localhost", "app.local", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void refusesToOverwriteAnExistingKeystore() throws Exception {
        Files.createDirectories(project.resolve("priv/cert"));
        Files.writeString(project.resolve("priv/cert/selfsigned.p12"), "mine");
        assertThatThrownBy(() -> mojo(new ByteArrayOutputStream()).execute())
                .hasMessage("priv/cert/selfsigned.p12 already exists (use -Dforce=true to overwrite it)");
        assertThat(project.resolve("priv/cert/selfsigned.p12")).hasContent("mine");
    }
}
