package dev.fintools.revolut.benchmarks;

import dev.fintools.revolut.keys.GeneratedKeys;
import dev.fintools.revolut.keys.KeyGenerator;
import dev.fintools.revolut.keys.PemEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The inputs every figure shares: one client, one redirect URI, one fixed clock, keys made the plugin's way. */
final class Fixtures {
    static final String CLIENT_ID = "bench_client_zfTKV9Eie_XLHl03f2Y7vJYDe5Klr6Y54v8fsp4Gvgp";
    static final String REDIRECT_URI = "https://example.com/revolut/callback";
    static final Duration TTL = Duration.ofMinutes(5);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    static final String SUBJECT = KeyGenerator.DEFAULT_SUBJECT;

    private Fixtures() {}

    static GeneratedKeys keys() {
        return new KeyGenerator(new SecureRandom()).generate(2048, SUBJECT, 30, Clock.systemUTC());
    }

    /** Writes privatecert.pem (PKCS#8) and publiccert.cer into {@code folder}, as revolut:keygen names them. */
    static Path writeKeys(GeneratedKeys keys, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path key = folder.resolve("privatecert.pem");
        Files.writeString(key, PemEncoding.privateKey(keys), StandardCharsets.US_ASCII);
        Files.writeString(
                folder.resolve("publiccert.cer"),
                PemEncoding.certificate(keys.certificate()),
                StandardCharsets.US_ASCII);
        return key;
    }
}
