import groovy.json.JsonSlurper

// The encrypted passphrase was decrypted (the key signed the assertions Revolut accepted), the client ID and redirect
// URI came from settings.xml, and nothing secret reached the -X log.
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert log.contains('BUILD SUCCESS')
assert log.contains('clients [it-token-client]')
assert log.contains('Access token for client it-token-client (sandbox): exchanged the authorization code')
assert log.contains('Access token for client it-token-client (sandbox): refreshed (revolut.forceRefresh)')
assert log.contains("Private key from settings.xml <server> 'revolut' <privateKey>")
assert log.contains('2 accounts of client it-token-client (sandbox)')

def store = new File(basedir, 'target/revolut-home/sandbox').listFiles().find { it.name ==~ /tokens-sandbox-.*\.json/ }
def stored = new JsonSlurper().parse(store)
assert !log.contains('it key passphrase') : 'the passphrase reached the log'
assert !log.contains(stored.refreshToken) : 'the refresh token reached the log'
assert !log.contains(stored.accessToken) : 'the access token reached the log'
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{12,}/) : 'a code or token reached the log'
assert !log.contains('eyJ') : 'a JWT (client assertion) reached the log'
return true
