// An encrypted PKCS#1 key (openssl genrsa -traditional -aes256) and its certificate, where revolut.home points.
def openssl = evaluate(new File(itShared, 'Openssl.groovy'))
openssl.encryptedPkcs1(
        new File(basedir, 'target/revolut-home/sandbox'), 'it key passphrase', '/C=GB/O=IT/CN=token-encrypted-settings')
return true
