package dev.fintools.revolut.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Revolut's guide as written: openssl to make the key, certificate and client assertion (step 1 and 2), then
 * the guide's curl calls for the token exchange (step 4), the accounts (step 5) and the refresh (Troubleshooting),
 * with only the host replaced by the emulator's.
 */
class DocumentedRecipeTest {
    private static final String REDIRECT_URI = "https://example.com";

    @TempDir
    Path directory;

    private RevolutEmulator emulator;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        emulator = RevolutEmulator.start(EmulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void acceptsTheKeyAssertionAndCurlCallsOfRevolutsGuide() throws Exception {
        run(generateCertificate());
        String clientId = upload();
        run(clientAssertion(clientId, Instant.now().getEpochSecond() + 3600));

        run(consentAndCalls());

        JsonNode tokens = read("token.json");
        assertThat(tokens.get("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.get("refresh_token").asText()).startsWith("oa_sand_");
        assertThat(read("accounts.json").get(0).get("name").asText()).isEqualTo("Current GBP account");
        assertThat(read("refreshed.json").get("access_token").asText()).startsWith("oa_sand_");
        assertThat(read("refreshed.json").has("refresh_token")).isFalse();
    }

    @Test
    void refusesTheGuidesAssertionWhenTheKeyIsNotTheUploadedOne() throws Exception {
        run(generateCertificate());
        String clientId = upload();
        run("openssl genrsa -out privatecert.pem 2048 2>/dev/null\n");
        run(clientAssertion(clientId, Instant.now().getEpochSecond() + 3600));

        run(consentAndCalls());

        assertThat(read("token.json").get("error").asText()).isEqualTo("invalid_client");
    }

    /** Step 1, answering the Distinguished Name prompts with a Country Name only, as the guide allows. */
    private static String generateCertificate() {
        return """
                openssl genrsa -out privatecert.pem 2048
                printf 'GB\\n\\n\\n\\n\\n\\n\\n' | openssl req -new -x509 -key privatecert.pem -out publiccert.cer -days 1825
                """;
    }

    private String upload() throws Exception {
        run("curl -sS -X POST --data-binary @publiccert.cer '" + emulator.url() + "/admin/clients?redirectUri="
                + REDIRECT_URI + "' > client.json\n");
        return read("client.json").get("clientId").asText();
    }

    /** Step 2, substeps 2 to 4, verbatim but for the placeholders. */
    private static String clientAssertion(String clientId, long expiry) {
        return """
                cat <<EOF > header.json
                {
                  "alg": "RS256",
                  "typ": "JWT"
                }
                EOF
                cat <<EOF > payload.json
                {
                  "iss": "example.com",
                  "sub": "%s",
                  "aud": "https://revolut.com",
                  "exp": %d
                }
                EOF
                # Add encoded and normalised header
                cat header.json | tr -d '\\n' | tr -d '\\r' | openssl enc -base64 -A | tr +/ -_ | tr -d '=' > client_assertion.txt
                echo -n "." >> client_assertion.txt
                # Add encoded and normalised payload
                cat payload.json | tr -d '\\n' | tr -d '\\r' | openssl enc -base64 -A | tr +/ -_ | tr -d '=' >> client_assertion.txt
                # Generate signature
                cat client_assertion.txt | tr -d '\\n' | tr -d '\\r' | openssl dgst -sha256 -sign privatecert.pem | openssl enc -base64 -A | tr +/ -_ | tr -d '=' > sign.txt
                echo -n "." >> client_assertion.txt
                # Add signature
                cat sign.txt >> client_assertion.txt
                """.formatted(clientId, expiry);
    }

    /** Step 3 (consent, the code read from the redirect), step 4, step 5 and the refresh, as the guide's curl. */
    private String consentAndCalls() {
        String api = emulator.apiUrl().toString();
        return """
                CLIENT_ID=$(sed -n 's/.*"clientId":"\\([^"]*\\)".*/\\1/p' client.json)
                LOCATION=$(curl -sS -o /dev/null -w '%%{redirect_url}' "%s/app-confirm?client_id=$CLIENT_ID&redirect_uri=https://example.com&response_type=code")
                CODE=${LOCATION#*code=}
                JWT=$(cat client_assertion.txt)
                curl -sS %s/auth/token \\
                  -H "Content-Type: application/x-www-form-urlencoded"\\
                  --data "grant_type=authorization_code"\\
                  --data "code=$CODE"\\
                  --data "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"\\
                  --data "client_assertion=$JWT" > token.json
                ACCESS_TOKEN=$(sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p' token.json)
                REFRESH_TOKEN=$(sed -n 's/.*"refresh_token":"\\([^"]*\\)".*/\\1/p' token.json)
                curl -sS %s/accounts \\
                  -H "Authorization: Bearer $ACCESS_TOKEN" > accounts.json
                curl -sS %s/auth/token \\
                  -H "Content-Type: application/x-www-form-urlencoded"\\
                  --data "grant_type=refresh_token"\\
                  --data "refresh_token=$REFRESH_TOKEN"\\
                  --data "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"\\
                  --data "client_assertion=$JWT" > refreshed.json
                """.formatted(emulator.webAppUrl(), api, api, api);
    }

    private void run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-e", "-c", script)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile())
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(directory.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(finished).as("script finished in time").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private JsonNode read(String file) throws IOException {
        return json.readTree(directory.resolve(file).toFile());
    }
}
