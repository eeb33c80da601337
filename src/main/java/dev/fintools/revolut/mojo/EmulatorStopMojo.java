package dev.fintools.revolut.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Releases this module's use of the emulator that {@code revolut:emulator-start} started; the emulator stops after
 * the last module of the build releases it. Does nothing in a module that did not start it. A build that fails
 * before this goal leaves nothing behind: the emulator runs on daemon threads inside Maven's JVM.
 */
@Mojo(name = "emulator-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class EmulatorStopMojo extends AbstractRevolutMojo {

    /** The module releasing the emulator. Read-only. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

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
        boolean stopped = shared != null && shared.release();
        getLog().info(stopped ? "Revolut emulator stopped" : "Revolut emulator left running for the other modules");
    }
}
