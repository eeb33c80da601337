package dev.fintools.revolut.benchmarks;

import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Item 1: one client assertion signed by the plugin against the floor, a bare JDK {@code SHA256withRSA} signature over
 * the very bytes the plugin signs (the JWT's {@code header.payload}), with the same key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBenchmark {
    private RSAPrivateKey key;
    private byte[] signingInput;

    @Setup
    public void createKeyAndSigningInput() {
        key = Fixtures.keys().privateKey();
        String jwt = sign().reveal();
        signingInput = jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public Secret plugin() {
        return sign();
    }

    @Benchmark
    public byte[] floor() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput);
        return signature.sign();
    }

    private Secret sign() {
        return ClientAssertion.sign(key, Fixtures.CLIENT_ID, Fixtures.REDIRECT_URI, Fixtures.TTL, Fixtures.CLOCK);
    }
}
