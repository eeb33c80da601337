package dev.fintools.revolut.accounts;

import java.math.BigDecimal;
import java.util.Currency;

/** Formats amounts the way people read them for a currency, without ever rounding one away. */
final class Amounts {
    private static final int USUAL_FRACTION_DIGITS = 2;

    private Amounts() {}

    /**
     * The amount with the currency's usual number of decimals (2 for GBP, 0 for JPY, 2 when Java does not know the
     * code), or more when the amount itself has more: a balance is shown, never rounded.
     */
    static String format(BigDecimal amount, String currencyCode) {
        int significantDigits = Math.max(0, amount.stripTrailingZeros().scale());
        return amount.setScale(Math.max(fractionDigits(currencyCode), significantDigits))
                .toPlainString();
    }

    private static int fractionDigits(String currencyCode) {
        try {
            int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
            return digits < 0 ? USUAL_FRACTION_DIGITS : digits;
        } catch (IllegalArgumentException unknownToJava) {
            return USUAL_FRACTION_DIGITS;
        }
    }
}
