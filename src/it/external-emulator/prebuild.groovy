// A key and certificate as keygen writes them (unencrypted PKCS#8), then an emulator process with that certificate
// registered as client it-client; the build finds the emulator through test.properties.
File folder = new File(basedir, 'home/sandbox')
evaluate(new File(itShared, 'Openssl.groovy')).selfSigned(folder, '/CN=external-emulator')

def emulators = evaluate(new File(itShared, 'Emulator.groovy'))
def emulator = emulators.start(
        urlFile: new File(basedir, 'target/emulator.url'),
        clients: [[clientId: 'it-client', certificate: new File(folder, 'publiccert.cer'), redirectUri: 'https://example.com']])
assert emulator.url ==~ /http:\/\/127\.0\.0\.1:\d+/

// A second client over the admin API, under a generated ID.
String generated = emulator.registerClient(new File(folder, 'publiccert.cer'), 'https://example.org')
assert generated ==~ /[A-Za-z0-9_-]{43}/
assert emulator.clients()*.clientId.toSet() == ['it-client', generated] as Set

new File(basedir, 'test.properties').text = "revolut.webAppUrl=${emulator.webAppUrl}\nrevolut.apiUrl=${emulator.apiUrl}\n"
return true
