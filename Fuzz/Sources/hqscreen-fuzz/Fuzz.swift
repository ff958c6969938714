import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthPDF
import StrengthReport

/// libFuzzer entry point: any bytes, as a CSV file, go through everything `hqscreen report` does —
/// import, analysis, and every renderer (text, Markdown, JSON, CSV, HTML, PDF, and the per-athlete
/// split) — without crashing, with the row accounting balanced and the JSON well formed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = FuzzFile.path
    guard (try? Data(bytes: data, count: size).write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    let result = Importer().importFiles([path])
    precondition(result.summary.counts.isBalanced, "row accounting does not add up")
    precondition(result.summary.files.allSatisfy { $0.counts.isBalanced }, "a file's accounting does not add up")
    let assessments = Analyzer().assess(result.measurements, sessions: result.sessions)
    let report = ScreeningReport.build(
        importSummary: result.summary, assessments: assessments, profile: .defaultV1, generator: "fuzz")
    _ = TextReport.render(report, style: TextStyle(color: true))
    _ = MarkdownReport.render(report)
    _ = CSVSummary.render(report)
    _ = HTMLReport.render(report, paper: .a4)
    guard let json = try? JSONReport.render(report) else { preconditionFailure("the JSON report could not be written") }
    precondition(
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON report is not well formed")
    for part in report.perAthlete { _ = try? JSONReport.render(part.report) }
    if !report.entries.isEmpty {
        precondition(PDFReport.render(report, paper: .a4) != nil, "cairo could not write the PDF")
    }
    return 0
}

enum FuzzFile {
    static let path = NSTemporaryDirectory() + "hqscreen-fuzz-\(getpid()).csv"
}
