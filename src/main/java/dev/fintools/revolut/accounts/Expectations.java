package dev.fintools.revolut.accounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the user expects of the business's accounts, checked by {@code revolut:verify-accounts}. Built from the
 * configuration by {@link #parse}, which checks every entry before any request is sent; {@link #unmet} then lists
 * every expectation the accounts do not meet.
 *
 * <p>A minimum balance applies to the sum of the balances of the <em>active</em> accounts in that currency, so a
 * business that splits its pounds over several accounts meets {@code GBP:100} with 60 + 40.
 */
public final class Expectations {
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");
    private static final int MAX_SHOWN_ENTRY_LENGTH = 40;

    private final Set<String> expectedCurrencies;
    private final int minAccounts;
    private final Map<String, BigDecimal> minBalances;
    private final boolean requireAllActive;

    private Expectations(
            Set<String> expectedCurrencies,
            int minAccounts,
            Map<String, BigDecimal> minBalances,
            boolean requireAllActive) {
        this.expectedCurrencies = Collections.unmodifiableSet(new LinkedHashSet<>(expectedCurrencies));
        this.minAccounts = minAccounts;
        this.minBalances = Collections.unmodifiableMap(new LinkedHashMap<>(minBalances));
        this.requireAllActive = requireAllActive;
    }

    /** No expectation at all: any successful {@code GET /accounts} passes. */
    public static Expectations none() {
        return new Expectations(Set.of(), 0, Map.of(), false);
    }

    /**
     * Checks and reads the configuration.
     *
     * @param expectedCurrencies {@code revolut.expectedCurrencies}: comma-separated ISO 4217 codes in any case, such
     *     as {@code gbp,EUR}; null or blank for none
     * @param minAccounts {@code revolut.minAccounts}: 0 or more; 0 turns the check off
     * @param minBalances {@code revolut.minBalances}: comma-separated {@code CURRENCY:AMOUNT} entries, such as {@code
     *     GBP:100,EUR:50.5}; null or blank for none
     * @param requireAllActive {@code revolut.requireAllActive}: whether every account must be active
     * @throws InvalidExpectationsException listing every bad entry, not only the first
     */
    public static Expectations parse(
            String expectedCurrencies, int minAccounts, String minBalances, boolean requireAllActive) {
        List<String> problems = new ArrayList<>();
        Set<String> currencies = parseCurrencies(expectedCurrencies, problems);
        if (minAccounts < 0) {
            problems.add("revolut.minAccounts is " + minAccounts
                    + "; expected 0 or more (0 turns the check off), such as -Drevolut.minAccounts=2.");
        }
        Map<String, BigDecimal> balances = parseMinBalances(minBalances, problems);
        if (!problems.isEmpty()) {
            throw new InvalidExpectationsException(problems);
        }
        return new Expectations(currencies, minAccounts, balances, requireAllActive);
    }

    /** Upper-case ISO 4217 codes that need at least one active account each, in the order given. */
    public Set<String> expectedCurrencies() {
        return expectedCurrencies;
    }

    /** The least number of accounts, active or not; 0 when not checked. */
    public int minAccounts() {
        return minAccounts;
    }

    /** Per upper-case currency code, the least sum of the balances of the active accounts in that currency. */
    public Map<String, BigDecimal> minBalances() {
        return minBalances;
    }

    /** Whether every account must be active. */
    public boolean requireAllActive() {
        return requireAllActive;
    }

    /**
     * Every expectation the accounts do not meet, one sentence each, in the order of the parameters: expected
     * currencies, minimum number of accounts, minimum balances, all active. Empty when all are met.
     */
    public List<String> unmet(List<Account> accounts) {
        List<String> unmet = new ArrayList<>();
        for (String currency : expectedCurrencies) {
            missingActiveAccount(currency, accounts).ifPresent(unmet::add);
        }
        if (accounts.size() < minAccounts) {
            unmet.add("Expected at least " + minAccounts + (minAccounts == 1 ? " account" : " accounts") + ", found "
                    + accounts.size() + ".");
        }
        minBalances.forEach((currency, minimum) ->
                insufficientBalance(currency, minimum, accounts).ifPresent(unmet::add));
        if (requireAllActive) {
            inactiveAccounts(accounts).ifPresent(unmet::add);
        }
        return List.copyOf(unmet);
    }

    @Override
    public String toString() {
        return "Expectations[expectedCurrencies=" + expectedCurrencies + ", minAccounts=" + minAccounts
                + ", minBalances=" + minBalances + ", requireAllActive=" + requireAllActive + "]";
    }

    private static Optional<String> missingActiveAccount(String currency, List<Account> accounts) {
        List<Account> inCurrency = inCurrency(currency, accounts);
        if (inCurrency.stream().anyMatch(Account::isActive)) {
            return Optional.empty();
        }
        return Optional.of("Expected at least one active " + currency + " account, found none ("
                + whatExists(currency, inCurrency.size(), accounts) + ").");
    }

    private static String whatExists(String currency, int inactiveInCurrency, List<Account> accounts) {
        if (inactiveInCurrency > 0) {
            return currency + " accounts: " + inactiveInCurrency + " inactive";
        }
        if (accounts.isEmpty()) {
            return "GET /accounts returned no accounts";
        }
        Set<String> present =
                accounts.stream().map(Account::currency).collect(Collectors.toCollection(LinkedHashSet::new));
        return "no " + currency + " account; currencies present: " + String.join(", ", present);
    }

    private static Optional<String> insufficientBalance(String currency, BigDecimal minimum, List<Account> accounts) {
        List<Account> active = inCurrency(currency, accounts).stream()
                .filter(Account::isActive)
                .toList();
        BigDecimal sum = active.stream().map(Account::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        String basis =
                active.isEmpty() ? "no active " + currency + " account" : "sum of active " + currency + " accounts";
        return Optional.of("Expected a " + currency + " balance of at least "
                + Amounts.format(minimum, currency) + ", found " + Amounts.format(sum, currency) + " (" + basis
                + ").");
    }

    private static Optional<String> inactiveAccounts(List<Account> accounts) {
        List<String> inactive = accounts.stream()
                .filter(account -> !account.isActive())
                .map(Expectations::label)
                .toList();
        if (inactive.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Expected every account to be active, found " + inactive.size() + " inactive: "
                + String.join(", ", inactive) + ".");
    }

    private static String label(Account account) {
        String who = account.name() == null
                ? "account " + account.id()
                : "'" + Excerpt.head(account.name(), MAX_SHOWN_ENTRY_LENGTH) + "'";
        return who + " (" + account.currency() + ")";
    }

    private static List<Account> inCurrency(String currency, List<Account> accounts) {
        return accounts.stream()
                .filter(account -> account.currency().equals(currency))
                .toList();
    }

    private static Set<String> parseCurrencies(String value, List<String> problems) {
        Set<String> currencies = new LinkedHashSet<>();
        for (String entry : entries(value)) {
            currencyProblem(entry)
                    .ifPresentOrElse(
                            problem -> problems.add("revolut.expectedCurrencies: " + problem
                                    + " (for example -Drevolut.expectedCurrencies=GBP,EUR)."),
                            () -> currencies.add(entry.toUpperCase(Locale.ROOT)));
        }
        return currencies;
    }

    private static Map<String, BigDecimal> parseMinBalances(String value, List<String> problems) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (String entry : entries(value)) {
            minBalanceProblem(entry, balances)
                    .ifPresent(problem -> problems.add("revolut.minBalances: " + problem
                            + " (for example -Drevolut.minBalances=GBP:100,EUR:50.5)."));
        }
        return balances;
    }

    /** Adds a valid entry to {@code balances}, or says what is wrong with it. */
    private static Optional<String> minBalanceProblem(String entry, Map<String, BigDecimal> balances) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return Optional.of(shown(entry) + " has no ':'; expected CURRENCY:AMOUNT entries separated by commas");
        }
        String currency = entry.substring(0, colon).strip();
        String amountText = entry.substring(colon + 1).strip();
        Optional<String> currencyProblem = currencyProblem(currency);
        if (currencyProblem.isPresent()) {
            return Optional.of("in " + shown(entry) + ", " + currencyProblem.get());
        }
        String code = currency.toUpperCase(Locale.ROOT);
        if (balances.containsKey(code)) {
            return Optional.of(code + " is given more than once; keep one entry per currency");
        }
        if (amountText.isEmpty()) {
            return Optional.of(
                    "in " + shown(entry) + ", the amount is missing; expected CURRENCY:AMOUNT such as GBP:100");
        }
        Optional<BigDecimal> amount = decimal(amountText);
        if (amount.isEmpty()) {
            return Optional.of("in " + shown(entry) + ", the amount " + shown(amountText)
                    + " is not a number; expected digits with an optional '.' and decimals, such as 50.5");
        }
        balances.put(code, amount.get());
        return Optional.empty();
    }

    private static Optional<String> currencyProblem(String entry) {
        String code = entry.toUpperCase(Locale.ROOT);
        if (!THREE_LETTERS.matcher(code).matches()) {
            return Optional.of(
                    shown(entry) + " is not a currency code; expected a 3-letter ISO 4217 code such as EUR or GBP");
        }
        if (!isIso4217(code)) {
            return Optional.of(
                    shown(entry) + " is not an ISO 4217 currency code; expected one such as EUR, GBP or USD");
        }
        return Optional.empty();
    }

    private static boolean isIso4217(String code) {
        return Currency.getAvailableCurrencies().stream()
                .anyMatch(currency -> currency.getCurrencyCode().equals(code));
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String shown(String entry) {
        return "'" + Excerpt.head(entry, MAX_SHOWN_ENTRY_LENGTH) + "'";
    }

    /** The non-blank, trimmed entries of a comma-separated value; a trailing comma is harmless. */
    private static List<String> entries(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
