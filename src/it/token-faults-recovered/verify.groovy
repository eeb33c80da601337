// Two 503s on the refresh and a 429 with Retry-After: 2 on GET /accounts were retried and the build passed.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('2 fault(s) staged')
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{20,}/) : 'a token or code reached the log'

def counts = new JsonSlurper().parse(new File(basedir, 'target/revolut/emulator-counts.json'))
assert counts.token.authorization_code == 1 : "one code exchange expected: ${counts}"
assert counts.token.refresh_token == 3 : "two refused refreshes and one that worked expected: ${counts}"
assert counts.accounts == 2 : "one GET /accounts answered 429 and one retried after the wait expected: ${counts}"
