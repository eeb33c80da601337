// An encrypted PKCS#1 key as 'openssl genrsa -traditional' writes it, and its certificate, inside this IT's folder.
File folder = new File(basedir, 'home/sandbox')
folder.mkdirs()

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0..1]} failed: ${output}"
}
run(['openssl', 'genrsa', '-traditional', '-aes256', '-passout', 'pass:it key passphrase', '-out', 'privatecert.pem', '2048'])
run(['openssl', 'req', '-new', '-x509', '-key', 'privatecert.pem', '-passin', 'pass:it key passphrase',
     '-subj', '/C=GB/O=IT/CN=encrypted-settings', '-days', '30', '-out', 'publiccert.cer'])
assert new File(folder, 'privatecert.pem').text.startsWith('-----BEGIN RSA PRIVATE KEY-----')
return true
