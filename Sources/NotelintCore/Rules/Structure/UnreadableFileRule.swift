/// A path that was to be linted but could not be read.
struct UnreadableFileRule: Rule {
    static let description = RuleDescription(
        id: "unreadable-file",
        summary: "The file could not be read",
        rationale: """
            A note that cannot be read cannot be checked; saying so keeps a CI gate from passing a file it never saw. \
            Directories, FIFOs and devices named like notes are reported instead of opened, so nothing blocks; \
            files of the kernel's own file systems (`/proc`, `/sys`, `/dev`) are reported instead of read, also when \
            named on the command line, since what they hold is the machine's state (a process's environment), \
            never a note.
            """,
        defaultSeverity: .error,
        commentSuppression: .unsupported(reason: "nothing of the file was read, so there is no front matter to hold a comment"),
        owns: Ownership(loadProblems: [.unreadable, .notRegularFile, .specialFile])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.note.problems.filter { Self.description.owns.loadProblems.contains($0.kind) }.map {
            Finding(range: $0.range, message: $0.message)
        }
    }
}
