package dev.fintools.revolut.accounts;

import dev.fintools.revolut.config.ApiUrl;
import dev.fintools.revolut.http.ApiCall;
import dev.fintools.revolut.http.ApiResponse;
import dev.fintools.revolut.http.RequestExecutor;
import dev.fintools.revolut.http.RevolutApiException;
import dev.fintools.revolut.secrets.Secret;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Calls {@code GET /accounts} (step 5 of Revolut's guide) with an access token. */
public final class AccountsClient {
    private static final String PURPOSE = "Listing the accounts (GET /accounts)";

    private final RequestExecutor executor;
    private final HttpUrl accountsUrl;

    public AccountsClient(RequestExecutor executor, ApiUrl apiUrl) {
        this.executor = executor;
        this.accountsUrl = HttpUrl.get(apiUrl.resolve("accounts").toString());
    }

    /**
     * The accounts, retried on 5xx, 429 and network failures as the executor's policy allows.
     *
     * @throws RevolutApiException for a refused or failed call; kind {@code UNAUTHORIZED} for an invalid token
     * @throws AccountsResponseException for an answer that is not a list of accounts
     */
    public List<Account> list(Secret accessToken) {
        ApiCall call = ApiCall.of(PURPOSE, () -> request(accessToken));
        ApiResponse response = executor.execute(call);
        return AccountsParser.parse(response.body());
    }

    private Request request(Secret accessToken) {
        return new Request.Builder()
                .url(accountsUrl)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken.reveal())
                .build();
    }
}
