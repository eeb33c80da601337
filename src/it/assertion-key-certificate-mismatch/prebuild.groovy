// A key, and a certificate made for another key: what Revolut would reject as a bad signature.
File folder = new File(basedir, 'keys')
folder.mkdirs()

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0..1]} failed: ${output}"
}
run(['openssl', 'genrsa', '-out', 'privatecert.pem', '2048'])
run(['openssl', 'genrsa', '-out', 'other.pem', '2048'])
run(['openssl', 'req', '-new', '-x509', '-key', 'other.pem', '-subj', '/CN=other', '-days', '30', '-out', 'other-publiccert.cer'])
return true
