// The dropped code exchange was not sent again, and the message says the code may be used up.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Exchanging the authorization code for tokens failed')
assert log.contains('The request may have reached Revolut, so it was not sent again: an authorization code works'
        + ' only once, and this one may now be used up.')
// The emulator logs one line per request at DEBUG: exactly one reached the token endpoint, and it was dropped.
def tokenRequests = log.readLines().findAll { it.contains('[emulator] POST /api/1.0/auth/token') }
assert tokenRequests.size() == 1 : "exactly one code exchange expected: ${tokenRequests}"
assert tokenRequests[0].contains('fault: connection dropped')
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{20,}/) : 'a token or code reached the debug log'
