package dev.fintools.revolut.accounts;

/** Short, single-line views of received text, safe to put in a log line or an exception message. */
final class Excerpt {
    static final int MAX_LENGTH = 80;
    private static final String ELLIPSIS = "…";

    private Excerpt() {}

    /** The start of the text, on one line, at most {@link #MAX_LENGTH} characters. */
    static String head(String text) {
        return head(text, MAX_LENGTH);
    }

    /** The start of the text, on one line, at most {@code maxLength} characters. */
    static String head(String text, int maxLength) {
        String line = oneLine(text);
        if (line.length() <= maxLength) {
            return line;
        }
        return line.substring(0, maxLength - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** The end of the text, on one line, at most {@link #MAX_LENGTH} characters: where a cut-off body stops. */
    static String tail(String text) {
        String line = oneLine(text);
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        return ELLIPSIS + line.substring(line.length() - MAX_LENGTH + ELLIPSIS.length());
    }

    /** Control characters (newlines, tabs, escapes) become spaces, runs of spaces collapse, ends are trimmed. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 4 * MAX_LENGTH));
        boolean lastWasSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c);
            if (!space) {
                line.append(c);
            } else if (!lastWasSpace) {
                line.append(' ');
            }
            lastWasSpace = space;
        }
        return line.toString().trim();
    }
}
