package io.phoenixspring.channels.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made by the JDK's own {@code keytool}
 * once per test JVM: a PKCS12 keystore for the server and the certificate as PEM for clients
 * (Node reads it from {@code NODE_EXTRA_CA_CERTS}), so tests speak real TLS with verification on.
 */
public final class SelfSignedTls {

    public static final String PASSWORD = "changeit";
    public static final String ALIAS = "phoenix-test";

    private static SelfSignedTls instance;

    private final Path keystore;
    private final Path certificatePem;
    private final PrivateKey key;
    private final X509Certificate certificate;

    private SelfSignedTls(Path dir) throws Exception {
        this.keystore = dir.resolve("server.p12");
        this.certificatePem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificatePem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        this.key = (PrivateKey) store.getKey(ALIAS, PASSWORD.toCharArray());
        this.certificate = (X509Certificate) store.getCertificate(ALIAS);
    }

    /** The JVM's certificate, made on first use. */
    public static synchronized SelfSignedTls get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("phoenix-tls");
                dir.toFile().deleteOnExit();
                instance = new SelfSignedTls(dir);
            } catch (Exception e) {
                throw new IllegalStateException("could not make a self-signed certificate with keytool", e);
            }
        }
        return instance;
    }

    public Path keystore() {
        return keystore;
    }

    public Path certificatePem() {
        return certificatePem;
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** An SSLContext that trusts this certificate only, for Java clients. */
    public javax.net.ssl.SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            javax.net.ssl.TrustManagerFactory factory =
                    javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
