// An encrypted PKCS#1 key as 'openssl genrsa -traditional' writes it, and its certificate, inside this IT's folder.
def openssl = evaluate(new File(itShared, 'Openssl.groovy'))
openssl.encryptedPkcs1(new File(basedir, 'home/sandbox'), 'it key passphrase', '/C=GB/O=IT/CN=encrypted-settings')
return true
