package dev.fintools.revolut.mojo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fintools.revolut.emulator.RevolutEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Releases this module's use of the emulator that {@code revolut:emulator-start} started; the emulator stops after
 * the last module of the build releases it. Does nothing in a module that did not start it. A build that fails
 * before this goal leaves nothing behind: the emulator runs on daemon threads inside Maven's JVM. Before releasing
 * it, writes the emulator's request counts to {@code revolut.emulator.countsFile}.
 */
@Mojo(name = "emulator-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class EmulatorStopMojo extends AbstractRevolutMojo {

    /** The module releasing the emulator. Read-only. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * Where the emulator's request counts so far are written, as JSON, before this module releases it: requests per
     * endpoint, and per grant type for the token endpoint, faults included, such as
     * {@code {"token":{"authorization_code":1,"refresh_token":3},"accounts":2,"consent":0}}. Counts only, never a
     * token or a code. For verify scripts of integration tests. Default
     * {@code ${project.build.directory}/revolut/emulator-counts.json}.
     */
    @Parameter(
            property = "revolut.emulator.countsFile",
            defaultValue = "${project.build.directory}/revolut/emulator-counts.json")
    File countsFile;

    @Override
    String goal() {
        return "emulator-stop";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (project.getContextValue(EmulatorStartMojo.STARTED_HERE) == null) {
            getLog().info("No Revolut emulator was started in this module; nothing to stop");
            return;
        }
        project.setContextValue(EmulatorStartMojo.STARTED_HERE, null);
        SharedEmulator shared =
                (SharedEmulator) session.getRepositorySession().getData().get(SharedEmulator.class);
        String counts =
                shared == null ? "" : shared.running().map(this::writeCounts).orElse("");
        boolean stopped = shared != null && shared.release();
        getLog().info((stopped ? "Revolut emulator stopped" : "Revolut emulator left running for the other modules")
                + counts);
    }

    /** Writes the counts file; returns the note for the summary line, empty when there is none. */
    private String writeCounts(RevolutEmulator emulator) {
        if (countsFile == null) {
            return "";
        }
        Path file = countsFile.toPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), emulator.counts());
            return "; request counts in " + file;
        } catch (IOException e) {
            // The counts only inform tests and users: failing to write them does not keep the emulator running.
            getLog().warn("Could not write the emulator's request counts to " + file + " (" + e.getMessage()
                    + "). Check that the folder is writable, or set revolut.emulator.countsFile elsewhere.");
            return "";
        }
    }
}
