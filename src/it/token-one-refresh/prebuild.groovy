// Sets the scene for eight callers and one refresh:
// 1. a key and certificate (as keygen writes them) and an emulator process with that certificate as client it-client;
// 2. consent, then ONE code exchange by a real `revolut:token -Drevolut.code=...` build (process-1, alone), which
//    seeds the shared token store and fills the IT repository with every plugin the callers need;
// 3. the stored access token aged to 5 minutes of life left: below revolut.minValidity (10m), so the first caller
//    must refresh, while the refreshed token (40 minutes) satisfies every later caller;
// 4. the first refresh held 1.5 s by the emulator, so callers arriving during it find the lock taken;
// 5. four Maven processes started; the invoker starts the reactor right after this hook returns. The barrier in
//    the POM holds every caller's revolut:token until all eight have arrived.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

File keys = new File(basedir, 'keys')
evaluate(new File(itShared, 'Openssl.groovy')).selfSigned(keys, '/CN=token-one-refresh')

def emulators = evaluate(new File(itShared, 'Emulator.groovy'))
def maven = evaluate(new File(itShared, 'Maven.groovy'))
def emulator = emulators.start(
        urlFile: new File(basedir, 'target/emulator.url'),
        clients: [[clientId   : 'it-client', certificate: new File(keys, 'publiccert.cer'),
                   redirectUri: 'https://example.com']])

File home = new File(basedir, 'home')
Map env = [REVOLUT_CLIENT_ID   : 'it-client',
           REVOLUT_PRIVATE_KEY : new File(keys, 'privatecert.pem').path,
           REVOLUT_REDIRECT_URI: 'https://example.com']
List<String> common = ['-ntp', "-Drevolut.home=${home}", "-Drevolut.apiUrl=${emulator.apiUrl}",
                       "-Drevolut.webAppUrl=${emulator.webAppUrl}"]
(1..4).each { n ->
    File process = new File(basedir, "process-${n}")
    process.mkdirs()
    new File(process, 'pom.xml').text = new File(basedir, 'module-1/pom.xml').text
}

// Consent (the emulator approves at once), then the exchange the way a user does it: revolut:token first on the
// command line, so the two-minute code is used as soon as Maven starts; the lifecycle's own token execution then
// finds the code exchanged and reuses the stored token.
Map consent = emulator.request('GET',
        '/app-confirm?client_id=it-client&redirect_uri=https://example.com&response_type=code')
assert consent.status == 302 : consent.body
String redirect = consent.headers.Location
assert redirect ==~ /https:\/\/example\.com\?code=[^&]+/
Map seed = maven.run([dir: new File(basedir, 'process-1'), name: 'seed', env: env,
                      args: common + ['revolut:token', 'verify', "-Drevolut.code=${redirect}",
                                      "-Dgate=${new File(basedir, 'target/gate-seed')}", '-Dcallers=1']], 240)
assert seed.exitCode == 0 : seed.log
assert seed.log.contains('(sandbox): exchanged the authorization code') : seed.log
new File(basedir, 'process-1/target').deleteDir()

// Age the stored access token: as if it had been obtained 35 minutes ago.
File[] stores = new File(home, 'sandbox').listFiles(
        { File file -> file.name ==~ /tokens-sandbox-.*\.json/ } as FileFilter)
assert stores?.length == 1 : "expected one token store in ${home}/sandbox"
Map stored = new JsonSlurper().parse(stores[0]) as Map
stored.expiresAt = System.currentTimeMillis().intdiv(1000) + 300
stores[0].text = JsonOutput.prettyPrint(JsonOutput.toJson(stored))

Map counts = emulator.counts()
assert counts.token.authorization_code == 1 && !counts.token.refresh_token : counts // zero counts are left out
new File(basedir, 'target/counts-before.json').text = JsonOutput.toJson(counts)
assert emulator.fault('/api/1.0/auth/token', delayMillis: 1500) == 1

File gate = new File(basedir, 'target/gate')
new File(basedir, 'test.properties').text = [
        "revolut.home=${home}", "revolut.apiUrl=${emulator.apiUrl}", "revolut.webAppUrl=${emulator.webAppUrl}",
        "gate=${gate}"].join('\n') + '\n'
// verify.groovy waits for them by process id (the MavenRun objects do not outlive this hook) and reads their logs.
List<Long> pids = (1..4).collect { n ->
    maven.start(dir: new File(basedir, "process-${n}"), name: "process-${n}", env: env,
            args: common + ['verify', "-Dgate=${gate}"]).pid
}
new File(basedir, 'target/process-ids.txt').text = pids.join('\n') + '\n'
return true
