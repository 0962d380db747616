import Benchmark
import NotelintEngine
import NotelintLoader

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
}
