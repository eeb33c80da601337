package dev.fintools.revolut.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsReportTest {
    private static final Instant CHECKED_AT = Instant.parse("2026-12-03T16:40:00Z");
    private static final List<Account> ACCOUNTS = AccountsParser.parse(AccountsParserTest.DOCUMENTED_EXAMPLE);

    @TempDir
    Path folder;

    @Test
    void writesTheAccountsSoThatTheyParseBackUnchanged() throws IOException {
        Path file = folder.resolve("accounts.json");

        AccountsReport.write(file, ACCOUNTS, List.of(), CHECKED_AT);

        assertThat(AccountsParser.parse(read(file).get("accounts").toString())).isEqualTo(ACCOUNTS);
    }

    @Test
    void writesTheTimeAndTheExpectationsResult() throws IOException {
        Path file = folder.resolve("accounts.json");
        List<String> unmet = List.of("Expected at least 3 accounts, found 2.");

        AccountsReport.write(file, ACCOUNTS, unmet, CHECKED_AT);

        JsonNode report = read(file);
        assertThat(report.get("checked_at").asText()).isEqualTo("2026-12-03T16:40:00Z");
        assertThat(report.get("expectations_met").asBoolean()).isFalse();
        assertThat(report.get("unmet_expectations").get(0).asText()).isEqualTo(unmet.get(0));
        assertThat(report.get("account_count").asInt()).isEqualTo(2);
    }

    @Test
    void writesPrettyPrintedJsonWithBalancesAsReceived() throws IOException {
        Path file = folder.resolve("accounts.json");

        AccountsReport.write(file, ACCOUNTS, List.of(), CHECKED_AT);

        assertThat(Files.readString(file))
                .startsWith("{\n  \"checked_at\" : \"2026-12-03T16:40:00Z\",\n  \"expectations_met\" : true,")
                .contains("\"balance\" : 100.0,", "\"balance\" : 1234.0,");
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path file = folder.resolve("target/revolut/accounts.json");

        AccountsReport.write(file, ACCOUNTS, List.of(), CHECKED_AT);

        assertThat(file).isRegularFile();
    }

    @Test
    void replacesAPreviousReportAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("accounts.json");
        Files.writeString(file, "previous run");

        AccountsReport.write(file, List.of(), List.of(), CHECKED_AT);

        assertThat(read(file).get("account_count").asInt()).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(file.toFile());
    }
}
