package dev.fintools.revolut.emulator;

/**
 * A certificate upload the emulator refuses, as the web app would: not a certificate, a private key, a bare public
 * key, a PEM without its BEGIN and END lines, a non-RSA key or an RSA key shorter than 2048 bits.
 */
public final class CertificateRejectedException extends IllegalArgumentException {
    CertificateRejectedException(String message) {
        super(message);
    }

    CertificateRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
