import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthPDF
import StrengthReport
import TestFolders

/// Import → analysis → every renderer, as `hqscreen report` runs them, for inputs that must never crash.
enum WholePipeline {
    struct Outcome {
        var summary: ImportSummary
        var report: ScreeningReport
        var json: String
        var text: String
        var markdown: String
        var pdf: [UInt8]?
    }

    static func run(_ paths: [String], options: ImportOptions = ImportOptions()) throws -> Outcome {
        let result = Importer(options: options).importFiles(paths)
        let assessments = Analyzer().assess(result.measurements, sessions: result.sessions)
        let report = ScreeningReport.build(
            importSummary: result.summary, assessments: assessments, profile: .defaultV1, generator: "test")
        let json = try JSONReport.render(report)
        _ = CSVSummary.render(report)
        _ = HTMLReport.render(report, paper: .a4)
        for part in report.perAthlete { _ = try JSONReport.render(part.report) }
        return Outcome(
            summary: result.summary, report: report, json: json,
            text: TextReport.render(report, style: TextStyle(color: true)), markdown: MarkdownReport.render(report),
            pdf: PDFReport.render(report, paper: .letter))
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = TestFolders.file("pipeline")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// A seeded generator, so a failing random input can be reproduced from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
