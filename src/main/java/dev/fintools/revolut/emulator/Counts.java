package dev.fintools.revolut.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests received per endpoint, and per grant type for the token endpoint, faults and failures included. */
final class Counts {
    private final LongAdder consent = new LongAdder();
    private final LongAdder accounts = new LongAdder();
    private final Map<String, LongAdder> token = new ConcurrentHashMap<>();

    void consent() {
        consent.increment();
    }

    void accounts() {
        accounts.increment();
    }

    /** Counts a token request under its grant type; an unknown or missing one counts as {@code other}. */
    void token(String grantType) {
        String key = "authorization_code".equals(grantType) || "refresh_token".equals(grantType) ? grantType : "other";
        token.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** A snapshot: {@code {"token":{"authorization_code":1,"refresh_token":2},"accounts":5,"consent":1}}. */
    Map<String, Object> snapshot() {
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (String grant : new String[] {"authorization_code", "refresh_token", "other"}) {
            LongAdder count = token.get(grant);
            if (count != null) {
                tokens.put(grant, count.sum());
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("token", tokens);
        all.put("accounts", accounts.sum());
        all.put("consent", consent.sum());
        return all;
    }

    void reset() {
        consent.reset();
        accounts.reset();
        token.clear();
    }
}
