// An encrypted PKCS#1 key (openssl genrsa -traditional -aes256) and its certificate, where revolut.home points.
File folder = new File(basedir, 'target/revolut-home/sandbox')
folder.mkdirs()

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0..1]} failed: ${output}"
}
run(['openssl', 'genrsa', '-traditional', '-aes256', '-passout', 'pass:it key passphrase', '-out', 'privatecert.pem', '2048'])
run(['openssl', 'req', '-new', '-x509', '-key', 'privatecert.pem', '-passin', 'pass:it key passphrase',
     '-subj', '/C=GB/O=IT/CN=token-encrypted-settings', '-days', '30', '-out', 'publiccert.cer'])
return true
