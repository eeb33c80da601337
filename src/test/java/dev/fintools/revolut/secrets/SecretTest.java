package dev.fintools.revolut.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String TOKEN = "oa_sand_rPo9OmbMAuguhQffR6RLR4nvmzpx4NJtpdyvGKkrS3U";

    @Test
    void showsOnlyThePrefixAndTheLastThreeCharacters() {
        assertThat(Secret.of(TOKEN).masked()).isEqualTo("oa_sand_…S3U");
    }

    @Test
    void toStringNeverContainsTheValue() {
        assertThat(Secret.of(TOKEN).toString()).doesNotContain("rPo9OmbMAuguhQffR6RLR4nvmzpx4NJtpdyvGKkr");
        assertThat(String.valueOf(Secret.of("short-passphrase1"))).isEqualTo("…se1");
    }

    @Test
    void shortValuesShowNoCharactersAtAll() {
        assertThat(Secret.of("hunter2").masked()).isEqualTo("…");
    }

    @Test
    void revealGivesTheValueForTheRequestThatNeedsIt() {
        assertThat(Secret.of(" " + TOKEN + "\n").reveal()).isEqualTo(TOKEN);
    }

    @Test
    void blankValuesAreAbsentRatherThanEmptySecrets() {
        assertThat(Secret.ofNullable("  ")).isNull();
        assertThatThrownBy(() -> Secret.of("")).hasMessage("A secret value is empty");
    }
}
