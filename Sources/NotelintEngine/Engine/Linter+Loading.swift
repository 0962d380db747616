import NotelintLoader

extension Linter {
    /// The loader for notes that `configuration` governs: the linter's own, unless the configuration's `limits:`
    /// section changes something.
    func noteLoader(for configuration: EffectiveConfiguration) -> NoteLoader {
        let limits = configuration.configuration.limits
        return limits == .default ? loader : NoteLoader(limits: limits)
    }
}
