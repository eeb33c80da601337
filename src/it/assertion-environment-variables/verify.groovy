import groovy.json.JsonSlurper

File folder = new File(basedir, 'home/sandbox')
String log = new File(basedir, 'build.log').text
String jwt = new File(folder, 'client_assertion.txt').text

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command} failed: ${output}"
    output
}
def decode = { String part -> Base64.urlDecoder.decode(part) }

String[] parts = jwt.split('\\.')
new File(folder, 'signed.txt').bytes = "${parts[0]}.${parts[1]}".getBytes('US-ASCII')
new File(folder, 'sig.bin').bytes = decode(parts[2])
new File(folder, 'pubkey.pem').text = run(['openssl', 'x509', '-in', 'publiccert.cer', '-pubkey', '-noout'])
assert run(['openssl', 'dgst', '-sha256', '-verify', 'pubkey.pem', '-signature', 'sig.bin', 'signed.txt']).contains('Verified OK')

def payload = new JsonSlurper().parse(decode(parts[1]))
assert payload.iss == 'example.com'
assert payload.sub == 'it-client-from-env'
assert payload.aud == 'https://revolut.com'
long now = System.currentTimeMillis().intdiv(1000)
assert payload.exp > now + 7000 && payload.exp <= now + 7200

assert log.contains('client ID:    from environment variable REVOLUT_CLIENT_ID')
assert log.contains('redirect URI: from environment variable REVOLUT_REDIRECT_URI')
assert log.contains('(from environment variable REVOLUT_PRIVATE_KEY)')
assert log.contains('passphrase:   none (unencrypted key)')
assert log.contains('app-confirm?client_id=it-client-from-env&redirect_uri=example.com&response_type=code&state=it-state')
assert !log.contains(jwt)
return true
