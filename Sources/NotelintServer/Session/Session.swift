import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintText

/// What the server knows between messages: the open documents, the workspace folders, what was negotiated, and
/// the messages waiting to go out. One thread owns it; handlers change it one message at a time.
final class Session {
    enum Lifecycle { case uninitialized, running, shuttingDown }

    var lifecycle = Lifecycle.uninitialized
    var encoding = PositionEncoding.utf16
    var documents: [String: OpenDocument] = [:]
    /// Absolute paths of the workspace folders; a document belongs to the deepest one holding it.
    var workspaceFolders: [String] = []
    /// `$/setTrace`: off, messages or verbose.
    var trace = "off"
    var settings: ServerSettings
    /// The client can register file watchers for us.
    var clientWatchesFiles = false
    /// The client asks for diagnostics (`textDocument/diagnostic`): they are not pushed as well, which would show
    /// each finding twice.
    var clientPullsDiagnostics = false
    /// The client accepts `workspace/diagnostic/refresh`: asked to pull again when a configuration changes.
    var clientRefreshesDiagnostics = false
    private var outgoingRequestCount = 0
    /// Messages to send, in order.
    var outbox: [JSONValue] = []
    /// Per configuration folder: tags of the collection and how often each is used, for completion.
    var tagUses: [String: [(tag: String, uses: Int)]] = [:]
    /// Per configuration folder: the notes `[[wikilinks]]` may name, for completion.
    var noteNamesByFolder: [String: [(name: String, path: String)]] = [:]
    /// Configurations by folder, compiled once until a watched file changes.
    var resolver: ConfigurationResolver
    /// The collection's work kept between checks (configurations, other notes' tags, the corpus and its
    /// indexes) until something on disk changes.
    var collectionMemo = CollectionMemo()
    /// Documents checked with the current memo: their collection's evidence is in it, so the result cache need
    /// not be read again for them.
    var memoizedPaths: Set<String> = []

    init(settings: ServerSettings) {
        self.settings = settings
        resolver = ConfigurationResolver(registry: RuleRegistry.all)
    }

    // MARK: Outgoing messages

    func notify(_ method: String, _ params: JSONValue) {
        outbox.append(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func request(_ method: String, _ params: JSONValue? = nil) {
        outgoingRequestCount += 1
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": .string("notelint-\(outgoingRequestCount)"), "method": .string(method)]
        if let params { message["params"] = params }
        outbox.append(.object(message))
    }

    /// `window/logMessage` (type 1 error … 4 log).
    func log(_ message: String, type: Int = 4) {
        notify("window/logMessage", ["type": .int(type), "message": .string(message)])
    }

    /// `$/logTrace`, only when the client asked for traces.
    func traceLog(_ message: String, verbose: String? = nil) {
        guard trace != "off" else { return }
        var params: [String: JSONValue] = ["message": .string(message)]
        if trace == "verbose", let verbose { params["verbose"] = .string(verbose) }
        notify("$/logTrace", .object(params))
    }

    // MARK: Documents

    func document(_ params: JSONValue?) throws(ResponseError) -> OpenDocument {
        guard let uri = params?["textDocument"]?["uri"]?.string else { throw .invalidParams("textDocument.uri is missing") }
        guard let document = documents[uri] else { throw .invalidParams("\(uri) is not open") }
        return document
    }

    /// The workspace folder holding a path (the deepest), if any.
    func workspaceFolder(of path: String) -> String? {
        workspaceFolders.filter { path.hasPrefix($0 == "/" ? "/" : $0 + "/") }.max { $0.count < $1.count }
    }

    /// Forgets compiled configurations and collection tags: a `.lint.yml`, schema or word list changed.
    func configurationChanged() {
        resolver = ConfigurationResolver(registry: RuleRegistry.all)
        collectionChanged()
    }

    /// Forgets what was gathered from the collection's notes: one was saved or changed on disk.
    func collectionChanged() {
        tagUses = [:]
        noteNamesByFolder = [:]
        collectionMemo = CollectionMemo()
        memoizedPaths = []
    }

    /// The configuration governing a path, or nil when it cannot be read (the check reports why).
    func configuration(for path: String) -> EffectiveConfiguration? {
        try? resolver.configuration(forDirectory: PathText.directory(of: path))
    }

    // MARK: Checking

    /// Checks a document through the library's run pipeline, as `notelint lint --stdin-filename PATH` would, and
    /// keeps the findings for code actions and hover.
    func check(_ document: OpenDocument) {
        guard !document.isChecked else { return }
        let started = MonotonicClock.now()
        var plan = plan(for: document)
        plan.fixes = nil
        let outcome = plan.run()
        memoizedPaths.insert(document.path)
        var diagnostics = outcome.report.diagnostics.filter { $0.path == document.path }
        if outcome.exitCode == 2, diagnostics.isEmpty {
            // A configuration that cannot be read: say so at the top of the note rather than stay silent.
            let message = outcome.standardError.split(separator: "\n").first.map(String.init) ?? "notelint could not check this note"
            let start = SourcePosition(line: 1, column: 1, offset: 0)
            diagnostics = [Diagnostic(
                path: document.path, ruleID: Self.configurationErrorCode, severity: .error, range: SourceRange(at: start), message: message)]
        }
        document.diagnostics = diagnostics
        document.checkedVersion = document.version
        document.checkCount += 1
        document.checkDue = nil
        let elapsed = (MonotonicClock.now() - started) * 1000
        traceLog("checked \(document.uri) (version \(document.version)): \(diagnostics.count) findings in \(Int(elapsed)) ms")
    }

    static let configurationErrorCode = "configuration"

    /// The run the pipeline makes of a buffer: its path, the workspace's result cache (read only; a buffer
    /// writes nothing) for the collection's evidence, one worker.
    func plan(for document: OpenDocument) -> LintPlan {
        var plan = LintPlan()
        plan.selection = .buffer(path: document.path, bytes: document.text)
        plan.jobs = settings.jobs
        plan.report.format = "concise"
        if let today = settings.today { plan.today = today }
        let folder = workspaceFolder(of: document.path) ?? PathText.directory(of: document.path)
        let cache = folder + "/" + ResultCache.defaultDirectory
        plan.cacheDirectory = FileSystem.isDirectory(cache) && !memoizedPaths.contains(document.path) ? cache : nil
        plan.buffersReadCache = true
        plan.collectionMemo = collectionMemo
        return plan
    }

    /// The note's text with every fix at least as sure as `minimum` applied (through the pipeline's fixer),
    /// or nil when nothing changes.
    func fixedText(_ document: OpenDocument, minimum: Applicability) -> [UInt8]? {
        var plan = plan(for: document)
        plan.fixes = minimum
        let outcome = plan.run()
        guard let fixed = outcome.report.fixedFiles.first?.fixed, fixed != document.text else { return nil }
        return fixed
    }

    /// Pushes a document's findings (`textDocument/publishDiagnostics`).
    func publish(_ document: OpenDocument) {
        notify("textDocument/publishDiagnostics", [
            "uri": .string(document.uri),
            "version": .int(document.version),
            "diagnostics": .array(document.diagnostics.map { DiagnosticMapping.json($0, in: document, session: self) }),
        ])
    }

    /// Marks every open document for a check now: its configuration or collection changed.
    func recheckAll(now: Double) {
        for document in documents.values {
            document.checkedVersion = nil
            document.checkDue = clientPullsDiagnostics ? nil : now
        }
        if clientPullsDiagnostics, clientRefreshesDiagnostics, !documents.isEmpty { request("workspace/diagnostic/refresh") }
    }
}

/// Options the client gives in `initializationOptions`.
struct ServerSettings {
    /// How long typing must pause before a changed document is checked and its findings pushed.
    var debounceSeconds = 0.05
    /// Where rule documentation lives: `codeDescription.href` is this followed by `RULE.md`.
    var documentationBase = "https://example.org/notelint/docs/rules/"
    var jobs = 1
    /// A fixed date for `today` (tests, reproducible benchmarks).
    var today: CalendarDate?

    init(_ options: JSONValue?) {
        if let milliseconds = options?["debounceMilliseconds"]?.integer, milliseconds >= 0, milliseconds <= 10_000 {
            debounceSeconds = Double(milliseconds) / 1000
        }
        if let base = options?["documentationBase"]?.string, !base.isEmpty { documentationBase = base }
        if let day = options?["today"]?.string, let date = CalendarDate(iso: Substring(day)) { today = date }
    }
}
