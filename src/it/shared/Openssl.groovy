// openssl as the ITs use it: keys and certificates made the way Revolut's guide makes them, and JWTs checked the way
// jwt.io would, by a tool independent of the plugin. Not an IT: load it from a hook with
//     def openssl = evaluate(new File(itShared, 'Openssl.groovy'))
import groovy.json.JsonSlurper

class OpensslTool {
    /** Runs openssl in the folder and returns its output; the IT fails when openssl does. */
    static String run(File folder, List<String> arguments) {
        List<String> command = ['openssl'] + arguments
        Process process = new ProcessBuilder(command).directory(folder).redirectErrorStream(true).start()
        String output = process.inputStream.text
        assert process.waitFor() == 0 : "${command} failed: ${output}"
        output
    }

    /** An unencrypted PKCS#8 key, as keygen writes it, and its certificate, in one 'openssl req -x509' call. */
    static void selfSigned(File folder, String subject) {
        folder.mkdirs()
        run(folder, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'privatecert.pem',
                     '-out', 'publiccert.cer', '-subj', subject, '-days', '30'])
    }

    /** An encrypted PKCS#1 key, as 'openssl genrsa -traditional -aes256' writes it, and its certificate. */
    static void encryptedPkcs1(File folder, String passphrase, String subject) {
        folder.mkdirs()
        run(folder, ['genrsa', '-traditional', '-aes256', '-passout', "pass:${passphrase}".toString(),
                     '-out', 'privatecert.pem', '2048'])
        run(folder, ['req', '-new', '-x509', '-key', 'privatecert.pem', '-passin', "pass:${passphrase}".toString(),
                     '-subj', subject, '-days', '30', '-out', 'publiccert.cer'])
        assert new File(folder, 'privatecert.pem').text.startsWith('-----BEGIN RSA PRIVATE KEY-----')
    }

    /**
     * Checks the JWT's RS256 signature with the public key of the certificate in the folder, using
     * 'openssl dgst -sha256 -verify', and returns its decoded header and payload.
     */
    static Map verifiedJwt(File folder, String jwt) {
        String[] parts = jwt.split('\\.')
        assert parts.length == 3
        new File(folder, 'signed.txt').bytes = "${parts[0]}.${parts[1]}".getBytes('US-ASCII')
        new File(folder, 'sig.bin').bytes = Base64.urlDecoder.decode(parts[2])
        new File(folder, 'pubkey.pem').text = run(folder, ['x509', '-in', 'publiccert.cer', '-pubkey', '-noout'])
        assert run(folder, ['dgst', '-sha256', '-verify', 'pubkey.pem', '-signature', 'sig.bin', 'signed.txt'])
                .contains('Verified OK')
        def json = new JsonSlurper()
        [header: json.parse(Base64.urlDecoder.decode(parts[0])), payload: json.parse(Base64.urlDecoder.decode(parts[1]))]
    }
}
return OpensslTool
