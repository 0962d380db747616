import NotelintCore
import NotelintGit

extension LintRequest {
    /// Lints the notes a git-aware selection names, each as git's data says to read it.
    public mutating func select(_ notes: [GitRepository.SelectedNote], shown: (String) -> String) {
        paths = []
        for note in notes {
            let path = shown(note.path)
            switch note {
            case .onDisk:
                paths.append(path)
            case .content(_, let bytes):
                paths.append(path)
                contents[path] = bytes
            case .linkOutside:
                paths.append(path)
                outsideLinks.insert(path)
            case .linkUnresolved:
                continue
            }
        }
    }
}
