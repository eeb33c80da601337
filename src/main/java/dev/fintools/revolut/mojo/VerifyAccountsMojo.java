package dev.fintools.revolut.mojo;

import dev.fintools.revolut.accounts.Account;
import dev.fintools.revolut.accounts.AccountsClient;
import dev.fintools.revolut.accounts.AccountsReport;
import dev.fintools.revolut.accounts.AccountsTable;
import dev.fintools.revolut.accounts.Expectations;
import dev.fintools.revolut.accounts.InvalidExpectationsException;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.secrets.Secret;
import dev.fintools.revolut.tokencache.TokenKeeper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Release verification: calls {@code GET /accounts} and fails the build unless the accounts meet the expectations.
 * Prints the accounts as a table and writes them to {@code target/revolut/accounts.json}. Uses the token
 * {@code revolut:token} exported earlier in the build, or gets one the same way; on a 401 it refreshes once and
 * tries once more.
 */
@Mojo(name = "verify-accounts", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyAccountsMojo extends AbstractTokenMojo {

    /**
     * Currencies that must each have at least one active account, comma-separated ISO 4217 codes. Example:
     * {@code GBP,EUR}.
     */
    @Parameter(property = "revolut.expectedCurrencies")
    String expectedCurrencies;

    /** The least number of accounts, active or not. Default 0 (no check). */
    @Parameter(property = "revolut.minAccounts", defaultValue = "0")
    int minAccounts;

    /**
     * Minimum balances per currency, compared with the sum of the active accounts in that currency. Example:
     * {@code GBP:100,EUR:50.5}.
     */
    @Parameter(property = "revolut.minBalances")
    String minBalances;

    /** Fails the build when any account is inactive. */
    @Parameter(property = "revolut.requireAllActive", defaultValue = "false")
    boolean requireAllActive;

    /** Where the accounts and the result are written as JSON (no secrets). */
    @Parameter(property = "revolut.accountsReport", defaultValue = "${project.build.directory}/revolut/accounts.json")
    File accountsReport;

    @Override
    String goal() {
        return "verify-accounts";
    }

    @Override
    void work() throws MojoFailureException, MojoExecutionException {
        Expectations expectations = expectations();
        Connection connection = new Connection();
        List<Account> accounts = listAccounts(connection);
        List<String> unmet = expectations.unmet(accounts);
        writeReport(accounts, unmet);
        report(connection, accounts, unmet);
    }

    /** Checked before any request, with every bad entry in one message. */
    private Expectations expectations() throws MojoFailureException {
        try {
            return Expectations.parse(expectedCurrencies, minAccounts, minBalances, requireAllActive);
        } catch (InvalidExpectationsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private List<Account> listAccounts(Connection connection) throws MojoFailureException {
        AccountsClient client = new AccountsClient(connection.executor.get(), connection.apiUrl);
        Secret token = currentToken(connection);
        try {
            return client.list(token);
        } catch (RevolutApiException e) {
            if (e.kind() != RevolutApiException.Kind.UNAUTHORIZED) {
                throw e;
            }
            getLog().info("GET /accounts answered 401 with the current access token; refreshing once and retrying");
            return retryWithNewToken(connection, client, token);
        }
    }

    private List<Account> retryWithNewToken(Connection connection, AccountsClient client, Secret refused)
            throws MojoFailureException {
        Secret replacement = connection.tokens.replace(refused).accessToken();
        exportReplacement(connection, replacement);
        try {
            return client.list(replacement);
        } catch (RevolutApiException e) {
            if (e.kind() != RevolutApiException.Kind.UNAUTHORIZED) {
                throw e;
            }
            throw new MojoFailureException(
                    "GET /accounts answered 401 (\"The request should be authorized.\") twice:"
                            + " with the access token of this build, then with a new one from a refresh that"
                            + " Revolut accepted."
                            + " The token lacks a scope that allows reading accounts, or another build"
                            + " refreshed in between."
                            + " Give consent again with the READ scope ('mvn revolut:assertion"
                            + " -Drevolut.scope=READ') and"
                            + " exchange the new code.",
                    e);
        }
    }

    /** The token exported by {@code revolut:token} earlier in this build, or one obtained the same way. */
    private Secret currentToken(Connection connection) {
        String exported = exportsTokenProperty()
                ? session.getCurrentProject().getProperties().getProperty(tokenProperty)
                : null;
        if (exported != null && !exported.isBlank()) {
            getLog().debug("Using the access token exported as ${" + tokenProperty + "}");
            return Secret.of(exported);
        }
        return connection.tokens.get(connection.minimumValidity).accessToken();
    }

    /** The refused token was invalidated by the refresh: later readers of the property and the file get the new one. */
    private void exportReplacement(Connection connection, Secret token) {
        var properties = session.getCurrentProject().getProperties();
        if (exportsTokenProperty() && properties.getProperty(tokenProperty) != null) {
            properties.setProperty(tokenProperty, token.reveal());
        }
        String tokenFile = properties.getProperty(TokenMojo.TOKEN_FILE_PROPERTY);
        if (tokenFile != null && !tokenFile.isBlank()) {
            // Writes the stored token, the replacement, without a request; the keeper of revolut:token goes on.
            try (TokenKeeper writer =
                    new TokenKeeper(connection.tokens, Path.of(tokenFile), connection.minimumValidity, clock)) {
                writer.start();
            }
        }
    }

    private void writeReport(List<Account> accounts, List<String> unmet) throws MojoExecutionException {
        try {
            AccountsReport.write(accountsReport.toPath(), accounts, unmet, clock.instant());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not write the accounts report " + accountsReport + ": " + e.getMessage()
                            + ". Check that the folder is writable.",
                    e);
        }
    }

    private void report(Connection connection, List<Account> accounts, List<String> unmet) throws MojoFailureException {
        getLog().info(accounts.size() + " accounts of client " + connection.clientId.value() + " ("
                + connection.environment.id() + "), written to " + accountsReport + ":");
        for (String line : AccountsTable.format(accounts).split("\n")) {
            getLog().info("  " + line);
        }
        if (!unmet.isEmpty()) {
            throw new MojoFailureException("The Revolut accounts do not meet " + unmet.size() + " expectation(s):\n  - "
                    + String.join("\n  - ", unmet) + "\nCheck the accounts in the Revolut Business app, or change the"
                    + " expectations (revolut.expectedCurrencies, revolut.minAccounts, revolut.minBalances,"
                    + " revolut.requireAllActive).");
        }
    }
}
