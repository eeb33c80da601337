package dev.fintools.revolut.accounts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * Writes the result of {@code revolut:verify-accounts} as pretty-printed JSON, by default to {@code
 * target/revolut/accounts.json}:
 *
 * <pre>
 * {
 *   "checked_at" : "2026-12-03T16:40:00Z",
 *   "expectations_met" : false,
 *   "unmet_expectations" : [
 *     "Expected at least 3 accounts, found 2."
 *   ],
 *   "account_count" : 2,
 *   "accounts" : [
 *     {
 *       "id" : "2a0d4d03-e26c-4159-9de1-c6bf3adfd8a1",
 *       "name" : "Current GBP account",
 *       "balance" : 100.0,
 *       ...
 * }
 * </pre>
 *
 * Account fields keep Revolut's names. The report holds only what {@code GET /accounts} returned and the check's
 * result: it is never given a token or a key.
 */
public final class AccountsReport {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    // Two spaces and \n on every platform, arrays one element per line: the same file on Windows and Linux.
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(INDENTER).withArrayIndenter(INDENTER));

    private AccountsReport() {}

    /**
     * Writes the report atomically: readers see the previous file or the new one, never half of one. Creates the
     * parent folders.
     *
     * @param file where to write, such as {@code target/revolut/accounts.json}
     * @param accounts the accounts received
     * @param unmet the result of {@link Expectations#unmet}; empty when every expectation is met
     * @param checkedAt when {@code GET /accounts} was called
     * @throws IOException when the folder or file cannot be written
     */
    public static void write(Path file, List<Account> accounts, List<String> unmet, Instant checkedAt)
            throws IOException {
        byte[] json = WRITER.writeValueAsBytes(report(accounts, unmet, checkedAt));
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, json);
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            // Some file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ObjectNode report(List<Account> accounts, List<String> unmet, Instant checkedAt) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("checked_at", checkedAt.toString());
        report.put("expectations_met", unmet.isEmpty());
        ArrayNode unmetNode = report.putArray("unmet_expectations");
        unmet.forEach(unmetNode::add);
        report.put("account_count", accounts.size());
        ArrayNode accountsNode = report.putArray("accounts");
        accounts.forEach(account -> accountsNode.add(account(account)));
        return report;
    }

    private static ObjectNode account(Account account) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", account.id());
        node.put("name", account.name());
        node.put("balance", account.balance());
        node.put("currency", account.currency());
        node.put("state", account.state().id());
        node.put("public", account.isPublic());
        node.put("created_at", account.createdAt());
        node.put("updated_at", account.updatedAt());
        return node;
    }
}
