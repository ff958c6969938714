// swift-tools-version: 6.1
// A libFuzzer harness for the whole pipeline, kept out of the main package so normal builds never
// link a target without a main. Run: see docs/fuzzing.md.
import PackageDescription

let package = Package(
    name: "HQScreenFuzz",
    dependencies: [.package(name: "HQScreen", path: "..")],
    targets: [
        .executableTarget(
            name: "hqscreen-fuzz",
            dependencies: [
                .product(name: "StrengthImport", package: "HQScreen"),
                .product(name: "StrengthAnalysis", package: "HQScreen"),
                .product(name: "StrengthReport", package: "HQScreen"),
                .product(name: "StrengthPDF", package: "HQScreen"),
                .product(name: "StrengthModel", package: "HQScreen"),
            ])
    ],
    swiftLanguageModes: [.v6]
)
