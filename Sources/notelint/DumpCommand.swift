import ArgumentParser
import NotelintEngine
import NotelintLoader

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print each note's front matter as JSON, with the loader's outcome and problems.",
        discussion: "One JSON object per line (JSON Lines). Directories are searched for *.md and *.markdown files, as lint searches them."
    )

    @Flag(help: "Wrap every node in an object with its source range.") var positions = false
    @Flag(help: "Print every scalar as the string it was written as.") var untyped = false
    @Flag(help: "Follow symbolic links that lead outside the paths given. Unsafe on repositories you do not trust.")
    var followSymlinks = false
    @Flag(help: "Walk folders without reading .gitignore, .ignore and .notelintignore.") var noIgnore = false
    @Argument(help: "Files or directories.") var paths: [String]

    func run() throws {
        // The same boundary as `lint`: a dump prints front matter whole, so a link out must not be followed.
        let boundary = followSymlinks ? ReadBoundary.unbounded : .forNamedPaths(paths)
        let loader = NoteLoader(boundary: boundary)
        let options = YAMLJSONOptions(typed: !untyped, positions: positions)
        var writer = JSONWriter()
        // Folders are walked as `lint` walks them, so that a dump shows the notes a lint checks.
        for path in NoteFinder.find(paths: paths, boundary: boundary, ignoring: noIgnore ? .none : .standard) {
            NoteDumpRecord.write(loader.load(path: path), options: options, to: &writer)
            writer.appendRaw("\n")
            if writer.bytes.count >= 1 << 16 {
                try StandardStreams.write(writer.bytes)
                writer.removeAll()
            }
        }
        try StandardStreams.write(writer.bytes)
    }
}
