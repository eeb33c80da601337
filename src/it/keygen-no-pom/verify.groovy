import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

File key = new File(basedir, 'home/sandbox/privatecert.pem')
File certificate = new File(basedir, 'home/sandbox/publiccert.cer')
String log = new File(basedir, 'build.log').text

assert !new File(basedir, 'pom.xml').exists()
assert key.text.startsWith('-----BEGIN PRIVATE KEY-----')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(key.toPath())) == 'rw-------'
assert certificate.text.startsWith('-----BEGIN CERTIFICATE-----')

Process openssl = new ProcessBuilder('openssl', 'x509', '-in', certificate.path, '-noout', '-subject', '-text')
        .redirectErrorStream(true).start()
String text = openssl.inputStream.text
assert openssl.waitFor() == 0 : text
assert text.contains('subject=C = GB, O = Acme Ltd, CN = payments')
assert text.contains('Signature Algorithm: sha256WithRSAEncryption')
assert text.contains('Public-Key: (3072 bit)')

assert log.contains('Created a 3072-bit RSA key and a certificate for sandbox')
assert log =~ /SHA-256: +([0-9A-F]{2}:){31}[0-9A-F]{2}/
assert log.contains('https://sandbox-business.revolut.com/settings/apis?tab=business-api')
assert log.contains(certificate.text.readLines()[1])
key.text.readLines().findAll { !it.startsWith('-----') }.each { line ->
    assert !log.contains(line) : 'the build log shows a line of the private key'
}
return true
