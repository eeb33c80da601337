package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What items 3 to 5 need from the plugin jar; an item whose needs are missing is skipped with this reason. */
final class Prerequisites {
    private Prerequisites() {}

    /** Null when everything is there, else a sentence naming what is missing. */
    static String missing(boolean needsEmulator, String... goals) {
        List<String> missing = new ArrayList<>();
        if (needsEmulator && !Emulator.available()) {
            missing.add("class " + Emulator.CLASS_NAME + " is not in the plugin jar");
        }
        String pluginXml = pluginXml();
        for (String goal : goals) {
            if (!pluginXml.contains("<goal>" + goal + "</goal>")) {
                missing.add("goal '" + goal + "' is not in the plugin jar");
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    private static String pluginXml() {
        try (InputStream in = Prerequisites.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the plugin descriptor: " + e.getMessage(), e);
        }
    }
}
