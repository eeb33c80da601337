// The quickstart ran every step; the log shows the accounts table and no secret.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log =~ /Current GBP account\s+GBP\s+100\.00\s+active/
assert !(log =~ /oa_sand_[A-Za-z0-9_-]{20,}/) : 'a token or code reached the log'
def home = new File(basedir, 'target/revolut-home/sandbox')
assert new File(home, 'privatecert.pem').exists()
assert new File(home, 'publiccert.cer').exists()
