import Benchmark
import NotelintCore
import NotelintLoader
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A note shaped like the seed note: sorted keys, block lists, Chinese and English text, a truncated tag.
let seedLikeNote = Array("""
    ---
    area: society-systems
    category: geopolitics
    companies_orgs:
    - 中共中央
    - 苏共中央
    - 美国国家安全委员会
    date: '2024-11-24'
    draft: false
    guest: ''
    insight: ''
    layout: post.njk
    people:
    - 斯大林
    - 毛泽东
    - 金日成
    - Dean Acheson
    products_models: []
    project: []
    series: ''
    source: https://www.youtube.com/watch?v=abc123
    speaker: ''
    status: evergreen
    summary: 朝鲜战争的起源：斯大林、毛泽东与金日成之间的决策过程，以及美国在 1950 年的战略误判。
    tags:
    - korean-war
    - cold-war
    - decision-making-calculus
    - strategy
    - 朝鲜战争
    - power
    title: 朝鲜战争的起源 The Origins of the Korean War
    ---

    正文。The body is never read by the rules.

    """.utf8)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal], maxDuration: .seconds(2))
    let loader = NoteLoader()
    let configuration = try! ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
    let note = loader.load(bytes: seedLikeNote, path: "notes/korean-war-origins.md")
    let schema = configuration.schema(forRelativePath: "notes/korean-war-origins.md")!.schema
    let linter = Linter()
    let today = CalendarDate(year: 2026, month: 1, day: 1)!

    // Splitting off the front matter and building the positioned tree.
    Benchmark("loader: one seed-like note") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(loader.load(bytes: seedLikeNote, path: "note.md")) }
    }

    // The shipped note schema over the loaded tree.
    Benchmark("schema: validate one note") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(schema.validate(note.root)) }
    }

    // Every default rule but the corpus ones, as the first pass runs them on each note.
    Benchmark("rules: first pass on one note") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(linter.check(note, configuration: configuration, relativePath: "notes/korean-war-origins.md",
                                   today: today, corpus: nil, withCorpusRules: false))
        }
    }

    // The walk alone over 10,000 notes in 100 folders, with the benchmark corpus's `.gitignore` (Benchmarks/corpus/
    // walk.gitignore, a few dozen patterns of real sites) obeyed, and without it.
    let tree = walkTree(notes: 10_000, folders: 100)
    Benchmark("walk: 10,000 notes, ignore files obeyed") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(NoteFinder.walk(paths: [tree], ignoring: .standard)) }
    }
    Benchmark("walk: 10,000 notes, --no-ignore") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(NoteFinder.walk(paths: [tree], ignoring: .none)) }
    }
}

/// Creates (once per machine boot, in the temporary folder) empty notes spread over folders two levels deep, and
/// the `.gitignore` next to them.
func walkTree(notes: Int, folders: Int) -> String {
    let root = "/tmp/notelint-micro-walk-\(notes)"
    let here = String(#filePath.split(separator: "/").dropLast(4).joined(separator: "/"))
    mkdir(root, 0o755)
    let source = fopen("/" + here + "/corpus/walk.gitignore", "r")!
    let target = fopen(root + "/.gitignore", "w")!
    var buffer = [UInt8](repeating: 0, count: 4096)
    while case let count = fread(&buffer, 1, buffer.count, source), count > 0 { fwrite(buffer, 1, count, target) }
    fclose(source)
    fclose(target)
    for index in 0..<notes {
        let folder = "\(root)/area-\(index % 10)/topic-\(index % folders)"
        mkdir("\(root)/area-\(index % 10)", 0o755)
        mkdir(folder, 0o755)
        close(open("\(folder)/note-\(index).md", O_CREAT | O_WRONLY, 0o644))
    }
    return root
}
