package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The throw-away Maven projects of items 3 and 4, written into the work folder. */
final class SampleProjects {
    static final String PLUGIN = "dev.fintools:revolut-maven-plugin:0.1.0-SNAPSHOT";

    private static final String TOKEN_EXECUTION = """
                  <plugin>
                    <groupId>dev.fintools</groupId>
                    <artifactId>revolut-maven-plugin</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <executions>
                      <execution>
                        <id>token</id>
                        <phase>validate</phase>
                        <goals>
                          <goal>token</goal>
                        </goals>
                      </execution>
                    </executions>%s
                  </plugin>
            """;

    private SampleProjects() {}

    /** A one-module jar project, with {@code revolut:token} bound to validate or without the plugin at all. */
    static Path single(Path folder, boolean withPlugin) throws IOException {
        String plugins = withPlugin ? TOKEN_EXECUTION.formatted("") : "";
        return write(folder, pom("sample", "jar", "", "", "<build><plugins>\n" + plugins + "</plugins></build>", ""));
    }

    /**
     * A parent and four modules, each module running {@code revolut:token} at validate. The token store is
     * {@code ${bench.home}}: one shared folder, or with {@code -Pnaive} one folder per module and build, which is what
     * a build without a shared store does (one request per module and build).
     */
    static Path reactor(Path folder, List<String> modules) throws IOException {
        String configuration =
                "\n        <configuration>\n          <home>${bench.home}</home>\n        </configuration>";
        String build = "<build><pluginManagement><plugins>\n" + TOKEN_EXECUTION.formatted(configuration)
                + "</plugins></pluginManagement></build>";
        String moduleList = "<modules>"
                + String.join(
                        "",
                        modules.stream().map(m -> "<module>" + m + "</module>").toList()) + "</modules>";
        String properties = "<bench.home>${bench.homeRoot}</bench.home>";
        String profiles = "<profiles><profile><id>naive</id><properties>"
                + "<bench.home>${bench.homeRoot}/${project.artifactId}-${bench.build}</bench.home>"
                + "</properties></profile></profiles>";
        write(folder, pom("reactor", "pom", moduleList, properties, build, profiles));
        for (String module : modules) {
            String parent =
                    "<parent><groupId>bench</groupId><artifactId>reactor</artifactId><version>1</version></parent>";
            String plugin = "<build><plugins><plugin><groupId>dev.fintools</groupId>"
                    + "<artifactId>revolut-maven-plugin</artifactId></plugin></plugins></build>";
            write(folder.resolve(module), pom(module, "jar", parent, "", plugin, ""));
        }
        return folder;
    }

    private static String pom(
            String artifactId, String packaging, String head, String properties, String build, String tail) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  " + head + "\n  <groupId>bench</groupId>\n  <artifactId>"
                + artifactId + "</artifactId>\n  <version>1</version>\n  <packaging>" + packaging + "</packaging>\n"
                + "  <properties><maven.compiler.release>17</maven.compiler.release>"
                + "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>" + properties
                + "</properties>\n  " + build
                + "\n  " + tail + "\n</project>\n";
    }

    private static Path write(Path folder, String pom) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pom.xml"), pom);
        return folder;
    }
}
