// A permanent 500 on the token endpoint: the refresh gave up after revolut.retry.maxAttempts=3 attempts.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /Refreshing the access token failed: POST http:\/\/127\.0\.0\.1:\d+\/api\/1\.0\/auth\/token answered HTTP 500/
def gaveUp = log =~ /Gave up after 3 attempts in (\d+(?:\.\d+)?) s\./
assert gaveUp.find()
assert Double.parseDouble(gaveUp.group(1)) <= 10 : 'took longer than revolut.retry.maxWaitSeconds'
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{20,}/) : 'a token or code reached the log'
