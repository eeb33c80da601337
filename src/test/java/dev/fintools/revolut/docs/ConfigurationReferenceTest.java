package dev.fintools.revolut.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Keeps docs/configuration.md current: every user property of every goal must be documented there. */
class ConfigurationReferenceTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(revolut\\.[A-Za-z.]+)}");

    @Test
    void everyUserPropertyOfEveryGoalIsInTheConfigurationReference() throws Exception {
        String reference = Files.readString(Path.of("docs/configuration.md"));

        List<String> properties = userProperties();

        assertThat(properties).isNotEmpty();
        assertThat(properties).allSatisfy(property -> assertThat(reference).contains("`" + property + "`"));
    }

    @Test
    void everyGoalIsInTheConfigurationReference() throws Exception {
        String reference = Files.readString(Path.of("docs/configuration.md"));

        List<String> goals = elements("goal");

        assertThat(goals).allSatisfy(goal -> assertThat(reference).contains("`revolut:" + goal + "`"));
    }

    private static List<String> userProperties() throws Exception {
        List<String> properties = new ArrayList<>();
        NodeList configurations = descriptor().getElementsByTagName("configuration");
        for (int i = 0; i < configurations.getLength(); i++) {
            Matcher matcher = PROPERTY.matcher(configurations.item(i).getTextContent());
            while (matcher.find()) {
                if (!properties.contains(matcher.group(1))) {
                    properties.add(matcher.group(1));
                }
            }
        }
        return properties;
    }

    private static List<String> elements(String name) throws Exception {
        List<String> values = new ArrayList<>();
        NodeList nodes = descriptor().getElementsByTagName("mojo");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element mojo = (Element) nodes.item(i);
            values.add(mojo.getElementsByTagName(name).item(0).getTextContent());
        }
        return values;
    }

    private static Element descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(DESCRIPTOR.toFile())
                .getDocumentElement();
    }
}
