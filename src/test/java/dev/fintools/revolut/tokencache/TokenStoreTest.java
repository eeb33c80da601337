package dev.fintools.revolut.tokencache;

import static dev.fintools.revolut.testing.TestSecrets.ACCESS_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.REFRESH_TOKEN;
import static dev.fintools.revolut.testing.TestSecrets.assertRevealsNoSecret;
import static dev.fintools.revolut.testing.TestSecrets.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.config.Environment;
import dev.fintools.revolut.secrets.Secret;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    private static final ClientIdentity IDENTITY =
            new ClientIdentity("client-1", Environment.SANDBOX, ApiUrl.of(Environment.SANDBOX));
    private static final Instant EXPIRES_AT = Instant.parse("2026-12-03T12:40:00Z");
    private static final Instant CONSENTED_AT = Instant.parse("2026-11-01T09:30:00Z");

    @TempDir
    private Path folder;

    @Test
    void readsBackWhatItWrote() {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        StoredTokens tokens = sample();

        store.write(tokens);

        assertThat(store.read()).contains(tokens);
    }

    @Test
    void readsNothingBeforeTheFirstWrite() {
        assertThat(new TokenStore(folder.resolve("tokens.json")).read()).isEmpty();
    }

    @Test
    void writesTheFileReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        TokenStore store = new TokenStore(folder.resolve("cache/tokens.json"));

        store.write(sample());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(store.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void namesTheFileByEnvironmentAndAFingerprintOfTheClientId() {
        TokenStore store = TokenStore.inFolder(folder, Environment.PRODUCTION, "my-client-id");

        assertThat(store.file().getFileName().toString()).matches("tokens-production-[0-9a-f]{12}\\.json");
        assertThat(store.lockFile().getFileName().toString())
                .isEqualTo(store.file().getFileName() + ".lock");
    }

    @Test
    void readsExpiresAtWrittenAsAnIsoInstant() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Files.writeString(
                store.file(),
                "{\"clientId\":\"client-1\",\"environment\":\"sandbox\",\"apiUrl\":"
                        + "\"https://sandbox-b2b.revolut.com/api/1.0\",\"refreshToken\":\"" + REFRESH_TOKEN + "\","
                        + "\"accessToken\":\"" + ACCESS_TOKEN + "\",\"expiresAt\":\"2026-12-03T12:40:00Z\"}");

        assertThat(store.read().orElseThrow().expiresAt()).isEqualTo(EXPIRES_AT);
    }

    @Test
    void reportsCorruptJsonWithoutQuotingIt() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Files.writeString(store.file(), "{\"refreshToken\":\"" + REFRESH_TOKEN + "\" " + ACCESS_TOKEN + "}");

        TokenStoreException e = thrownBy(TokenStoreException.class, store::read);

        assertThat(e.isUnreadable()).isTrue();
        assertThat(e)
                .hasMessage("The token cache " + store.file() + " is unreadable: it is not valid JSON at line 1,"
                        + " column 59. It only caches tokens: delete it and run again with the refresh token configured"
                        + " (if Revolut rotated the refresh token since, give consent again instead).");
    }

    @Test
    void reportsAnEmptyFile() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Files.writeString(store.file(), "");

        TokenStoreException e = thrownBy(TokenStoreException.class, store::read);

        assertThat(e).hasMessageStartingWith("The token cache " + store.file() + " is unreadable: it is empty.");
    }

    @Test
    void reportsAMissingRefreshToken() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        Files.writeString(
                store.file(),
                "{\"clientId\":\"client-1\",\"environment\":\"sandbox\",\"apiUrl\":"
                        + "\"https://sandbox-b2b.revolut.com/api/1.0\",\"accessToken\":\"" + ACCESS_TOKEN + "\"}");

        TokenStoreException e = thrownBy(TokenStoreException.class, store::read);

        assertThat(e)
                .hasMessageStartingWith(
                        "The token cache " + store.file() + " is unreadable: the field" + " refreshToken is missing.");
    }

    @Test
    void ignoresAndLaterRemovesATemporaryFileLeftByACrashedWriter() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        store.write(sample());
        Path leftover = folder.resolve("tokens.json.123456.tmp");
        Files.writeString(leftover, "{\"half\":");

        assertThat(store.read()).contains(sample());
        store.write(sample());

        assertThat(leftover).doesNotExist();
    }

    @Test
    void staysReadableWhenTheWritingProcessIsKilledAtAnyMoment() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("tokens.json"));
        for (int round = 0; round < 3; round++) {
            Process writer = OtherProcess.start("write-forever", store.file().toString());
            waitUntilWritten(store);
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 200));

            OtherProcess.kill(writer);

            assertThat(store.read()).isPresent();
        }
    }

    @Test
    void showsOnlyMaskedTokensInToString() {
        assertRevealsNoSecret(sample().toString());
    }

    private static void waitUntilWritten(TokenStore store) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(store.file()); i++) {
            Thread.sleep(50);
        }
    }

    private static StoredTokens sample() {
        return new StoredTokens(
                IDENTITY,
                Secret.of(REFRESH_TOKEN),
                Secret.of(ACCESS_TOKEN),
                EXPIRES_AT,
                CONSENTED_AT,
                StoredTokens.FROM_CODE_EXCHANGE,
                "abc123");
    }
}
