
File folder = new File(basedir, 'home/sandbox')
String log = new File(basedir, 'build.log').text
String jwt = new File(folder, 'client_assertion.txt').text

def openssl = evaluate(new File(itShared, 'Openssl.groovy'))

// The JWT, checked by openssl with the certificate's public key, as Revolut would.
def payload = openssl.verifiedJwt(folder, jwt).payload

assert payload.iss == 'example.com'
assert payload.sub == 'it-client-from-env'
assert payload.aud == 'https://revolut.com'
long now = System.currentTimeMillis().intdiv(1000)
assert payload.exp > now + 7000 && payload.exp <= now + 7200

assert log.contains('client ID:    from environment variable REVOLUT_CLIENT_ID')
assert log.contains('redirect URI: from environment variable REVOLUT_REDIRECT_URI')
assert log.contains('(from environment variable REVOLUT_PRIVATE_KEY)')
assert log.contains('passphrase:   none (unencrypted key)')
assert log.contains('app-confirm?client_id=it-client-from-env&redirect_uri=example.com&response_type=code&state=it-state')
assert !log.contains(jwt)
return true
