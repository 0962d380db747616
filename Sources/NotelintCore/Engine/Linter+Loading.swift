import NotelintLoader

extension Linter {
    /// What a walk met and did not open that is reported where a note would be: folders it could not list
    /// (`unreadable-file`) and links named like notes that lead outside the roots (`symlink-outside`).
    static func notOpened(_ walk: NoteFinder.Walk) -> [String: LoadProblem] {
        var problems: [String: LoadProblem] = [:]
        for skipped in walk.skipped {
            switch skipped.kind {
            case .unreadableDirectory:
                problems[skipped.path] = LoadProblem(kind: .unreadable, message: "cannot read folder: \(skipped.reason)", range: origin)
            case .outsideBoundary where NoteFinder.isNoteName(PathText.fileName(of: skipped.path)):
                problems[skipped.path] = outsideLinkProblem
            default:
                break
            }
        }
        return problems
    }

    private static let origin = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))

    static let outsideLinkProblem = LoadProblem(kind: .outsideRoot, message: NoteLoader.outsideRootMessage, range: origin)

    /// The loader for notes that `configuration` governs within `boundary`: the linter's own limits, unless the
    /// configuration's `limits:` section changes something.
    func noteLoader(for configuration: EffectiveConfiguration, boundary: ReadBoundary) -> NoteLoader {
        let limits = configuration.configuration.limits
        return NoteLoader(limits: limits == .default ? loader.limits : limits, boundary: boundary)
    }
}
