package dev.fintools.revolut.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsParserTest {
    /** The example response of step 5 of Revolut's "Make your first API request". */
    static final String DOCUMENTED_EXAMPLE = """
            [
              {
                "id": "2a0d4d03-e26c-4159-9de1-c6bf3adfd8a1",
                "name": "Current GBP account",
                "balance": 100.0,
                "currency": "GBP",
                "state": "active",
                "public": false,
                "updated_at": "2017-06-01T11:11:11.1Z",
                "created_at": "2017-06-01T11:11:11.1Z"
              },
              {
                "id": "df8d6b20-0725-482e-a29e-fb09631480cf",
                "name": "EUR expenses account",
                "balance": 1234.0,
                "currency": "EUR",
                "state": "active",
                "public": false,
                "created_at": "2017-06-01T11:11:11.1Z",
                "updated_at": "2017-06-01T11:11:11.1Z"
              }
            ]
            """;

    private static final String FORMAT_HINT = " This is not Revolut's documented format: check that revolut.apiUrl"
            + " points to Revolut (or an up-to-date emulator); if it does, report this message.";

    @Test
    void parsesTheTwoAccountsOfRevolutsDocumentedExample() {
        List<Account> accounts = AccountsParser.parse(DOCUMENTED_EXAMPLE);

        assertThat(accounts)
                .containsExactly(
                        new Account(
                                "2a0d4d03-e26c-4159-9de1-c6bf3adfd8a1",
                                "Current GBP account",
                                new BigDecimal("100.0"),
                                "GBP",
                                AccountState.ACTIVE,
                                false,
                                "2017-06-01T11:11:11.1Z",
                                "2017-06-01T11:11:11.1Z"),
                        new Account(
                                "df8d6b20-0725-482e-a29e-fb09631480cf",
                                "EUR expenses account",
                                new BigDecimal("1234.0"),
                                "EUR",
                                AccountState.ACTIVE,
                                false,
                                "2017-06-01T11:11:11.1Z",
                                "2017-06-01T11:11:11.1Z"));
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        List<Account> accounts = AccountsParser.parse(
                "[{\"id\":\"a1\",\"balance\":1,\"currency\":\"GBP\",\"state\":\"active\",\"iban\":\"GB00\","
                        + "\"limits\":{\"daily\":5}}]");

        assertThat(accounts).extracting(Account::id).containsExactly("a1");
    }

    @Test
    void acceptsAnAccountWithoutNamePublicFlagOrTimestamps() {
        Account account = AccountsParser.parse(
                        "[{\"id\":\"a1\",\"balance\":5,\"currency\":\"GBP\",\"state\":\"inactive\",\"name\":null}]")
                .get(0);

        assertThat(account)
                .isEqualTo(
                        new Account("a1", null, new BigDecimal("5"), "GBP", AccountState.INACTIVE, false, null, null));
    }

    @Test
    void keepsTheBalanceExactlyAsReceived() {
        Account account = AccountsParser.parse(
                        "[{\"id\":\"a1\",\"balance\":0.1,\"currency\":\"GBP\",\"state\":\"active\"}]")
                .get(0);

        assertThat(account.balance()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void readsAnEmptyArrayAsNoAccounts() {
        assertThat(AccountsParser.parse(" [ ] ")).isEmpty();
    }

    @Test
    void skipsAByteOrderMark() {
        assertThat(AccountsParser.parse("\uFEFF" + DOCUMENTED_EXAMPLE)).hasSize(2);
    }

    @Test
    void refusesAnEmptyBody() {
        AccountsResponseException e = assertThrows(AccountsResponseException.class, () -> AccountsParser.parse(" \n"));

        assertThat(e)
                .hasMessage("GET /accounts returned an empty body; expected a JSON array of accounts. Check that"
                        + " revolut.apiUrl is the Business API base, such as https://sandbox-b2b.revolut.com/api/1.0.");
    }

    @Test
    void refusesANullBodyAsEmpty() {
        AccountsResponseException e = assertThrows(AccountsResponseException.class, () -> AccountsParser.parse(null));

        assertThat(e).hasMessageStartingWith("GET /accounts returned an empty body;");
    }

    @Test
    void refusesAnHtmlPageShowingItsStartOnOneLine() {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head><title>Revolut Business</title></head>\n"
                + "  <body>" + "x".repeat(500) + "</body>\n</html>";

        AccountsResponseException e = assertThrows(AccountsResponseException.class, () -> AccountsParser.parse(page));

        assertThat(e)
                .hasMessage("GET /accounts returned an HTML page instead of JSON: '<!DOCTYPE html> <html lang=\"en\">"
                        + " <head><title>Revolut Business</title></head> <…'. Check that revolut.apiUrl is the"
                        + " Business API base ending in /api/1.0, such as https://sandbox-b2b.revolut.com/api/1.0,"
                        + " not the web app address.");
    }

    @Test
    void refusesTruncatedJsonShowingWhereItStops() {
        String truncated = DOCUMENTED_EXAMPLE.substring(0, DOCUMENTED_EXAMPLE.indexOf("\"EUR expenses"));

        AccountsResponseException e =
                assertThrows(AccountsResponseException.class, () -> AccountsParser.parse(truncated));

        assertThat(e)
                .hasMessage("GET /accounts returned truncated JSON ("
                        + truncated.strip().length()
                        + " characters, ending with '…7-06-01T11:11:11.1Z\" }, { \"id\":"
                        + " \"df8d6b20-0725-482e-a29e-fb09631480cf\", \"name\":'); expected a complete JSON array"
                        + " of accounts. The response was cut off on the way: run the goal again, and check any proxy"
                        + " between the build and Revolut if it keeps happening.");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        AccountsResponseException e =
                assertThrows(AccountsResponseException.class, () -> AccountsParser.parse("Service Unavailable"));

        assertThat(e)
                .hasMessage("GET /accounts returned a body that is not valid JSON (line 1, column 1): 'Service"
                        + " Unavailable'; expected a JSON array of accounts. Check that revolut.apiUrl points to the"
                        + " Business API, such as https://sandbox-b2b.revolut.com/api/1.0.");
    }

    @Test
    void refusesAnErrorObjectQuotingRevolutsMessage() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("{\"message\":\"The request should be authorized.\",\"code\":9002}"));

        assertThat(e)
                .hasMessage("GET /accounts returned an error instead of a list of accounts: Revolut says \"The"
                        + " request should be authorized.\" (code 9002). If the access token expired or was refreshed"
                        + " elsewhere, get a new one (mvn revolut:token); the token needs the READ scope.");
    }

    @Test
    void refusesAnOAuthErrorObjectQuotingItsDescription() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse(
                        "{\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}"));

        assertThat(e)
                .hasMessage("GET /accounts returned an OAuth error instead of a list of accounts: invalid_token: The"
                        + " access token expired. Get a new access token (mvn revolut:token).");
    }

    @Test
    void refusesAnyOtherObjectInsteadOfAnArray() {
        AccountsResponseException e =
                assertThrows(AccountsResponseException.class, () -> AccountsParser.parse("{\"accounts\":[]}"));

        assertThat(e)
                .hasMessage("GET /accounts returned an object instead of a JSON array of accounts: '{\"accounts\":[]}'."
                        + " Check that revolut.apiUrl points to the Business API, such as"
                        + " https://sandbox-b2b.revolut.com/api/1.0.");
    }

    @Test
    void refusesAnArrayEntryThatIsNotAnObject() {
        AccountsResponseException e =
                assertThrows(AccountsResponseException.class, () -> AccountsParser.parse("[\"GBP\"]"));

        assertThat(e)
                .hasMessage("Account #1 in the GET /accounts response is a string ('\"GBP\"'); expected an object with"
                        + " id, currency, balance and state.");
    }

    @Test
    void refusesAnAccountWithoutId() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("[{\"balance\":1,\"currency\":\"GBP\",\"state\":\"active\"}]"));

        assertThat(e)
                .hasMessage("Account #1 in the GET /accounts response has no 'id'; expected a non-empty string (the"
                        + " account's UUID). Received: '{\"balance\":1,\"currency\":\"GBP\",\"state\":\"active\"}'."
                        + FORMAT_HINT);
    }

    @Test
    void refusesAnAccountWithoutCurrencyNamingWhichAccount() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("[{\"id\":\"a1\",\"balance\":1,\"currency\":\"GBP\",\"state\":\"active\"},"
                        + "{\"id\":\"b2\",\"balance\":1,\"state\":\"active\"}]"));

        assertThat(e)
                .hasMessage("Account #2 (id b2) in the GET /accounts response has no 'currency'; expected a 3-letter"
                        + " ISO 4217 code such as \"GBP\". Received: '{\"id\":\"b2\",\"balance\":1,\"state\":"
                        + "\"active\"}'." + FORMAT_HINT);
    }

    @Test
    void refusesAnAccountWithoutBalance() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("[{\"id\":\"a1\",\"currency\":\"GBP\",\"state\":\"active\"}]"));

        assertThat(e)
                .hasMessage("Account #1 (id a1) in the GET /accounts response has no 'balance'; expected a number such"
                        + " as 100.0. Received: '{\"id\":\"a1\",\"currency\":\"GBP\",\"state\":\"active\"}'."
                        + FORMAT_HINT);
    }

    @Test
    void refusesAnAccountWithANullState() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("[{\"id\":\"a1\",\"balance\":1,\"currency\":\"GBP\",\"state\":null}]"));

        assertThat(e)
                .hasMessage("Account #1 (id a1) in the GET /accounts response has no 'state'; expected \"active\" or"
                        + " \"inactive\". Received:"
                        + " '{\"id\":\"a1\",\"balance\":1,\"currency\":\"GBP\",\"state\":null}'."
                        + FORMAT_HINT);
    }

    @Test
    void refusesABalanceGivenAsAString() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse(
                        "[{\"id\":\"a1\",\"balance\":\"100.00\",\"currency\":\"GBP\",\"state\":\"active\"}]"));

        assertThat(e)
                .hasMessage("Account #1 (id a1) in the GET /accounts response has 'balance' = \"100.00\" (a string);"
                        + " expected a JSON number such as 100.0." + FORMAT_HINT);
    }

    @Test
    void refusesAnUnknownStateValue() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse(
                        "[{\"id\":\"a1\",\"balance\":1,\"currency\":\"GBP\",\"state\":\"closed\"}]"));

        assertThat(e)
                .hasMessage("Account #1 (id a1) in the GET /accounts response has 'state' = \"closed\" (a string);"
                        + " expected \"active\" or \"inactive\"." + FORMAT_HINT);
    }

    @Test
    void refusesACurrencyThatIsNotAThreeLetterCode() {
        AccountsResponseException e = assertThrows(
                AccountsResponseException.class,
                () -> AccountsParser.parse("[{\"id\":\"a1\",\"balance\":1,\"currency\":826,\"state\":\"active\"}]"));

        assertThat(e)
                .hasMessage("Account #1 (id a1) in the GET /accounts response has 'currency' = 826 (a number);"
                        + " expected a 3-letter ISO 4217 code such as \"GBP\"." + FORMAT_HINT);
    }

    @Test
    void keepsExcerptsOfLongBodiesShortAndOnOneLine() {
        String body = "{\n\"accounts\":\n\"" + "y".repeat(300) + "\"}";

        AccountsResponseException e = assertThrows(AccountsResponseException.class, () -> AccountsParser.parse(body));

        String excerpt = e.getMessage()
                .substring(e.getMessage().indexOf('\'') + 1, e.getMessage().indexOf("'."));
        assertThat(excerpt).hasSize(80).startsWith("{ \"accounts\": \"yyy").endsWith("y…");
        assertThat(e.getMessage()).doesNotContain("\n");
    }
}
