package dev.fintools.revolut.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 6: the plugin's runtime classpath jar by jar, with its size, why it is there and how many of the plugin's own
 * classes name one of its packages (read from the class files' constant pools, so it is checked, not claimed).
 */
final class Footprint {
    /** Why each artifact is on the classpath; keyed by artifactId. Checked by hand against the sources. */
    private static final Map<String, String[]> REASONS = Map.ofEntries(
            reason(
                    "bcprov-jdk18on",
                    "BouncyCastle core: the ASN.1 and X.509 structures under bcpkix (keygen's certificate and the"
                            + " PKCS#1 and encrypted-key PEM parser); the certificate is signed by the JDK",
                    "no: bcpkix and bcutil are built on it"),
            reason(
                    "bcpkix-jdk18on",
                    "X.509 certificate builder (keygen) and PEM writing/reading of PKCS#1 and" + " encrypted keys",
                    "no: the JDK has no certificate builder and no PEM codec on Java 17"),
            reason("bcutil-jdk18on", "needed by bcpkix (transitive)", "no, while bcpkix stays"),
            reason("jjwt-api", "client assertion JWT (RS256)", "no"),
            reason("jjwt-impl", "jjwt's implementation (runtime scope)", "no"),
            reason("jjwt-jackson", "jjwt's JSON serialiser, on the Jackson the plugin already has", "no"),
            reason("jackson-databind", "JSON of the accounts and token responses; jjwt's serialiser", "no"),
            reason("jackson-core", "JSON streaming (the accounts parser's types) and jackson-databind", "no"),
            reason("jackson-annotations", "needed by jackson-databind", "no"),
            reason(
                    "okhttp-jvm",
                    "HTTP client of the token and accounts goals",
                    "no, while OkHttp" + " is the chosen client"),
            reason("okio-jvm", "needed by OkHttp (I/O)", "no, while OkHttp stays"),
            reason(
                    "kotlin-stdlib",
                    "needed by OkHttp 5 and Okio (written in Kotlin)",
                    "only by replacing OkHttp" + " with the JDK's java.net.http: about 3.1 MB with okhttp and okio"),
            reason(
                    "annotations",
                    "org.jetbrains:annotations 13.0, pulled by kotlin-stdlib: @NotNull and"
                            + " @Nullable, CLASS retention, never read at run time",
                    "**yes**: exclude it from" + " okhttp-jvm; nothing loads it"));

    private static final Pattern INTERNAL_NAME = Pattern.compile("(?:[A-Za-z_$][A-Za-z0-9_$]*/)+[A-Za-z0-9_$]+");

    private Footprint() {}

    private static Map.Entry<String, String[]> reason(String artifactId, String why, String canGo) {
        return Map.entry(artifactId, new String[] {why, canGo});
    }

    static String run(Bench bench) throws IOException {
        Path classpathFile = Path.of(System.getProperty("bench.classpath"));
        Path pluginJar = Path.of(System.getProperty("bench.pluginJar"));
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        List<String> pluginClasses = classTexts(pluginJar);
        return section(pluginJar, jars, pluginClasses);
    }

    private static String section(Path pluginJar, List<Path> jars, List<String> pluginClasses) throws IOException {
        StringBuilder text = new StringBuilder("## 6. Footprint: the runtime classpath\n\n");
        text.append("`./mvnw dependency:build-classpath -DincludeScope=runtime` of the plugin, plus the plugin jar."
                + " \"Plugin classes naming it\" counts the plugin's classes whose constant pool names one of the"
                + " jar's packages; 0 means only other jars use it.\n\n");
        text.append("| jar | KB | plugin classes naming it | why it is there | can it go? |\n"
                + "| --- | --- | --- | --- | --- |\n");
        long total = Files.size(pluginJar);
        text.append(
                "| " + pluginJar.getFileName() + " | " + kilobytes(Files.size(pluginJar)) + " | | the plugin | no |\n");
        for (Path jar : jars) {
            long size = Files.size(jar);
            total += size;
            String artifactId = artifactId(jar);
            String[] reason = REASONS.getOrDefault(artifactId, new String[] {"**unexplained: add a reason**", "?"});
            text.append("| " + jar.getFileName() + " | " + kilobytes(size) + " | " + namingClasses(jar, pluginClasses)
                    + " | " + reason[0] + " | " + reason[1] + " |\n");
        }
        text.append("\n" + (jars.size() + 1) + " jars, " + kilobytes(total) + " KB in total. Target: anything that"
                + " can go without losing function goes. Verdict: " + Verdict.of(!hasRemovable(jars))
                + (hasRemovable(jars)
                        ? ": org.jetbrains:annotations can go (an exclusion in the plugin POM; left to the POM's"
                                + " owner)."
                        : ": org.jetbrains:annotations 13.0 (17 KB, pulled by kotlin-stdlib, never loaded) is"
                                + " excluded from okhttp-jvm in the plugin POM.")
                + "\n\n");
        return text.toString();
    }

    private static boolean hasRemovable(List<Path> jars) {
        return jars.stream().map(Footprint::artifactId).anyMatch("annotations"::equals);
    }

    /** The artifactId from a repository path: .../groupId/artifactId/version/artifactId-version.jar */
    private static String artifactId(Path jar) {
        return jar.getParent().getParent().getFileName().toString();
    }

    private static int namingClasses(Path jar, List<String> pluginClasses) throws IOException {
        Set<String> packages = packages(jar);
        int count = 0;
        for (String pluginClass : pluginClasses) {
            if (referencedPackages(pluginClass).stream().anyMatch(packages::contains)) {
                count++;
            }
        }
        return count;
    }

    /** The packages of the internal class names ({@code okhttp3/OkHttpClient}) in a class file's constant pool. */
    private static Set<String> referencedPackages(String classFile) {
        Set<String> packages = new TreeSet<>();
        Matcher matcher = INTERNAL_NAME.matcher(classFile);
        while (matcher.find()) {
            String name = matcher.group();
            packages.add(name.substring(0, name.lastIndexOf('/')));
        }
        return packages;
    }

    /** Internal package names, such as {@code okhttp3/internal}. */
    private static Set<String> packages(Path jar) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')));
                }
            }
        }
        return packages;
    }

    private static List<String> classTexts(Path jar) throws IOException {
        List<String> texts = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        texts.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return texts;
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%,d", Math.round(bytes / 1024.0));
    }
}
