package dev.fintools.revolut.benchmarks;

import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.KeyGenerator;
import dev.fintools.revolut.keys.PemEncoding;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Item 2, in one JVM: the plugin's key, certificate and both PEM texts against the JDK generating the RSA key pair
 * alone. Single shots, because one RSA generation is long and varies a lot (the prime search is random).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeyGenerationBenchmark {
    private final SecureRandom random = new SecureRandom();

    @Benchmark
    public String plugin() {
        GeneratedKeys keys = new KeyGenerator(random)
                .generate(KeyGenerator.DEFAULT_KEY_SIZE_BITS, Fixtures.SUBJECT, 1825, Clock.systemUTC());
        return PemEncoding.privateKey(keys) + PemEncoding.certificate(keys.certificate());
    }

    @Benchmark
    public KeyPair jdkKeyPairOnly() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KeyGenerator.DEFAULT_KEY_SIZE_BITS, random);
        return generator.generateKeyPair();
    }
}
