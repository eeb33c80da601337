File key = new File(basedir, 'home/sandbox/privatecert.pem')
String log = new File(basedir, 'build.log').text

assert log.contains("Refusing to overwrite ${key.path}: it already exists")
assert log.contains('or set -Drevolut.overwrite=true to replace them.')
assert key.text.trim() == 'an existing key'
assert !new File(basedir, 'home/sandbox/publiccert.cer').exists()
assert new File(basedir, 'home/sandbox').list().sort() == ['privatecert.pem']
return true
