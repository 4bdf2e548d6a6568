package io.phoenixspring.token.bench;

import io.phoenixspring.token.KeyDigest;
import io.phoenixspring.token.KeyGenerator;
import io.phoenixspring.token.PhoenixToken;
import io.phoenixspring.token.TokenOptions;
import io.phoenixspring.token.TokenResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign, verify and decrypt of a typical small token (a user id map), with the derived key cached
 * as in production, against two baselines in the same run: one bare HMAC-SHA256 over the same
 * text (the floor), and a verify that derives its key every time (what caching saves).
 *
 * <p>Run: {@code mvn -B -pl phoenix-token -Pbench verify -Dbench.args="-f 1 -wi 3 -i 5 TokenBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmark {

    private static final String SECRET_KEY_BASE = "pX7mQ2vK9sLr4TzW1nYb8HcE5jUa0GfD3kRt6VwN2qMx9ZeS7oPi4LhB1uCy8AdF";
    private static final Map<String, Object> DATA = Map.of("user_id", 42, "roles", List.of("admin"));

    private PhoenixToken tokens;
    private String signed;
    private String encrypted;
    private byte[] signedText;
    private SecretKeySpec hmacKey;

    @Setup
    public void setUp() {
        tokens = PhoenixToken.of(SECRET_KEY_BASE);
        signed = tokens.sign("user auth", DATA);
        encrypted = tokens.encrypt("user data", DATA);
        signedText = signed.substring(0, signed.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        hmacKey = new SecretKeySpec(KeyGenerator.generate(SECRET_KEY_BASE, "user auth", 1000, 32, KeyDigest.SHA256),
                "HmacSHA256");
    }

    @Benchmark
    public String sign() {
        return tokens.sign("user auth", DATA);
    }

    @Benchmark
    public TokenResult verify() {
        return tokens.verify("user auth", signed, TokenOptions.maxAge(86400));
    }

    @Benchmark
    public TokenResult decrypt() {
        return tokens.decrypt("user data", encrypted, TokenOptions.maxAge(86400));
    }

    /** Baseline: the HMAC alone, which no verify can beat. */
    @Benchmark
    public byte[] baselineBareHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(hmacKey);
        return mac.doFinal(signedText);
    }

    /** Baseline: verify paying PBKDF2 (1000 iterations) every time, as without the key cache. */
    @Benchmark
    public TokenResult baselineVerifyWithoutKeyCache() {
        return PhoenixToken.of(SECRET_KEY_BASE).verify("user auth", signed, TokenOptions.maxAge(86400));
    }
}
