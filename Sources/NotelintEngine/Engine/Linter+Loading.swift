import NotelintLoader

extension Linter {
    /// Folders a walk could not list, with the `unreadable-file` message each is reported with.
    static func unreadableFolders(_ walk: NoteFinder.Walk) -> [String: String] {
        var folders: [String: String] = [:]
        for skipped in walk.skipped where skipped.kind == .unreadableDirectory {
            folders[skipped.path] = "cannot read folder: \(skipped.reason)"
        }
        return folders
    }

    /// The loader for notes that `configuration` governs: the linter's own, unless the configuration's `limits:`
    /// section changes something.
    func noteLoader(for configuration: EffectiveConfiguration) -> NoteLoader {
        let limits = configuration.configuration.limits
        return limits == .default ? loader : NoteLoader(limits: limits)
    }
}
