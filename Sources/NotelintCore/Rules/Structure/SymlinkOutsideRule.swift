/// A note that is a symbolic link to a file outside the folders being linted.
struct SymlinkOutsideRule: Rule {
    static let description = RuleDescription(
        id: "symlink-outside",
        summary: "A note is a symbolic link that leads outside the folder being linted",
        rationale: """
            notelint often runs on repositories written by others, such as a pull request from a fork in CI. A \\
            symbolic link committed as `notes/env.md` can name any file the job may read (`/proc/self/environ`, \\
            `~/.ssh/id_rsa`, a secrets file); reading it would print its lines into the build log, and fixing it \\
            would write outside the repository. So a link is followed only when the file it finally names — every \\
            link of a chain and every `..` resolved — lies inside the folder being linted (the repository with \\
            `--staged` and `--changed-since`), and the check is made on the opened file. Any other link is reported \\
            here, by its own name, and never opened. `--follow-symlinks` follows every link; use it only on \\
            repositories you trust.
            """,
        defaultSeverity: .error,
        commentSuppression: .unsupported(reason: "the link's target is never read, so there is no front matter to hold a comment"),
        owns: Ownership(loadProblems: [.outsideRoot])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.note.problems.filter { Self.description.owns.loadProblems.contains($0.kind) }.map { Finding(range: $0.range, message: $0.message) }
    }
}
