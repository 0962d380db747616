// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "notelint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NotelintLoader", targets: ["NotelintLoader"]),
        .library(name: "NotelintEngine", targets: ["NotelintEngine"]),
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
        .target(name: "NotelintLoader", dependencies: ["CYAML"]),
        .target(name: "NotelintEngine", dependencies: ["NotelintLoader", "CHunspell"]),
        .executableTarget(
            name: "notelint",
            dependencies: [
                "NotelintLoader",
                "NotelintEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing (scripts/fuzz.sh): the invariants, shared by the libFuzzer entry point and the replay test.
        .target(name: "NotelintFuzzChecks", dependencies: ["NotelintLoader", "NotelintEngine"]),
        .executableTarget(name: "notelint-fuzz", dependencies: ["NotelintFuzzChecks"]),
        .testTarget(name: "NotelintFuzzTests", dependencies: ["NotelintFuzzChecks"]),
        .testTarget(name: "NotelintLoaderTests", dependencies: ["NotelintLoader"]),
        .testTarget(name: "NotelintEngineTests", dependencies: ["NotelintEngine", "NotelintLoader"]),
    ],
    swiftLanguageModes: [.v6]
)
