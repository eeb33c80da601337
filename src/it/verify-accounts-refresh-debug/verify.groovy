import groovy.json.JsonSlurper

// verify-accounts met a 401, refreshed once, retried once and passed.
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('GET /accounts answered 401 with the current access token; refreshing once and retrying')
assert log =~ /Current GBP account\s+GBP\s+100\.00\s+active/

// No secret in the -X log: the stored tokens, the token file, any oa_sand_ value (codes included), any JWT.
def home = new File(basedir, 'target/revolut-home/sandbox')
def stores = home.listFiles().findAll { it.name ==~ /tokens-sandbox-.*\.json/ }
assert stores.size() == 1 : "expected one token store in ${home}: ${home.list()}"
def stored = new JsonSlurper().parse(stores[0])
assert stored.refreshToken && stored.accessToken
assert !log.contains(stored.refreshToken) : 'the refresh token reached the log'
assert !log.contains(stored.accessToken) : 'the stored access token reached the log'
def tokenFile = new File(basedir, 'target/revolut/access-token')
assert tokenFile.text.trim() == stored.accessToken : 'the token file does not hold the token of the refresh after the 401'
assert !log.contains(tokenFile.text.trim()) : 'the token in the token file reached the log'
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{12,}/) : 'a code or token reached the log'
assert !log.contains('eyJ') : 'a JWT (client assertion) reached the log'
return true
