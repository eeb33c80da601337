import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.util.regex.Pattern
import java.util.zip.ZipFile

// Issue 5: every log and every file the three -X builds wrote is searched for every secret value. Only the files
// designed to hold a secret may contain one, and those are readable by their owner only.

File home = new File(basedir, 'home/sandbox')
String log = new File(basedir, 'build.log').getText('UTF-8')

def run = { List<String> command ->
    Process process = new ProcessBuilder(command).directory(home).redirectErrorStream(true).start()
    String output = process.inputStream.text
    assert process.waitFor() == 0 : "${command[0..1]} failed: ${output}"
    output
}

// --- The designated files: each written, each owner-only. ---------------------------------------------------------
List<File> stores = home.listFiles().findAll { it.name ==~ /tokens-sandbox-[A-Za-z0-9_-]{12}\.json/ }
assert stores.size() == 1 : "one token store expected (the refused exchange stores nothing): ${home.list()}"
File store = stores[0]
File encryptedKey = new File(home, 'privatecert.pem')
File keygenKey = new File(basedir, 'target/keygen/privatecert.pem')
File assertionFile = new File(home, 'client_assertion.txt')
File tokenFile = new File(basedir, 'target/revolut/access-token')
List<File> designated = [encryptedKey, keygenKey, assertionFile, store, tokenFile]
designated.each { file ->
    assert file.isFile() : "${file} was not written"
    assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath())) == 'rw-------' :
            "${file} is readable by others"
}

// --- Every secret value. ------------------------------------------------------------------------------------------
String passphrase = 'it key passphrase'
def storeJson = new JsonSlurper().parse(store)
String accessToken = storeJson.accessToken
String refreshToken = storeJson.refreshToken
String assertion = assertionFile.text.trim()
String signature = assertion.split('\\.')[2]
String codeRefused = 'oa_sand_NeverIssuedByTheEmulator7Qx2Lm9Vb4Kp8Zr1'
String codeProduction = 'oa_prod_ProductionCodeInASandboxBuild3Hf8Tn6Wd2Gs5'
assert accessToken ==~ /oa_sand_[A-Za-z0-9_-]{16,}/ && refreshToken ==~ /oa_sand_[A-Za-z0-9_-]{16,}/
assert tokenFile.text.trim() == accessToken : 'the token file holds the stored access token'
assert assertion ==~ /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/

// The key's body lines as stored (encrypted), decrypted as PKCS#8 and as PKCS#1: no form of it may leak.
def bodyLines = { String pem -> pem.readLines().findAll { !it.startsWith('-----') && it.length() >= 16 } }
List<String> keyLines = bodyLines(encryptedKey.text) + bodyLines(keygenKey.text) +
        bodyLines(run(['openssl', 'pkey', '-in', 'privatecert.pem', '-passin', "pass:${passphrase}".toString()])) +
        bodyLines(run(['openssl', 'rsa', '-traditional', '-in', 'privatecert.pem', '-passin', "pass:${passphrase}".toString()])) +
        bodyLines(run(['openssl', 'rsa', '-traditional', '-in', keygenKey.path]))
assert keyLines.size() > 60

Map<String, String> secrets = [
        'the passphrase': passphrase,
        'the access token': accessToken,
        'the access token without its prefix': accessToken.substring(8),
        'the refresh token': refreshToken,
        'the refresh token without its prefix': refreshToken.substring(8),
        'the assertion': assertion,
        'the assertion signature': signature,
        'the refused code': codeRefused.substring(8),
        'the production code': codeProduction.substring(8)]
keyLines.eachWithIndex { line, index -> secrets["private key line ${index}".toString()] = line }
Map<String, Pattern> shapes = [
        'a token or code': ~/oa_(sand|prod)_[A-Za-z0-9_-]{16,}/,
        'a JWT': ~/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]/,
        'a PEM private key': ~/PRIVATE KEY-----/]

// --- Every file under the IT's folder, except its committed fixtures and the designated files. --------------------
Set<String> fixtures = ['pom.xml', 'invoker.properties', 'prebuild.groovy', 'verify.groovy', 'settings-it.xml',
                        'settings-security.xml'] as Set
Set<File> skipped = designated.collect { it.canonicalFile } as Set
Map<String, String> texts = [:]
basedir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    String relative = basedir.toPath().relativize(file.toPath()).toString()
    if (relative in fixtures || relative.startsWith('src/') || file.canonicalFile in skipped) {
        return
    }
    if (file.name ==~ /.*\.(jar|zip)/) {
        new ZipFile(file).withCloseable { zip ->
            zip.entries().each { entry -> texts["${relative}!${entry.name}".toString()] = zip.getInputStream(entry).getText('ISO-8859-1') }
        }
    } else {
        texts[relative] = file.getText('ISO-8859-1')
    }
}
assert texts.keySet().any { it == 'build.log' }
assert texts.keySet().any { it.startsWith('target/failsafe-reports/') }
assert texts.keySet().any { it == 'target/revolut/accounts.json' }

def leaksIn = { String path, String text ->
    List<String> found = secrets.findAll { what, value -> text.contains(value) }.collect { what, value -> "${path}: ${what}" }
    shapes.each { what, pattern ->
        def matcher = pattern.matcher(text)
        if (matcher.find()) {
            found << "${path}: ${what} ('${matcher.group().take(12)}…')"
        }
    }
    found*.toString()
}
List<String> leaks = texts.collectMany { path, text -> leaksIn(path, text) }
assert leaks.isEmpty() : "secrets outside their files:\n${leaks.join('\n')}"
println "secrets-sweep: ${secrets.size()} secret values and ${shapes.size()} shapes, none in ${texts.size()} files"

// The search finds what it looks for: run on the designated files, it reports each one's secret.
assert leaksIn('store', store.text).containsAll(['store: the refresh token', 'store: the access token'])
assert leaksIn('store', store.text).any { it.startsWith('store: a token or code') }
assert leaksIn('token', tokenFile.text).contains('token: the access token')
assert leaksIn('assertion', assertionFile.text).containsAll(['assertion: the assertion', 'assertion: the assertion signature'])
assert leaksIn('assertion', assertionFile.text).any { it.startsWith('assertion: a JWT') }
assert leaksIn('key', encryptedKey.text).any { it.startsWith('key: private key line') }
assert leaksIn('key', keygenKey.text).any { it.startsWith('key: a PEM private key') }
assert leaksIn('text', "x ${passphrase} y").contains('text: the passphrase')
assert leaksIn('text', codeProduction).size() == 2

// --- The three builds did what they were meant to, at DEBUG. ------------------------------------------------------
assert log.contains('[DEBUG]')
// maven-resources-plugin's -X list of every property ran after the token goal had exported its properties.
assert log =~ /(?s)properties used:.*\[DEBUG\] revolut\.tokenFile: /
assert log.contains('Exchanged the authorization code')
assert log.contains('refreshed (revolut.forceRefresh)')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('oa_prod_…Gs5') : 'the production code is shown masked'
assert log.contains('The authorization code is invalid: it was not issued by this server') : 'the emulator refused the code'
return true
