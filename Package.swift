// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "notelint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NotelintLoader", targets: ["NotelintLoader"]),
        .library(name: "NotelintText", targets: ["NotelintText"]),
        .library(name: "NotelintSchema", targets: ["NotelintSchema"]),
        .library(name: "NotelintSpelling", targets: ["NotelintSpelling"]),
        .library(name: "NotelintCore", targets: ["NotelintCore"]),
        .library(name: "NotelintEngine", targets: ["NotelintEngine"]),
        .library(name: "NotelintServer", targets: ["NotelintServer"]),
        .executable(name: "notelint", targets: ["notelint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev", "hunspell-en-us"]), .brew(["hunspell"])]
        ),
        // Layers, each a compile-time wall: a target sees only the ones listed under it.
        // The loader: notes read, split and parsed into positioned YAML trees; knows nothing of rules.
        .target(name: "NotelintLoader", dependencies: ["CYAML"]),
        // Text algorithms more than one layer needs: the one date grammar, the one edit distance.
        .target(name: "NotelintText"),
        // JSON Schema 2020-12 over the loader's positioned nodes: compiler, validator, pattern engine.
        .target(name: "NotelintSchema", dependencies: ["NotelintLoader", "NotelintText"]),
        // Tag spelling evidence: Hunspell, vocabularies, tag indices.
        .target(name: "NotelintSpelling", dependencies: ["NotelintLoader", "NotelintText", "CHunspell"]),
        // Diagnostics, fixes, rules, configuration, the checker and fixer, the result cache.
        .target(name: "NotelintCore", dependencies: ["NotelintLoader", "NotelintText", "NotelintSchema", "NotelintSpelling"]),
        // One file per output format.
        .target(name: "NotelintReporters", dependencies: ["NotelintCore"]),
        // Which notes changed or are staged, and what the index holds.
        .target(name: "NotelintGit", dependencies: ["NotelintLoader", "NotelintText"]),
        // The run pipeline every front end calls: select notes, check, fix, write, report, exit code.
        .target(name: "NotelintEngine", dependencies: ["NotelintCore", "NotelintReporters", "NotelintGit"]),
        // The language server: the pipeline's findings, fixes and the schema, over LSP for editors.
        .target(name: "NotelintServer", dependencies: ["NotelintEngine", "NotelintCore", "NotelintSchema", "NotelintLoader", "NotelintText"]),
        .executableTarget(
            name: "notelint",
            dependencies: [
                "NotelintLoader", "NotelintText", "NotelintSpelling", "NotelintCore", "NotelintReporters", "NotelintGit",
                "NotelintEngine",
                "NotelintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing (scripts/fuzz.sh): the invariants, shared by the libFuzzer entry point and the replay test.
        .target(name: "NotelintFuzzChecks", dependencies: ["NotelintLoader", "NotelintText", "NotelintCore", "NotelintEngine", "NotelintServer"]),
        .executableTarget(name: "notelint-fuzz", dependencies: ["NotelintFuzzChecks"]),
        .testTarget(name: "NotelintFuzzTests", dependencies: ["NotelintFuzzChecks"]),
        .testTarget(name: "NotelintLoaderTests", dependencies: ["NotelintLoader"]),
        .testTarget(name: "NotelintServerTests", dependencies: ["NotelintServer", "NotelintLoader"]),
        .testTarget(
            name: "NotelintEngineTests",
            dependencies: [
                "NotelintEngine", "NotelintCore", "NotelintReporters", "NotelintGit", "NotelintSchema", "NotelintSpelling",
                "NotelintText", "NotelintLoader",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
