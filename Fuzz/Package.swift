// swift-tools-version: 6.1
// A libFuzzer harness for the importer, kept out of the main package so normal builds never
// link a target without a main. Run: see docs/fuzzing.md.
import PackageDescription

let package = Package(
    name: "HQScreenFuzz",
    dependencies: [.package(name: "HQScreen", path: "..")],
    targets: [
        .executableTarget(
            name: "hqscreen-fuzz",
            dependencies: [.product(name: "StrengthImport", package: "HQScreen")])
    ],
    swiftLanguageModes: [.v6]
)
