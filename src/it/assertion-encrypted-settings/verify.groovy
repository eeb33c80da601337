import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

File folder = new File(basedir, 'home/sandbox')
File assertionFile = new File(folder, 'client_assertion.txt')
String log = new File(basedir, 'build.log').text
String jwt = assertionFile.text

def openssl = evaluate(new File(itShared, 'Openssl.groovy'))

// The JWT, checked by openssl with the certificate's public key, as Revolut would.
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(assertionFile.toPath())) == 'rw-------'
def decoded = openssl.verifiedJwt(folder, jwt)
String[] parts = jwt.split('\\.')

def header = decoded.header
def payload = decoded.payload
assert header == [alg: 'RS256', typ: 'JWT']
assert payload.keySet() == ['iss', 'sub', 'aud', 'exp'] as Set
assert payload.iss == 'merchant.example.org'
assert payload.sub == 'it-client-from-settings'
assert payload.aud == 'https://revolut.com'
assert payload.exp instanceof Number
long now = System.currentTimeMillis().intdiv(1000)
assert payload.exp > now + 400 && payload.exp <= now + 600

// Sources at INFO, the consent URL, and no secret anywhere in the -X log.
assert log.contains('[DEBUG]')
assert log.contains("client ID:    from settings.xml <server> 'revolut' <username>")
assert log.contains("passphrase:   from settings.xml <server> 'revolut' <passphrase>")
assert log.contains("redirect URI: from settings.xml <server> 'revolut' <configuration><redirectUri>")
assert log.contains('certificate:  signature verified with')
assert log =~ /https:\/\/sandbox-business\.revolut\.com\/app-confirm\?client_id=it-client-from-settings&redirect_uri=https%3A%2F%2Fmerchant\.example\.org%2Frevolut%2Fcallback&response_type=code&scope=READ,WRITE&state=[A-Za-z0-9_-]{22}/
assert !log.contains('it key passphrase')
assert !log.contains(jwt)
assert !log.contains(parts[2])
new File(folder, 'privatecert.pem').readLines().findAll { it.length() > 40 }.each { line ->
    assert !log.contains(line) : 'the build log shows a line of the private key'
}
return true
