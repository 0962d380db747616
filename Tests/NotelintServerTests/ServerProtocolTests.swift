import Testing
@testable import NotelintServer

/// The server driven message by message, as an editor would.
@Suite struct ServerProtocolTests {
    /// Trailing white space after an emoji (4 bytes, 2 UTF-16 units) and two CJK characters (3 bytes, 1 unit each).
    static let note = "---\ntitle: 🎉朝鲜 \ndate: 2024-11-24\ndraft: false\nstatus: evergren\ntags: [war, power]\nsummary: 历史\nlayout: post\n---\nBody\n"

    func diagnostic(_ list: [JSONValue]?, _ code: String) -> JSONValue? {
        list?.first { $0["code"]?.string == code }
    }

    @Test func utf16IsTheDefaultAndCountsAnEmojiAsTwoUnits() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        let response = harness.initialize(root: workspace.root)
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        let trailing = try #require(diagnostic(harness.published(uri), "trailing-whitespace"))
        #expect(trailing["range"] == ["start": ["line": 1, "character": 11], "end": ["line": 1, "character": 12]])
        #expect(trailing["severity"] == 2)
        #expect(trailing["tags"] == [1])
        #expect(trailing["codeDescription"]?["href"]?.string?.hasSuffix("/trailing-whitespace.md") == true)
        let enumValue = try #require(diagnostic(harness.published(uri), "enum-value"))
        #expect(enumValue["range"]?["start"] == ["line": 4, "character": 8])
        #expect(enumValue["severity"] == 1)
    }

    @Test func utf8WhenTheClientOffersItCountsBytes() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        let response = harness.initialize(encodings: ["utf-16", "utf-8"], root: workspace.root)
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == "utf-8")
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        let trailing = try #require(diagnostic(harness.published(uri), "trailing-whitespace"))
        #expect(trailing["range"] == ["start": ["line": 1, "character": 17], "end": ["line": 1, "character": 18]])
    }

    @Test func incrementalEditsAreAppliedInUTF16AndCheckedAfterThePause() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        let pushes = harness.notifications("textDocument/publishDiagnostics").count
        // Delete the trailing blank after 🎉朝鲜 (UTF-16 column 11), then fix the status in two keystrokes.
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [
                ["range": ["start": ["line": 1, "character": 11], "end": ["line": 1, "character": 12]], "text": ""],
                ["range": ["start": ["line": 4, "character": 15], "end": ["line": 4, "character": 16]], "text": ""],
            ],
        ])
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 3],
            "contentChanges": [["range": ["start": ["line": 4, "character": 15], "end": ["line": 4, "character": 15]], "text": "en"]],
        ])
        // Still typing: nothing pushed yet.
        #expect(harness.notifications("textDocument/publishDiagnostics").count == pushes)
        harness.advance(0.06)
        let last = try #require(harness.notifications("textDocument/publishDiagnostics").last?["params"])
        #expect(last["version"] == 3)
        #expect(last["diagnostics"] == [])
        let document = try #require(harness.server.session.documents[uri])
        #expect(String(decoding: document.text, as: UTF8.self).contains("title: 🎉朝鲜\nstatus") == false)
        #expect(String(decoding: document.text, as: UTF8.self).contains("title: 🎉朝鲜\ndate: 2024-11-24\ndraft: false\nstatus: evergreen\n"))
    }

    @Test func fullSyncReplacesTheText() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": "no front matter\n"]],
        ])
        harness.advance(1)
        #expect(diagnostic(harness.published(uri), "front-matter-missing") != nil)
    }

    @Test func pullDiagnosticsAnswerUnchangedForTheSameResult() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        let first = harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
        #expect(first["result"]?["kind"] == "full")
        #expect(first["result"]?["items"]?.array?.count == 2)
        let resultID = try #require(first["result"]?["resultId"])
        let second = harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": resultID])
        #expect(second["result"]?["kind"] == "unchanged")
    }

    @Test func codeActionsOfferSafeUnsafeFixAllAndDisable() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        let all = ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]] as JSONValue
        let actions = try #require(harness.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": all, "context": ["diagnostics": .array(harness.published(uri) ?? [])],
        ])["result"]?.array)
        let titles = actions.compactMap { $0["title"]?.string }
        #expect(titles.contains("enum-value: replace with `evergreen` (unsafe)"))
        #expect(titles.contains("trailing-whitespace: remove it"))
        #expect(titles.contains("Disable enum-value for this line"))
        let unsafe = try #require(actions.first { $0["title"]?.string?.hasPrefix("enum-value: replace") == true })
        #expect(unsafe["isPreferred"] == nil)
        #expect(unsafe["edit"]?["changes"]?[uri]?.array?.first == [
            "range": ["start": ["line": 4, "character": 8], "end": ["line": 4, "character": 16]], "newText": "evergreen",
        ])
        let disable = try #require(actions.first { $0["title"]?.string == "Disable enum-value for this line" })
        #expect(disable["edit"]?["changes"]?[uri]?.array?.first?["newText"] == "# notelint-disable-next-line enum-value\n")
        // Fix all: safe fixes only (the blank goes, the unsafe enum replacement does not), one edit.
        let fixAll = try #require(actions.first { $0["kind"] == .string(CodeActionRequest.fixAllKind) })
        let edits = try #require(fixAll["edit"]?["changes"]?[uri]?.array)
        #expect(edits.count == 1)
        #expect(edits[0] == ["range": ["start": ["line": 1, "character": 11], "end": ["line": 1, "character": 12]], "newText": ""])
        // `only` filters by kind.
        let onlyFixAll = harness.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": all, "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ])["result"]?.array
        #expect(onlyFixAll?.count == 1)
    }

    @Test func theDisableCommentSilencesTheRule() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let text = Self.note.replacingOccurrences(of: "status: evergren", with: "# notelint-disable-next-line enum-value\nstatus: evergren")
        let uri = harness.open(workspace.path("note.md"), text)
        harness.advance(0)
        #expect(diagnostic(harness.published(uri), "enum-value") == nil)
        #expect(diagnostic(harness.published(uri), "unused-suppression") == nil)
    }

    @Test func completionOffersMissingKeysValuesAndTagsByUse() throws {
        let workspace = try Workspace()
        try workspace.write("a.md", "---\ntags: [war, power]\n---\n")
        try workspace.write("b.md", "---\ntags: [war, strategy]\n---\n")
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), "---\ntitle: 朝鲜 🎉\n\nstatus: \ndraft: \ntags:\n- power\n- \n---\n")
        func labels(_ line: Int, _ character: Int) -> [String] {
            harness.request("textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]])["result"]?["items"]?
                .array?.compactMap { $0["label"]?.string } ?? []
        }
        let keys = labels(2, 0)
        #expect(keys.contains("date"))
        #expect(keys.contains("summary"))
        #expect(!keys.contains("title"))
        #expect(!keys.contains("status"))
        #expect(labels(3, 8) == ["seedling", "budding", "evergreen"])
        #expect(labels(4, 7) == ["true", "false"])
        // Tags: `war` (2 notes) before `strategy` (1); `power` is already there.
        #expect(labels(7, 2) == ["war", "strategy"])
        // Outside the front matter: nothing.
        #expect(labels(8, 0).isEmpty)
        // In a flow list too.
        let flow = harness.open(workspace.path("flow.md"), "---\ntags: [war, \n---\n")
        let flowLabels = harness.request("textDocument/completion", ["textDocument": ["uri": .string(flow)], "position": ["line": 1, "character": 12]])["result"]?["items"]?
            .array?.compactMap { $0["label"]?.string }
        #expect(flowLabels == ["power", "strategy"])
        // Inside a `[[wikilink`: the collection's notes, the note itself left out.
        let link = harness.open(workspace.path("link.md"), "---\nrelated: \"[[\"\n---\n")
        let linkLabels = harness.request("textDocument/completion", ["textDocument": ["uri": .string(link)], "position": ["line": 1, "character": 12]])["result"]?["items"]?
            .array?.compactMap { $0["label"]?.string }
        #expect(linkLabels == ["a", "b"])
    }

    @Test func keysTheSchemaDeclaresAsReferencesCompleteWithNoteNames() throws {
        let workspace = try Workspace(lintYML: "include: [\"**/*.md\"]\nschemas:\n  - files: [\"**\"]\n    schema: refs.schema.yml\n")
        try workspace.write("refs.schema.yml", """
            type: object
            properties:
              up: {type: string, format: note-ref}
              related: {type: array, items: {type: string, format: note-ref}}
              summary: {type: string}
            """)
        try workspace.write("Sun Tzu.md", "---\nsummary: s\n---\n")
        try workspace.write("Clausewitz.md", "---\nsummary: c\n---\n")
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), "---\nup: \nrelated:\n- \nsummary: \n---\n")
        func labels(_ line: Int, _ character: Int) -> [String] {
            harness.request("textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]])["result"]?["items"]?
                .array?.compactMap { $0["label"]?.string }.sorted() ?? []
        }
        #expect(labels(1, 4) == ["Clausewitz", "Sun Tzu"])
        #expect(labels(3, 2) == ["Clausewitz", "Sun Tzu"])
        // A key without the format gets no note names.
        #expect(labels(4, 9).isEmpty)
    }

    @Test func hoverShowsTheSchemaOfAKeyAndTheRuleOfAFinding() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        let onKey = harness.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 4, "character": 2]])
        let keyText = try #require(onKey["result"]?["contents"]?["value"]?.string)
        #expect(keyText.contains("**status**"))
        #expect(keyText.contains("`evergreen`"))
        let onValue = harness.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 4, "character": 10]])
        let valueText = try #require(onValue["result"]?["contents"]?["value"]?.string)
        #expect(valueText.contains("**enum-value**"))
        #expect(valueText.contains("enum-value.md"))
    }

    @Test func aChangedConfigurationRechecksOpenDocuments() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        #expect(harness.notifications("client/registerCapability").count == 1)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        #expect(diagnostic(harness.published(uri), "trailing-whitespace") != nil)
        try workspace.write(".lint.yml", "include: [\"**/*.md\"]\nschemas:\n  - files: [\"**\"]\n    schema: note.schema.yml\nrules:\n  trailing-whitespace: off\n")
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(DocumentURI.uri(of: workspace.path(".lint.yml"))), "type": 2]]])
        harness.advance(0)
        #expect(diagnostic(harness.published(uri), "trailing-whitespace") == nil)
        #expect(diagnostic(harness.published(uri), "enum-value") != nil)
    }

    @Test func aBrokenConfigurationIsShownNotSwallowed() throws {
        let workspace = try Workspace(lintYML: "rules: [not, a, mapping\n")
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        let shown = try #require(diagnostic(harness.published(uri), "configuration"))
        #expect(shown["range"]?["start"] == ["line": 0, "character": 0])
    }

    @Test func aCancelledRequestIsAnsweredWithRequestCancelled() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        // The request and its cancellation arrive together, before the server gets to the request.
        harness.send(["jsonrpc": "2.0", "id": 77, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": .string(uri)]]])
        harness.send(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 77]])
        harness.advance(0)
        #expect(harness.response(to: 77)?["error"]?["code"] == .int(ResponseError.requestCancelledCode))
        // A cancellation for a request already answered changes nothing.
        harness.notify("$/cancelRequest", ["id": 1])
        #expect(harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])["result"]?["kind"] == "full")
    }

    @Test func malformedAndUnknownMessagesGetErrorsOrAreIgnored() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        // Before initialize: requests are refused, notifications dropped.
        #expect(harness.request("textDocument/hover", [:])["error"]?["code"] == .int(ResponseError.serverNotInitializedCode))
        _ = harness.initialize(root: workspace.root)
        harness.sendRaw(Array("Content-Length: 7\r\n\r\n{\"a\":1,".utf8))
        harness.advance(0)
        #expect(harness.sent.last?["error"]?["code"] == .int(ResponseError.parseErrorCode))
        #expect(harness.sent.last?["id"] == .null)
        #expect(harness.request("no/such/method")["error"]?["code"] == .int(ResponseError.methodNotFoundCode))
        let before = harness.sent.count
        harness.notify("no/such/notification")
        harness.notify("$/unknown")
        #expect(harness.sent.count == before)
        harness.send(["jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": 3])
        harness.advance(0)
        #expect(harness.response(to: 5)?["error"]?["code"] == .int(ResponseError.invalidParamsCode))
        harness.send(["jsonrpc": "1.0", "id": 6, "method": "shutdown"])
        harness.advance(0)
        #expect(harness.response(to: 6)?["error"]?["code"] == .int(ResponseError.invalidRequestCode))
        harness.send(["jsonrpc": "2.0", "id": ["no"], "method": "shutdown"])
        harness.advance(0)
        #expect(harness.sent.last?["error"]?["code"] == .int(ResponseError.invalidRequestCode))
        #expect(harness.request("textDocument/hover", ["textDocument": ["uri": "file:///not/open.md"], "position": ["line": 0, "character": 0]])["error"]?["code"]
            == .int(ResponseError.invalidParamsCode))
        // A header without Content-Length is dropped and reading goes on.
        harness.sendRaw(Array("Content-Type: x\r\n\r\n".utf8))
        #expect(harness.request("textDocument/diagnostic", ["textDocument": ["uri": "file:///not/open.md"]])["error"] != nil)
        #expect(harness.server.exitCode == nil)
    }

    @Test func shutdownThenExitEndsWithZeroAndRefusesRequestsBetween() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        #expect(harness.request("shutdown")["result"] == .null)
        #expect(harness.request("textDocument/hover", [:])["error"]?["code"] == .int(ResponseError.invalidRequestCode))
        harness.send(["jsonrpc": "2.0", "method": "exit", "params": .null])
        harness.advance(0)
        #expect(harness.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let harness = ServerHarness()
        harness.notify("exit")
        #expect(harness.server.exitCode == 1)
    }

    @Test func severalWorkspaceFoldersEachKeepTheirConfiguration() throws {
        let first = try Workspace()
        let second = try Workspace(lintYML: "include: [\"**/*.md\"]\nschemas:\n  - files: [\"**\"]\n    schema: note.schema.yml\nrules:\n  trailing-whitespace: off\n")
        let harness = ServerHarness()
        _ = harness.request("initialize", [
            "capabilities": [:], "initializationOptions": ["today": "2026-01-01"],
            "workspaceFolders": [["uri": .string(DocumentURI.uri(of: first.root)), "name": "a"], ["uri": .string(DocumentURI.uri(of: second.root)), "name": "b"]],
        ])
        harness.notify("initialized")
        let one = harness.open(first.path("note.md"), Self.note)
        let two = harness.open(second.path("note.md"), Self.note)
        harness.advance(0)
        #expect(diagnostic(harness.published(one), "trailing-whitespace") != nil)
        #expect(diagnostic(harness.published(two), "trailing-whitespace") == nil)
        #expect(harness.server.session.workspaceFolder(of: second.path("note.md")) == second.root)
    }

    @Test func closingClearsTheFindings() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(0)
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(harness.published(uri) == [])
        #expect(harness.server.session.documents.isEmpty)
    }

    @Test func notesChangedOnDiskChangeTheCollectionsEvidence() throws {
        let workspace = try Workspace(lintYML: "include: [\"**/*.md\"]\nrules:\n  tag-spelling:\n    min-uses: 2\n    dictionary: false\n")
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), "---\ntags: [strategu]\n---\n")
        harness.advance(0)
        #expect(diagnostic(harness.published(uri), "tag-spelling") == nil)
        // Kept between keystrokes: typing elsewhere does not lose or invent evidence.
        harness.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": "---\ntags: [strategu]\n---\nx\n"]]])
        harness.advance(1)
        #expect(harness.published(uri) == [])
        try workspace.write("a.md", "---\ntags: [strategy]\n---\n")
        try workspace.write("b.md", "---\ntags: [strategy]\n---\n")
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [
            ["uri": .string(DocumentURI.uri(of: workspace.path("a.md"))), "type": 1], ["uri": .string(DocumentURI.uri(of: workspace.path("b.md"))), "type": 1],
        ]])
        harness.advance(0)
        let finding = try #require(diagnostic(harness.published(uri), "tag-spelling"))
        #expect(finding["range"]?["start"] == ["line": 1, "character": 7])
        // Its safe fix is in `source.fixAll.notelint`.
        let actions = harness.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
            "context": ["diagnostics": [], "only": ["source.fixAll.notelint"]],
        ])["result"]?.array
        #expect(actions?.first?["edit"]?["changes"]?[uri]?.array?.first?["newText"] == "y")
    }

    @Test func aClientThatPullsIsNotPushedToAndIsAskedToPullAgainOnAConfigurationChange() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.request("initialize", [
            "rootUri": .string(DocumentURI.uri(of: workspace.root)), "initializationOptions": ["today": "2026-01-01"],
            "capabilities": ["textDocument": ["diagnostic": ["dynamicRegistration": false]], "workspace": ["diagnostics": ["refreshSupport": true]]],
        ])
        harness.notify("initialized")
        let uri = harness.open(workspace.path("note.md"), Self.note)
        harness.advance(1)
        #expect(harness.notifications("textDocument/publishDiagnostics").isEmpty)
        #expect(harness.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])["result"]?["items"]?.array?.count == 2)
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(DocumentURI.uri(of: workspace.path(".lint.yml"))), "type": 2]]])
        harness.advance(1)
        #expect(harness.notifications("workspace/diagnostic/refresh").count == 1)
        #expect(harness.notifications("textDocument/publishDiagnostics").isEmpty)
    }

    @Test func crlfNotesKeepTheirLineBreaksInEdits() throws {
        let workspace = try Workspace()
        let harness = ServerHarness()
        _ = harness.initialize(root: workspace.root)
        let uri = harness.open(workspace.path("note.md"), Self.note.replacingOccurrences(of: "\n", with: "\r\n"))
        harness.advance(0)
        let enumValue = try #require(diagnostic(harness.published(uri), "enum-value"))
        #expect(enumValue["range"]?["start"] == ["line": 4, "character": 8])
        let actions = harness.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": enumValue["range"]!, "context": ["diagnostics": [enumValue]],
        ])["result"]?.array ?? []
        let disable = try #require(actions.first { $0["title"] == "Disable enum-value for this line" })
        #expect(disable["edit"]?["changes"]?[uri]?.array?.first?["newText"] == "# notelint-disable-next-line enum-value\r\n")
        #expect(disable["diagnostics"] == [enumValue])
    }

    @Test func tracesFollowSetTraceAndFoldersFollowTheirChanges() throws {
        let first = try Workspace()
        let second = try Workspace(lintYML: "include: [\"**/*.md\"]\nrules:\n  trailing-whitespace: off\n")
        let harness = ServerHarness()
        _ = harness.initialize(root: first.root)
        harness.notify("$/setTrace", ["value": "messages"])
        let uri = harness.open(first.path("note.md"), Self.note)
        harness.advance(0)
        #expect(harness.notifications("$/logTrace").count == 1)
        harness.notify("$/setTrace", ["value": "off"])
        harness.notify("workspace/didChangeWorkspaceFolders", ["event": [
            "added": [["uri": .string(DocumentURI.uri(of: second.root)), "name": "second"]], "removed": [["uri": .string(DocumentURI.uri(of: first.root)), "name": "first"]],
        ]])
        harness.advance(0)
        #expect(harness.notifications("$/logTrace").count == 1)
        #expect(harness.server.session.workspaceFolders == [second.root])
        #expect(harness.published(uri) != nil)
    }
}
