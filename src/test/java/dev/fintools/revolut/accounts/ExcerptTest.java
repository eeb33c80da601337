package dev.fintools.revolut.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void putsTextOnOneLineCollapsingControlCharactersAndSpaces() {
        assertThat(Excerpt.head("  a\r\n\tb \u001b[31m c  ")).isEqualTo("a b [31m c");
    }

    @Test
    void cutsTheStartOfALongTextAtEightyCharactersWithAnEllipsis() {
        assertThat(Excerpt.head("a".repeat(100))).isEqualTo("a".repeat(79) + "…");
    }

    @Test
    void cutsTheEndOfALongTextAtEightyCharactersWithAnEllipsis() {
        assertThat(Excerpt.tail("a".repeat(100) + "end")).isEqualTo("…" + "a".repeat(76) + "end");
    }

    @Test
    void leavesAShortTextWhole() {
        assertThat(Excerpt.tail("[1,")).isEqualTo("[1,");
    }
}
