// swift-tools-version:6.1
// Micro-benchmarks of notelint's hot paths with package-benchmark, kept out of the main package so that its
// build and CI do not pay for them:
//
//     swift package --package-path Benchmarks/Micro benchmark
import PackageDescription

let package = Package(
    name: "notelint-micro-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "notelint", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NotelintMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NotelintLoader", package: "notelint"),
                .product(name: "NotelintText", package: "notelint"),
                .product(name: "NotelintCore", package: "notelint"),
            ],
            path: "Benchmarks/NotelintMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
