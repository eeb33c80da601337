// The build's consent link and assertion work against the emulator process the prebuild hook started; then two
// Maven processes run at once through the shared helper; then the emulator stops.
def emulators = evaluate(new File(itShared, 'Emulator.groovy'))
def maven = evaluate(new File(itShared, 'Maven.groovy'))
def emulator = emulators.attach(new File(basedir, 'target/emulator.url'))
try {
    String log = new File(basedir, 'build.log').text
    String assertion = new File(basedir, 'home/sandbox/client_assertion.txt').text.trim()
    def link = log =~ /${java.util.regex.Pattern.quote(emulator.url)}(\/app-confirm\?\S+)/
    assert link.find() : "no consent link to ${emulator.url} in the build log"

    Map consent = emulator.request('GET', link.group(1))
    assert consent.status == 302
    def code = consent.headers.Location =~ /^https:\/\/example\.com\?code=([^&]+)&state=it-state$/
    assert code.find() : 'unexpected consent redirect'

    String form = [grant_type           : 'authorization_code',
                   code                 : URLDecoder.decode(code.group(1), 'UTF-8'),
                   client_id            : 'it-client',
                   client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                   client_assertion     : assertion].collect { k, v -> k + '=' + URLEncoder.encode(v, 'UTF-8') }.join('&')
    assert emulator.fault('/api/1.0/auth/token', status: 503, times: 1) == 1
    assert emulator.request('POST', '/api/1.0/auth/token', form, 'application/x-www-form-urlencoded').status == 503
    Map exchange = emulator.request('POST', '/api/1.0/auth/token', form, 'application/x-www-form-urlencoded')
    assert exchange.status == 200 : exchange.body
    String accessToken = new groovy.json.JsonSlurper().parseText(exchange.body).access_token

    Map listed = emulator.request('GET', '/api/1.0/accounts', null, null)
    assert listed.status == 401 // no bearer token
    HttpURLConnection connection = (HttpURLConnection) new URL(emulator.apiUrl + '/accounts').openConnection()
    connection.setRequestProperty('Authorization', 'Bearer ' + accessToken)
    assert connection.responseCode == 200
    emulator.advanceClock(2401)
    connection = (HttpURLConnection) new URL(emulator.apiUrl + '/accounts').openConnection()
    connection.setRequestProperty('Authorization', 'Bearer ' + accessToken)
    assert connection.responseCode == 401 : 'the access token outlived 2400 s on the emulator clock'

    Map counts = emulator.counts()
    assert counts.consent == 1
    assert counts.token.authorization_code == 2 // the faulted request counts too
    assert counts.accounts == 3

    // Two Maven processes at once, with the ITs' Maven, repository and settings.
    assert maven.settings.exists() : "no IT settings at ${maven.settings}"
    assert maven.localRepository == localRepositoryPath
    def results = maven.concurrently([
            [dir: new File(basedir, 'one'), args: ['validate']],
            [dir: new File(basedir, 'two'), args: ['revolut:no-such-goal']]], 180)
    assert results*.timedOut == [false, false]
    assert results[0].exitCode == 0 : results[0].log
    assert results[0].log.contains('BUILD SUCCESS')
    assert results[1].exitCode == 1 : results[1].log
    assert results[1].log.contains("Could not find goal 'no-such-goal' in plugin dev.fintools:revolut-maven-plugin")
    assert results[1].log.contains('emulator-start') // the goals of this build's jar, not a stale one

    // A long-running Maven process, killed with kill -9: the foreground revolut:emulator goal.
    def foreground = maven.start(dir: new File(basedir, 'two'), name: 'foreground',
            args: ['revolut:emulator', '-Drevolut.emulator.port=0', "-Drevolut.home=${basedir}/home"])
    try {
        // The plugin's own certificate, under the client ID the parent pom sets.
        foreground.awaitLog('Revolut emulator running (sandbox, clients [it-client])', 60)
        String root = (foreground.text =~ /listening on (http:\/\/127\.0\.0\.1:\d+)/)[0][1]
        assert ((HttpURLConnection) new URL(root + '/admin/clock').openConnection()).responseCode == 200
    } finally {
        foreground.kill()
    }
    assert !foreground.process.alive
    assert foreground.await(5).exitCode == 137 // SIGKILL
} finally {
    emulator.stop()
}
assert !ProcessHandle.of(emulator.pid).map { it.alive }.orElse(false) : 'the emulator process is still running'
assert !new File(basedir, 'target/emulator.url').exists()
return true
