import Foundation
import Testing

@testable import StrengthReport

@Suite("Streamed JSON")
struct JSONStreamTests {
    /// The streamed document must be the very bytes the whole-document encoding gave before it.
    @Test(
        "streamed piece by piece, the JSON is byte for byte the document encoded whole",
        arguments: CorpusPipelineTests.inputs)
    func sameBytes(_ path: String) throws {
        let report = try WholePipeline.run([path]).report
        var pieces = 0
        var streamed: [UInt8] = []
        try JSONReport.write(report) {
            streamed += $0
            pieces += 1
        }
        #expect(String(decoding: streamed, as: UTF8.self) == (try JSONReport.renderWhole(report)))
        // One piece per assessment, plus the head and the tail.
        #expect(pieces == (report.entries.isEmpty ? 1 : report.entries.count + 2))
    }

    @Test("a squad of several files streams the same bytes too")
    func squad() throws {
        let root = WholePipeline.packageRoot.path
        let report = try WholePipeline.run([
            root + "/SampleData/team_long.csv", root + "/SampleData/clinic_wide.csv",
            root + "/SampleData/field_and_gym.csv",
        ]).report
        #expect(report.entries.count == 15)
        #expect(try JSONReport.render(report) == (try JSONReport.renderWhole(report)))
    }
}
