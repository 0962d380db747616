/// What was found at the top of a note.
public enum FrontMatterOutcome: Sendable, Equatable {
    case present
    /// Fences with nothing but blank lines or comments between them.
    case empty
    case none
    case unterminated(openingLine: Int)
    case foreign(ForeignFrontMatter)
    /// The file could not be read, or its front matter could not be looked at (too large, not a file).
    case error

    /// The outcome without its details, for saying who reports which.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case present, empty, none, unterminated, foreign, error
    }

    public var kind: Kind {
        switch self {
        case .present: .present
        case .empty: .empty
        case .none: .none
        case .unterminated: .unterminated
        case .foreign: .foreign
        case .error: .error
        }
    }

    /// The name `notelint dump` prints.
    public var name: String {
        switch self {
        case .present: "present"
        case .empty: "empty"
        case .none: "none"
        case .unterminated: "unterminated"
        case .foreign: "other-format"
        case .error: "error"
        }
    }
}

/// Byte ranges of a note's front matter block.
public struct FrontMatterBlock: Sendable, Equatable {
    /// The opening `---` line, without its line break.
    public var openingFence: Range<Int>
    /// The YAML between the fences.
    public var content: Range<Int>
    /// The closing `---` or `...` line, without its line break.
    public var closingFence: Range<Int>
}

/// A note after loading: its outcome, its YAML tree when there is one, and every problem met.
public struct Note: Sendable {
    public let path: String
    /// The bytes read: through the closing fence at least, the whole file when `isWholeFile`.
    public let source: SourceText
    public let isWholeFile: Bool
    public let outcome: FrontMatterOutcome
    public let block: FrontMatterBlock?
    /// The front matter's root; `nil` when absent, empty or unparseable.
    public let root: YAMLNode?
    public let problems: [LoadProblem]

    public init(
        path: String, source: SourceText, isWholeFile: Bool, outcome: FrontMatterOutcome,
        block: FrontMatterBlock?, root: YAMLNode?, problems: [LoadProblem]
    ) {
        self.path = path
        self.source = source
        self.isWholeFile = isWholeFile
        self.outcome = outcome
        self.block = block
        self.root = root
        self.problems = problems
    }

    /// Position of the opening fence (or of the file's start), where "something is missing" is reported.
    public var headRange: SourceRange {
        if let block { return source.range(ofBytes: block.openingFence) }
        let start = source.position(ofByte: 0)
        return SourceRange(start: start, end: source.position(ofByte: source.lineBytes(1).count))
    }
}

/// Loads notes: reads the bytes it needs, splits off the front matter and builds its YAML tree.
/// It knows nothing of rules.
public struct NoteLoader: Sendable {
    public var limits: LoadLimits
    /// Where notes may be read from: a note whose file, links resolved, lies elsewhere is not read.
    public var boundary: ReadBoundary

    public init(limits: LoadLimits = .default, boundary: ReadBoundary = .unbounded) {
        self.limits = limits
        self.boundary = boundary
    }

    public func load(path: String) -> Note {
        switch NoteReader.readFrontMatter(path: path, limit: limits.maxFrontMatterBytes + 64, boundary: boundary) {
        case .failure(let failure):
            let message: String
            let kind: LoadProblem.Kind
            switch failure {
            case .unreadable(let reason): message = "cannot read file: \(reason)"; kind = .unreadable
            case .notRegularFile(let what): message = "not a regular file: \(what)"; kind = .notRegularFile
            case .outsideBoundary: message = Self.outsideRootMessage; kind = .outsideRoot
            case .specialFile(let why): message = "not read: \(why)"; kind = .specialFile
            }
            return Self.unopened(
                path: path, problem: LoadProblem(kind: kind, message: message, range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))))
        case .success(let prefix):
            guard let split = prefix.split else {
                let source = SourceText(bytes: prefix.bytes)
                return Note(
                    path: path, source: source, isWholeFile: false, outcome: .error, block: nil, root: nil,
                    problems: [tooLarge(source)])
            }
            // Keep only what the front matter needs: the body is never looked at, and a note's bytes stay in
            // memory until its rules ran.
            var bytes = prefix.bytes
            if case .fenced(_, _, let closing) = split {
                var end = closing.upperBound
                if end < bytes.count, bytes[end] == 0x0D { end += 1 }
                if end < bytes.count, bytes[end] == 0x0A { end += 1 }
                if end < bytes.count { bytes.removeSubrange(end...) }
            } else if case .unterminated = split {
                // The whole prefix is front matter then.
            } else if let firstBreak = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                bytes.removeSubrange((firstBreak + 1)...)
            }
            return load(source: SourceText(bytes: bytes), split: split, path: path, isWholeFile: prefix.isWholeFile)
        }
    }

    /// Names the link, never where it leads: the target's path can be as private as its content.
    public static let outsideRootMessage =
        "not read: a symbolic link to a file outside the folder being linted (--follow-symlinks follows it)"

    /// A note that was not opened, for the reason `problem` gives (a link leading outside the roots).
    public static func unopened(path: String, problem: LoadProblem) -> Note {
        Note(
            path: path, source: SourceText(bytes: []), isWholeFile: false, outcome: .error, block: nil, root: nil,
            problems: [problem])
    }

    /// A note that could not be read at all, such as a folder that could not be listed.
    public static func unreadable(path: String, message: String) -> Note {
        unopened(path: path, problem: LoadProblem(
            kind: .unreadable, message: message, range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))))
    }

    /// Loads a note held in memory (standard input, a file's staged content, tests).
    public func load(bytes: [UInt8], path: String) -> Note {
        load(source: SourceText(bytes: bytes), split: FrontMatterSplitter.split(bytes), path: path, isWholeFile: true)
    }

    private func tooLarge(_ source: SourceText) -> LoadProblem {
        LoadProblem(
            kind: .tooLarge,
            message: "front matter is larger than \(limits.maxFrontMatterBytes) bytes or has no closing fence within that limit",
            range: source.range(ofBytes: 0..<min(3, source.bytes.count)))
    }

    private func load(source: SourceText, split: FrontMatterSplit, path: String, isWholeFile: Bool) -> Note {
        func note(_ outcome: FrontMatterOutcome, block: FrontMatterBlock? = nil, root: YAMLNode? = nil, problems: [LoadProblem] = []) -> Note {
            Note(path: path, source: source, isWholeFile: isWholeFile, outcome: outcome, block: block, root: root, problems: problems)
        }
        switch split {
        case .none:
            if let (encoding, markLength) = Self.otherUnicodeEncoding(source.bytes) {
                // Read as UTF-8 its first line is not `---`; saying "no front matter" would send the user looking
                // for a fence their editor shows them.
                return note(.error, problems: [LoadProblem(
                    kind: .invalidUTF8, message: "the file is \(encoding) (it starts with that byte order mark); notes must be UTF-8",
                    range: source.range(ofBytes: 0..<markLength))])
            }
            return note(.none)
        case .foreign(let format):
            return note(.foreign(format))
        case .unterminated(let line):
            return note(.unterminated(openingLine: line))
        case .fenced(let opening, let content, let closing):
            let block = FrontMatterBlock(openingFence: opening, content: content, closingFence: closing)
            if content.count > limits.maxFrontMatterBytes {
                return note(.error, block: block, problems: [tooLarge(source)])
            }
            var result = YAMLTreeBuilder(limits: limits).parse(source, range: content)
            let documentCount = result.documents.count
            let root = result.isIncomplete ? nil : result.documents.first ?? nil
            if documentCount > 1 {
                result.problems.append(LoadProblem(
                    kind: .multipleDocuments, message: "front matter holds \(documentCount) YAML documents; only the first is read",
                    range: source.range(ofBytes: content)))
            }
            if let root, root.dereferenced.pairs == nil {
                result.problems.append(LoadProblem(
                    kind: .notAMapping,
                    message: "front matter must be a mapping of keys to values, not \(Self.describe(root.dereferenced))",
                    range: root.range))
            }
            let hasContent = result.isIncomplete || root != nil
            return note(hasContent ? .present : .empty, block: block, root: root, problems: result.problems)
        }
    }

    /// The encoding named by a UTF-16 or UTF-32 byte order mark at the start of `bytes`, and the mark's length.
    static func otherUnicodeEncoding(_ bytes: [UInt8]) -> (String, Int)? {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if head.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if head.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): scalar.resolved.type == .null ? "null" : "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
