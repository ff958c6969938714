// swift-tools-version: 6.1
import PackageDescription

/// The Swift runtime and Foundation linked into the release executables on Linux: every retain,
/// release and allocation of a squad report was a call through the PLT into libswiftCore, which cost
/// a fourteenth of its CPU, and start-up bound a dozen shared libraries (docs/benchmark.md, ninth
/// round). lld links the 190 MB result in seconds, and does not repeat glibc's link-time warning about
/// `mktemp` in Foundation's temporary files as gold does. Debug builds and the tests link dynamically.
let staticRuntimeInRelease: [LinkerSetting] = {
    let release = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
    // What Foundation's static libraries need beyond themselves; a dynamic Foundation names them itself.
    let foundationParts = ["CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections"]
    return [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], release)]
        + foundationParts.map { .linkedLibrary($0, release) }
}()

let package = Package(
    name: "HQScreen",
    products: [
        .executable(name: "hqscreen", targets: ["hqscreen"]),
        .library(name: "StrengthModel", targets: ["StrengthModel"]),
        .library(name: "StrengthImport", targets: ["StrengthImport"]),
        .library(name: "StrengthAnalysis", targets: ["StrengthAnalysis"]),
        .library(name: "StrengthProfile", targets: ["StrengthProfile"]),
        .library(name: "StrengthReport", targets: ["StrengthReport"]),
        .library(name: "StrengthPDF", targets: ["StrengthPDF"]),
        .library(name: "StrengthStore", targets: ["StrengthStore"]),
        .library(name: "StrengthWeb", targets: ["StrengthWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libcsv ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // cairo writes the PDF report: vector charts, embedded font subsets, no browser.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // jemalloc replaces glibc's malloc in the command: analysis allocates millions of small objects
        // from both cores, and glibc's arenas made a tenth of a squad report's time (docs/benchmark.md).
        .systemLibrary(name: "CJemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(name: "StrengthModel"),
        .target(name: "StrengthImport", dependencies: ["StrengthModel", "CLibCSV"]),
        .target(name: "StrengthAnalysis", dependencies: ["StrengthModel"]),
        .target(name: "StrengthProfile", dependencies: ["StrengthAnalysis", "Yams"]),
        .target(name: "StrengthReport", dependencies: ["StrengthModel", "StrengthAnalysis"]),
        .target(name: "StrengthPDF", dependencies: ["StrengthReport", "StrengthAnalysis", "StrengthModel", "CCairo"]),
        // The screening history: SQLite through GRDB, or a shared PostgreSQL server through postgres-nio; files
        // identified by their SHA-256.
        .target(
            name: "StrengthStore",
            dependencies: [
                "StrengthModel", "StrengthImport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // `hqscreen serve`: the screening desk in a browser, on the store, through Hummingbird.
        .target(
            name: "StrengthWeb",
            dependencies: [
                "StrengthModel", "StrengthImport", "StrengthAnalysis", "StrengthReport", "StrengthPDF", "StrengthStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .executableTarget(
            name: "hqscreen",
            dependencies: [
                "StrengthModel", "StrengthImport", "StrengthAnalysis", "StrengthProfile", "StrengthReport",
                "StrengthPDF", "StrengthStore", "StrengthWeb", "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticRuntimeInRelease
        ),
        .executableTarget(
            name: "hqscreen-bench", dependencies: ["StrengthImport", "CLibCSV"], linkerSettings: staticRuntimeInRelease),
        .testTarget(name: "StrengthModelTests", dependencies: ["StrengthModel"]),
        // One folder per test run for the files tests write, removed when the run ends.
        .target(name: "TestFolders", path: "Tests/TestFolders"),
        .testTarget(name: "StrengthImportTests", dependencies: ["StrengthImport", "StrengthModel", "TestFolders"]),
        .testTarget(name: "StrengthAnalysisTests", dependencies: ["StrengthAnalysis", "StrengthModel", "TestFolders"]),
        .testTarget(
            name: "StrengthReportTests", dependencies: ["StrengthReport", "StrengthAnalysis", "StrengthModel"]),
        .testTarget(
            name: "StrengthPDFTests",
            dependencies: [
                "StrengthPDF", "StrengthReport", "StrengthAnalysis", "StrengthModel", "CCairo", "TestFolders",
            ]),
        .testTarget(name: "StrengthProfileTests", dependencies: ["StrengthProfile", "StrengthAnalysis"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "StrengthImport", "StrengthAnalysis", "StrengthReport", "StrengthPDF", "StrengthModel", "TestFolders",
            ]),
        // Where the store tests' stores are: SQLite files, and databases on a PostgreSQL server when there is one.
        .target(
            name: "StoreTestSupport",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/StoreTestSupport"),
        .testTarget(name: "HQScreenCLITests", dependencies: ["hqscreen", "StoreTestSupport", "TestFolders"]),
        .testTarget(
            name: "StrengthWebTests",
            dependencies: [
                "StrengthWeb", "StrengthStore", "StrengthAnalysis", "StoreTestSupport", "TestFolders",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "StrengthStoreTests",
            dependencies: [
                "StrengthStore", "StrengthImport", "StrengthModel", "StoreTestSupport", "TestFolders",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
