// One emulator for the whole -T 4 reactor: started once, stopped once, the same URL in every module.
def log = new File(basedir, 'build.log').text
def started = log.readLines().findAll { it.contains('Revolut emulator started at') }
assert started.size() == 1 : "expected one emulator start, got: ${started}"
assert log.readLines().findAll { it.contains('Revolut emulator stopped') }.size() == 1
assert log.contains('clients [it-client-id]')

def urls = ['alpha', 'beta', 'gamma'].collect { new File(basedir, "${it}/target/url.txt").text.trim() }
assert urls.unique().size() == 1 : "modules saw different URLs: ${urls}"
assert urls[0] ==~ /http:\/\/127\.0\.0\.1:\d+\/api\/1\.0/ : "unexpected revolut.apiUrl: ${urls[0]}"
assert log.contains('Using the Revolut emulator at') || started.size() == 1
return true
