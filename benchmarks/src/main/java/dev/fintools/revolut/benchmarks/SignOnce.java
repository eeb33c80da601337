package dev.fintools.revolut.benchmarks;

import dev.fintools.revolut.assertion.ClientAssertion;
import dev.fintools.revolut.credentials.PrivateKeyReference;
import dev.fintools.revolut.keys.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Item 1 as a whole process, beside the guide's openssl recipe: one JVM that loads the PEM key, signs one assertion
 * and writes it to client_assertion.txt in the given folder.
 */
public final class SignOnce {
    private SignOnce() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        var key = PrivateKeys.load(new PrivateKeyReference.File(folder.resolve("privatecert.pem")), null);
        var assertion =
                ClientAssertion.sign(key, Fixtures.CLIENT_ID, Fixtures.REDIRECT_URI, Fixtures.TTL, Clock.systemUTC());
        Files.writeString(folder.resolve("client_assertion_java.txt"), assertion.reveal(), StandardCharsets.US_ASCII);
    }
}
