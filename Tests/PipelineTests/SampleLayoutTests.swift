import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthReport
import Testing

@testable import StrengthPDF

@Suite("Sample reports as printed")
struct SampleLayoutTests {
    static let samples: [String] = CorpusPipelineTests.inputs.filter { $0.contains("/SampleData/") }

    /// Every chart label is measured at its design size (the HTML's box clips there) and every line of
    /// text against its box: none may be cut off, in either audience.
    @Test("no sample's report has text that does not fit its box", arguments: samples)
    func noClippedText(_ path: String) throws {
        let report = try WholePipeline.run([path]).report
        guard !report.entries.isEmpty else { return }
        for audience in [Audience.clinician, .athlete] {
            for paper in [Paper.a4, .letter] {
                #expect(
                    PDFReport.check(report, paper: paper, audience: audience).overflows == [], "\(audience) \(paper)")
            }
        }
    }
}
