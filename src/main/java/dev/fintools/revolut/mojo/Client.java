package dev.fintools.revolut.mojo;

/**
 * A client the emulator registers at start, as if its certificate had been uploaded in the web app:
 *
 * <pre>{@code
 * <clients>
 *   <client>
 *     <clientId>zfTKV9Eie_XLHl03f2Y7vJYDe5Klr6Y54v8fsp4Gvgp</clientId>
 *     <certificate>${user.home}/.revolut/sandbox/publiccert.cer</certificate>
 *     <redirectUri>https://example.com</redirectUri>
 *   </client>
 * </clients>
 * }</pre>
 */
public class Client {
    /** The client ID the build already uses (settings.xml {@code <username>}); generated when empty. */
    String clientId;

    /** The PEM X.509 certificate: a file path, or the PEM text itself. Required. */
    String certificate;

    /** The OAuth redirect URI registered with the certificate, such as {@code https://example.com}. Required. */
    String redirectUri;

    @Override
    public String toString() {
        return "Client[" + clientId + ", " + redirectUri + "]";
    }
}
