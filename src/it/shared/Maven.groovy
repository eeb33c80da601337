// Runs Maven processes from an invoker hook, several at once, with the Maven, local repository and settings of the
// ITs. Not an IT: load it from a hook with
//     def maven = evaluate(new File(itShared, 'Maven.groovy'))
// and see README.md in this folder.
import java.util.concurrent.TimeUnit

/** A Maven process started by start(); await() or kill() it. */
class MavenRun {
    final String name
    final File dir
    final File log
    final List<String> command
    final Process process
    private Integer exitCode
    private boolean timedOut

    MavenRun(String name, File dir, File log, List<String> command, Process process) {
        this.name = name
        this.dir = dir
        this.log = log
        this.command = command
        this.process = process
    }

    long getPid() { process.pid() }

    /** The log so far. */
    String getText() { log.exists() ? log.getText('UTF-8') : '' }

    /**
     * Waits until the log contains the text (a String) or matches the pattern (a java.util.regex.Pattern);
     * fails after the timeout or when the process ends first.
     */
    void awaitLog(Object expected, long timeoutSeconds = 120) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (!found(expected)) {
            assert process.alive || found(expected) : "${name} ended (${process.exitValue()}) before its log showed " +
                    "'${expected}':\n${text}"
            assert System.nanoTime() < deadline : "${name}: no '${expected}' in its log after ${timeoutSeconds} s"
            Thread.sleep(50)
        }
    }

    private boolean found(Object expected) {
        expected instanceof java.util.regex.Pattern ? expected.matcher(text).find() : text.contains(expected as String)
    }

    /** kill -9 of the Maven JVM and whatever it started: no shutdown hook, no finally block runs. */
    void kill() {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        process.waitFor(30, TimeUnit.SECONDS)
    }

    /** Waits for the end; returns this run's result (see result()). A run past the timeout is killed. */
    Map await(long timeoutSeconds = 300) {
        if (exitCode == null && !timedOut) {
            if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                exitCode = process.exitValue()
            } else {
                timedOut = true
                kill()
            }
        }
        result()
    }

    /** [name:, dir:, exitCode: (null when timed out), timedOut:, log: text, logFile:, pid:]. */
    Map result() {
        [name: name, dir: dir, exitCode: exitCode, timedOut: timedOut, log: text, logFile: log, pid: pid]
    }

    String toString() { "MavenRun[${name}, pid ${pid}]" }
}

/** Starts Maven processes like the invoker does: same Maven, IT local repository and IT settings. */
class MavenLauncher {
    final File mavenHome
    final File localRepository
    final File settings

    MavenLauncher(File mavenHome, File localRepository, File settings) {
        this.mavenHome = mavenHome
        this.localRepository = localRepository
        this.settings = settings
    }

    /**
     * Starts one Maven process without waiting. Spec:
     *   dir:  File (required), the project folder (where its pom.xml is)
     *   args: List of goals and options, such as ['-q', 'verify', '-Drevolut.apiUrl=...']
     *   env:  Map of environment variables added to this JVM's
     *   log:  File for the output (default: dir/build-<name>.log)
     *   name: String for messages and the default log (default: the folder's name)
     * Every run gets -B, -s <IT settings> and -Dmaven.repo.local=<IT repository> before its args.
     */
    MavenRun start(Map spec) {
        File dir = spec.dir as File
        assert dir?.isDirectory() : "Maven run needs an existing dir; got ${dir}"
        String name = (spec.name ?: dir.name) as String
        File log = (spec.log ?: new File(dir, "build-${name}.log")) as File
        List<String> command = [mvn().path, '-B']
        if (settings?.exists()) {
            command += ['-s', settings.path]
        }
        if (localRepository != null) {
            command += ['-Dmaven.repo.local=' + localRepository.path]
        }
        command += (spec.args ?: []).collect { it as String }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir)
                .redirectErrorStream(true)
                .redirectOutput(log)
        builder.environment().putIfAbsent('JAVA_HOME', System.getProperty('java.home'))
        (spec.env ?: [:]).each { key, value -> builder.environment().put(key as String, value as String) }
        Process process = builder.start()
        process.outputStream.close()
        new MavenRun(name, dir, log, command, process)
    }

    /**
     * Starts all runs at once and waits for all of them, together at most timeoutSeconds (runs still going then
     * are killed). Returns their results in the order given: [[name:, dir:, exitCode:, timedOut:, log:, ...], ...].
     */
    List<Map> concurrently(List<Map> specs, long timeoutSeconds = 300) {
        List<MavenRun> runs = specs.collect { start(it) }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        runs.collect { MavenRun run ->
            long left = Math.max(0L, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()))
            run.await(left)
        }
    }

    /** Runs one Maven process and waits for it. */
    Map run(Map spec, long timeoutSeconds = 300) {
        start(spec).await(timeoutSeconds)
    }

    private File mvn() {
        boolean windows = System.getProperty('os.name').toLowerCase().contains('win')
        File file = new File(mavenHome, windows ? 'bin/mvn.cmd' : 'bin/mvn')
        assert file.exists() : "no Maven at ${file}: maven.home is ${mavenHome}"
        file
    }
}

def variable = { String name -> binding.hasVariable(name) ? binding.getVariable(name) : null }
File repository = (variable('localRepositoryPath') ?: variable('itRepo')) as File
String settings = variable('itSettings') as String
new MavenLauncher(new File(System.getProperty('maven.home')), repository, settings ? new File(settings) : null)
