package dev.fintools.revolut.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats accounts as an aligned text table for the build log:
 *
 * <pre>
 * Name                 Currency  Balance  State
 * -------------------  --------  -------  --------
 * Current GBP account  GBP        100.00  active
 * </pre>
 *
 * A missing name shows as {@value #UNNAMED}; balances are right-aligned with the currency's usual decimals.
 */
public final class AccountsTable {
    static final String UNNAMED = "(unnamed)";
    private static final int MAX_NAME_LENGTH = 40;
    private static final String GAP = "  ";
    private static final List<String> HEADER = List.of("Name", "Currency", "Balance", "State");
    private static final int BALANCE_COLUMN = 2;

    private AccountsTable() {}

    /**
     * The table, lines separated by {@code \n}, no trailing newline and no trailing spaces: log it line by line. Names
     * are put on one line and cut at 40 characters so that a name cannot break the layout.
     */
    public static String format(List<Account> accounts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        accounts.forEach(account -> rows.add(row(account)));
        int[] widths = widths(rows);
        List<String> lines = new ArrayList<>();
        lines.add(line(HEADER, widths));
        lines.add(separator(widths));
        rows.subList(1, rows.size()).forEach(row -> lines.add(line(row, widths)));
        return String.join("\n", lines);
    }

    private static List<String> row(Account account) {
        String name = account.name() == null ? UNNAMED : Excerpt.head(account.name(), MAX_NAME_LENGTH);
        return List.of(
                name.isEmpty() ? UNNAMED : name,
                account.currency(),
                Amounts.format(account.balance(), account.currency()),
                account.state().id());
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            if (column > 0) {
                line.append(GAP);
            }
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column == BALANCE_COLUMN ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String separator(int[] widths) {
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width));
        }
        return String.join(GAP, dashes);
    }
}
