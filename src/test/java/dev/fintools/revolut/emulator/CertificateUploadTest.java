package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The certificate upload, through the admin API, as the web app's "X509 public key" field checks it. */
class CertificateUploadTest {
    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void registersACertificateAndAnswersAClientIdShapedLikeRevoluts() {
        HttpResponse<String> response = upload(TestKeys.CERTIFICATE);

        assertThat(response.statusCode()).isEqualTo(201);
        String clientId = fixture.read(response).get("clientId").asText();
        assertThat(clientId).matches("[A-Za-z0-9_-]{43}");
        assertThat(fixture.emulator.clientIds()).contains(clientId);
    }

    @Test
    void registersThePemFileItselfPostedWithTheRedirectUriInTheQuery() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(fixture.emulator.url() + "/admin/clients?redirectUri=https://example.com"))
                .header("Content-Type", "application/x-pem-file")
                .POST(HttpRequest.BodyPublishers.ofString(TestKeys.CERTIFICATE))
                .build();

        HttpResponse<String> response = fixture.send(request);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(fixture.read(response).get("redirectUri").asText()).isEqualTo("https://example.com");
    }

    @Test
    void keepsTheClientIdGivenWithTheCertificate() {
        HttpResponse<String> response = fixture.admin(
                "POST",
                "/admin/clients",
                json(Map.of(
                        "certificate", TestKeys.CERTIFICATE,
                        "redirectUri", "https://example.com",
                        "clientId", "from-settings-xml")));

        assertThat(fixture.read(response).get("clientId").asText()).isEqualTo("from-settings-xml");
    }

    @Test
    void refusesAPrivateKey() {
        HttpResponse<String> response = upload(TestKeys.pem(TestKeys.RSA.getPrivate()));

        assertRejected(response, "Invalid public key: this is a private key.");
    }

    @Test
    void refusesABarePublicKey() {
        HttpResponse<String> response = upload(TestKeys.pem(TestKeys.RSA.getPublic()));

        assertRejected(response, "Invalid public key: this is a bare public key, not an X.509 certificate.");
    }

    @Test
    void refusesACertificateWithoutItsBeginAndEndLines() {
        String body = TestKeys.CERTIFICATE
                .replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", "");

        HttpResponse<String> response = upload(body);

        assertRejected(response, "Invalid public key: the upload must be the whole X.509 certificate");
    }

    @Test
    void refusesTextThatIsNotACertificate() {
        HttpResponse<String> response =
                upload("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        assertRejected(response, "Invalid public key: the text between the BEGIN and END CERTIFICATE lines is not");
    }

    @Test
    void refusesAnEllipticCurveCertificate() {
        String certificate = TestKeys.certificate(TestKeys.generate("EC", 256), "SHA256withECDSA");

        HttpResponse<String> response = upload(certificate);

        assertRejected(response, "Invalid public key: the certificate holds a EC key");
    }

    @Test
    void refusesAnRsaKeyShorterThan2048Bits() {
        String certificate = TestKeys.certificate(TestKeys.generate("RSA", 1024), "SHA256withRSA");

        HttpResponse<String> response = upload(certificate);

        assertRejected(response, "Invalid public key: the certificate's RSA key has 1024 bits; at least 2048");
    }

    @Test
    void refusesARedirectUriWithoutAHost() {
        HttpResponse<String> response = fixture.admin(
                "POST",
                "/admin/clients",
                json(Map.of("certificate", TestKeys.CERTIFICATE, "redirectUri", "example.com")));

        assertRejected(response, "Redirect URI 'example.com' has no scheme or host");
    }

    private HttpResponse<String> upload(String certificate) {
        return fixture.admin(
                "POST",
                "/admin/clients",
                json(Map.of("certificate", certificate, "redirectUri", "https://example.com")));
    }

    private void assertRejected(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.read(response).get("message").asText()).startsWith(message);
    }

    private String json(Object value) {
        try {
            return fixture.json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
