// The suite spanned 50 emulator minutes, more than one 40-minute token lifetime, and every call succeeded.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('BUILD SUCCESS')
