// An encrypted PKCS#8 key (what 'openssl genpkey -aes256' writes) and its certificate, where revolut.home expects
// them; keygen, which writes unencrypted keys, runs into target/keygen instead.
File folder = new File(basedir, 'home/sandbox')
folder.mkdirs()

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0..1]} failed: ${output}"
}
run(['openssl', 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes256',
     '-pass', 'pass:it key passphrase', '-out', 'privatecert.pem'])
run(['openssl', 'req', '-new', '-x509', '-key', 'privatecert.pem', '-passin', 'pass:it key passphrase',
     '-subj', '/C=GB/O=IT/CN=secrets-sweep', '-days', '30', '-out', 'publiccert.cer'])
assert new File(folder, 'privatecert.pem').text.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----')
// The plugin only reads this key: keep it owner-only, as a user would, whatever the umask gave it.
java.nio.file.Files.setPosixFilePermissions(new File(folder, 'privatecert.pem').toPath(),
        java.nio.file.attribute.PosixFilePermissions.fromString('rw-------'))
return true
