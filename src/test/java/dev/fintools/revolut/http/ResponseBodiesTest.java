package dev.fintools.revolut.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseBodiesTest {
    @Test
    void readsTheMessageOfAGeneralError() {
        assertThat(ResponseBodies.revolutMessage("{\"code\":2001,\"message\":\"Bad request\"}"))
                .isEqualTo("Bad request");
    }

    @Test
    void readsTheErrorAndDescriptionOfAnOAuthError() {
        assertThat(ResponseBodies.revolutMessage("{\"error\":\"invalid_grant\",\"error_description\":\"Nope\"}"))
                .isEqualTo("invalid_grant: Nope");
    }

    @Test
    void hidesTokenLikeValuesInAnExcerpt() {
        assertThat(ResponseBodies.excerpt("token oa_prod_abc-DEF_123 and eyJhbGciOi.eyJzdWIi.sig end"))
                .isEqualTo("token [hidden] and [hidden] end");
    }

    @Test
    void describesAnEmptyBody() {
        assertThat(ResponseBodies.describe("  ")).isEqualTo("an empty body");
    }

    @Test
    void describesTruncatedJson() {
        assertThat(ResponseBodies.describe("{\"message\": \"Serv"))
                .isEqualTo("truncated or malformed JSON: \"{\"message\": \"Serv\"");
    }

    @Test
    void cutsALongExcerpt() {
        assertThat(ResponseBodies.excerpt("word ".repeat(40))).hasSize(103).endsWith("...");
    }
}
