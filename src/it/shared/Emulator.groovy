// Runs the Revolut emulator as a process of its own (dev.fintools.revolut.emulator.EmulatorMain) for invoker ITs
// whose Maven processes must all talk to ONE emulator. Not an IT: load it from a hook with
//     def emulators = evaluate(new File(itShared, 'Emulator.groovy'))
// and see README.md in this folder.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.util.concurrent.TimeUnit

/** One running emulator process, or one attached to through its URL file. */
class EmulatorProcess {
    final String url
    final File urlFile
    final File log
    private final ProcessHandle process

    EmulatorProcess(String url, File urlFile, File log, ProcessHandle process) {
        this.url = url
        this.urlFile = urlFile
        this.log = log
        this.process = process
    }

    /** The value for revolut.apiUrl. */
    String getApiUrl() { "${url}/api/1.0" }

    /** The value for revolut.webAppUrl. */
    String getWebAppUrl() { url }

    /** The process id, or -1 when attached to an emulator whose process is unknown. */
    long getPid() { process == null ? -1 : process.pid() }

    /**
     * Calls the admin API; returns the parsed JSON answer. GET without a body, POST with one, or any method:
     * admin('/admin/counts'), admin('/admin/clock/advance', [seconds: 10]), admin('DELETE', '/admin/faults', null).
     * Fails on a status of 300 or more, with the answer.
     */
    def admin(String path) { admin('GET', path, null) }

    def admin(String path, Object body) { admin('POST', path, body) }

    def admin(String method, String path, Object body) {
        Map answer = request(method, path, body, 'application/json')
        assert answer.status < 300 : "${method} ${path} answered ${answer.status}: ${answer.body}"
        answer.body ? new JsonSlurper().parseText(answer.body) : null
    }

    /** Any request to the emulator, without following redirects: [status:, headers:, body:]. */
    Map request(String method, String path, Object body = null, String contentType = null) {
        HttpURLConnection connection = (HttpURLConnection) new URL(url + path).openConnection()
        connection.requestMethod = method
        connection.instanceFollowRedirects = false
        connection.connectTimeout = 5000
        connection.readTimeout = 30000
        if (body != null) {
            connection.doOutput = true
            connection.setRequestProperty('Content-Type', contentType ?: 'application/json')
            String text = body instanceof CharSequence ? body.toString() : JsonOutput.toJson(body)
            connection.outputStream.withCloseable { it.write(text.getBytes('UTF-8')) }
        }
        int status = connection.responseCode
        InputStream stream = status < 400 ? connection.inputStream : connection.errorStream
        String text = stream == null ? '' : stream.getText('UTF-8')
        Map headers = connection.headerFields.findAll { it.key != null }.collectEntries { [(it.key): it.value[0]] }
        [status: status, headers: headers, body: text]
    }

    /** {token: {authorization_code: n, refresh_token: n, other: n}, accounts: n, consent: n}. */
    Map counts() { admin('/admin/counts') as Map }

    /** Moves the emulator's clock forward; returns the new time as text. */
    String advanceClock(long seconds) { admin('/admin/clock/advance', [seconds: seconds]).now }

    /** The emulator's current time as text. */
    String now() { admin('/admin/clock').now }

    /**
     * Queues a fault: fault('/api/1.0/auth/token', status: 503, times: 2), fault(path, status: 429,
     * retryAfter: '2'), fault(path, dropConnection: true), fault(path, delayMillis: 3000). Returns how many requests
     * to that path now have a fault waiting.
     */
    int fault(Map options, String path) { admin('/admin/faults', [path: path] + options).queued as int }

    void clearFaults() { admin('DELETE', '/admin/faults', null) }

    /** Uploads a certificate file; returns the client ID (generated when clientId is null). */
    String registerClient(File certificate, String redirectUri = 'https://example.com', String clientId = null) {
        Map body = [certificate: certificate.getText('UTF-8'), redirectUri: redirectUri]
        if (clientId != null) {
            body.clientId = clientId
        }
        admin('/admin/clients', body).clientId
    }

    List clients() { admin('/admin/clients') as List }

    void revoke(String clientId) { admin("/admin/clients/${clientId}/revoke", [:]) }

    void reset() { admin('/admin/reset', [:]) }

    /**
     * Stops the emulator (POST /admin/shutdown) and waits up to 10 s for its process to end, then kills it. Safe to
     * call twice.
     */
    void stop() {
        try {
            request('POST', '/admin/shutdown')
        } catch (IOException ignored) {
            // already stopped, or closed before answering
        }
        if (process != null) {
            ProcessHandle ended = process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join()
            if (ended == null) {
                process.destroyForcibly()
            }
        }
        urlFile?.delete()
        new File(urlFile.path + '.pid').delete()
    }

    String toString() { "EmulatorProcess[${url}, pid ${pid}]" }
}

/** Starts emulator processes, or attaches to one a previous hook started. */
class Emulators {
    final String classpath

    Emulators(String classpath) {
        this.classpath = classpath
    }

    /**
     * Starts an emulator process and waits (up to 30 s) until it listens. Options:
     *   urlFile:     File (required) where the emulator writes its root URL; a hook that runs later attaches with it
     *   log:         File for the emulator's output (default: urlFile with .log)
     *   port:        int, 0 (default) for any free port
     *   clients:     [[clientId: 'id' or null, certificate: File, redirectUri: 'https://example.com'], ...]
     *   accounts:    File, the accounts fixture
     *   environment: 'sandbox' (default) or 'production'
     * The process stops on stop(), POST /admin/shutdown, or when the Maven JVM running the hook exits.
     */
    EmulatorProcess start(Map options) {
        assert classpath : 'pluginClasspath is not set: run the ITs through the root pom (./mvnw verify)'
        File urlFile = options.urlFile as File
        assert urlFile : 'start(urlFile: ...) is required'
        urlFile.absoluteFile.parentFile.mkdirs()
        urlFile.delete()
        File log = (options.log ?: new File(urlFile.path + '.log')) as File
        String java = new File(System.getProperty('java.home'), 'bin/java').path
        List<String> command = [java, '-cp', classpath, 'dev.fintools.revolut.emulator.EmulatorMain',
                                '--port', String.valueOf(options.port ?: 0), '--url-file', urlFile.absolutePath]
        (options.clients ?: []).each { Map client ->
            String certificate = (client.certificate as File).absolutePath
            String redirectUri = client.redirectUri ?: 'https://example.com'
            command += ['--client', [client.clientId ?: '', certificate, redirectUri].join(',')]
        }
        if (options.accounts) {
            command += ['--accounts', (options.accounts as File).absolutePath]
        }
        if (options.environment) {
            command += ['--environment', options.environment as String]
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start()
        process.outputStream.close() // no --watch-stdin: the process outlives this hook
        new File(urlFile.path + '.pid').text = String.valueOf(process.pid())
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (!urlFile.exists()) {
            if (!process.alive) {
                assert false : "the emulator exited with ${process.exitValue()}: ${log.text}"
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly()
                assert false : "the emulator wrote no URL file in 30 s: ${log.text}"
            }
            Thread.sleep(50)
        }
        new EmulatorProcess(urlFile.text.trim(), urlFile, log, process.toHandle())
    }

    /** The emulator a previous hook started with this urlFile. */
    EmulatorProcess attach(File urlFile) {
        assert urlFile.exists() : "no emulator URL file ${urlFile}: did the prebuild hook start one?"
        File pidFile = new File(urlFile.path + '.pid')
        ProcessHandle process = pidFile.exists() ? ProcessHandle.of(pidFile.text.trim() as long).orElse(null) : null
        new EmulatorProcess(urlFile.text.trim(), urlFile, new File(urlFile.path + '.log'), process)
    }
}

new Emulators(binding.hasVariable('pluginClasspath') ? binding.getVariable('pluginClasspath') as String : null)
