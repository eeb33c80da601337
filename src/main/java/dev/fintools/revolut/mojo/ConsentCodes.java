package dev.fintools.revolut.mojo;

import dev.fintools.revolut.secrets.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Authorization codes that the emulator's consent hands to {@code revolut:token}, one per module, kept in the
 * session's memory. Not a project property: under {@code -X} other plugins print every project property
 * (maven-resources-plugin lists them all), and a code is a secret.
 */
final class ConsentCodes {
    private ConsentCodes() {}

    static void put(MavenSession session, MavenProject project, Secret code) {
        codes(session).put(project.getId(), code);
    }

    static Optional<Secret> get(MavenSession session, MavenProject project) {
        return Optional.ofNullable(codes(session).get(project.getId()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Secret> codes(MavenSession session) {
        return (Map<String, Secret>)
                session.getRepositorySession().getData().computeIfAbsent(ConsentCodes.class, ConcurrentHashMap::new);
    }
}
