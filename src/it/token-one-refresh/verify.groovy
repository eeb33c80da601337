// Eight callers (four reactor modules on four threads, four Maven processes), one token store, one emulator:
// exactly one refresh, every build green, every caller's AccountsIT listed the accounts with its token.
// The invoker (3.10.1) runs this hook in a finally block, also after a failed prebuild hook or a failed build, so
// the processes and the emulator are always ended here.
import groovy.json.JsonSlurper

import java.util.concurrent.TimeUnit

def emulators = evaluate(new File(itShared, 'Emulator.groovy'))
File urlFile = new File(basedir, 'target/emulator.url')
File pidFile = new File(basedir, 'target/process-ids.txt')
List<ProcessHandle> processes = pidFile.exists()
        ? pidFile.readLines().findAll { it }.collect { ProcessHandle.of(it as long) }.findAll { it.present }*.get()
        : []
try {
    assert pidFile.exists() : 'the prebuild hook did not start the four Maven processes'
    processes.each { it.onExit().get(180, TimeUnit.SECONDS) }
    List<File> logs = [new File(basedir, 'build.log')] +
            (1..4).collect { new File(basedir, "process-${it}/build-process-${it}.log") }
    List<String> texts = logs*.getText('UTF-8')
    texts.eachWithIndex { text, i -> assert text.contains('BUILD SUCCESS') : "${logs[i]}:\n${text}" }

    // Every caller's test passed: four in the reactor's log, one in each process's.
    int passed = texts.sum { it.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') } as int
    assert passed == 2 * 8 : "expected 8 passing AccountsIT runs (each reported twice by Failsafe), saw ${passed / 2}"

    // One caller refreshed; seven reused the token it stored, without a request.
    String all = texts.join('\n')
    assert all.count('Access token for client it-client (sandbox): refreshed,') == 1
    assert all.count('Access token for client it-client (sandbox): reused the stored token, no request,') == 7
    List<String> tokens = (1..4).collectMany { n ->
        [new File(basedir, "module-${n}/target/revolut/access-token"),
         new File(basedir, "process-${n}/target/revolut/access-token")]
    }.collect { it.text.trim() }
    assert tokens.toSet().size() == 1 : 'the callers hold different access tokens'
    assert new File(basedir, 'target/gate').list().length == 8

    // The emulator counted exactly one refresh since the seeding exchange, and eight account listings.
    Map before = new JsonSlurper().parse(new File(basedir, 'target/counts-before.json')) as Map
    Map after = emulators.attach(urlFile).counts()
    int refreshes = (after.token.refresh_token ?: 0) - (before.token.refresh_token ?: 0) // zero counts are left out
    assert refreshes == 1 : "refreshes: before ${before}, after ${after}"
    assert after.token.authorization_code == before.token.authorization_code
    assert after.accounts - before.accounts == 8 : "accounts calls: before ${before}, after ${after}"
} finally {
    processes.findAll { it.alive }.each { process ->
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
    }
    if (urlFile.exists()) {
        emulators.attach(urlFile).stop()
    }
}
return true
