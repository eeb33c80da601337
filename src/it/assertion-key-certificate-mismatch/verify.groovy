String log = new File(basedir, 'build.log').text

assert log.contains("The private key and the certificate (subject 'CN=other') do not belong together")
assert log.contains('Nothing was written.')
assert !new File(basedir, 'keys/client_assertion.txt').exists()
return true
