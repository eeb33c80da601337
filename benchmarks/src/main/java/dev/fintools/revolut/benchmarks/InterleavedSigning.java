package dev.fintools.revolut.benchmarks;

import dev.fintools.revolut.assertion.ClientAssertion;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;

/**
 * Item 1's cross-check against the noise of a shared machine: in one warmed JVM, the plugin and the floor alternate
 * operation by operation, each operation timed on its own, so that a burst of load from a neighbour hits both sides
 * alike. Reports the median of each side.
 */
final class InterleavedSigning {
    record Result(Samples plugin, Samples floor) {}

    private InterleavedSigning() {}

    static Result run(int warmUpPairs, int measuredPairs) throws GeneralSecurityException {
        RSAPrivateKey key = Fixtures.keys().privateKey();
        String jwt = sign(key);
        byte[] signingInput = jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        Samples plugin = new Samples("plugin");
        Samples floor = new Samples("floor");
        for (int pair = 0; pair < warmUpPairs + measuredPairs; pair++) {
            boolean measured = pair >= warmUpPairs;
            boolean pluginFirst = pair % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isPlugin = (side == 0) == pluginFirst;
                long start = System.nanoTime();
                Object result = isPlugin ? sign(key) : floor(key, signingInput);
                long micros = (System.nanoTime() - start) / 1000;
                if (result == null) {
                    throw new IllegalStateException("No signature");
                }
                if (measured) {
                    (isPlugin ? plugin : floor).add(micros);
                }
            }
        }
        return new Result(plugin, floor);
    }

    private static String sign(RSAPrivateKey key) {
        return ClientAssertion.sign(key, Fixtures.CLIENT_ID, Fixtures.REDIRECT_URI, Fixtures.TTL, Fixtures.CLOCK)
                .reveal();
    }

    private static byte[] floor(RSAPrivateKey key, byte[] signingInput) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput);
        return signature.sign();
    }
}
