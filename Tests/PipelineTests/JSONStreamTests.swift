import Foundation
import StrengthImport
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

@Suite("PrettyJSON against Foundation's JSONEncoder")
struct PrettyJSONTests {
    struct Awkward: Encodable {
        var doubles: [Double] = [
            104, 0.459, 1e-7, 1e21, 1e16, 123456.789, -0.0, 0.1 + 0.2, 2.5e-5, 1e15, Double.leastNonzeroMagnitude,
        ]
        var text = "a/b \"q\" \\ \n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{0} °é \u{7F} \u{2028} 🦵"
        var keys: [String: Int] = ["b": 1, "a": 2, "B": 3, "é": 4, "_x": 5, "": 6, "a b": 7]
        var absent: String? = nil
        var present: String? = "here"
        var empty: [Int] = []
        var emptyObject: [String: String] = [:]
        var nested: [[Int]] = [[], [1, -2, Int.max, Int.min]]
        var flags = [true, false]
        var float: Float = 0.1
        var small: Int8 = -8
        var big: UInt64 = 18_446_744_073_709_551_615
    }

    @Test("awkward numbers, strings, keys and empty containers give the same bytes")
    func same() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try foundation.encode(Awkward())
        #expect(
            String(decoding: try PrettyJSON.encode(Awkward()), as: UTF8.self)
                == String(decoding: expected, as: UTF8.self))
    }

    @Test("a number JSON cannot hold is refused, as Foundation refuses it")
    func notFinite() {
        #expect(throws: EncodingError.self) { try PrettyJSON.encode([Double.nan]) }
    }
}

@Suite("Accounting without keeping measurements")
struct AccountingOnlyTests {
    /// `hqscreen check` drops measurements as it reads: its accounting must be the full import's.
    @Test("the summary is the full import's, for every corpus and sample file", arguments: CorpusPipelineTests.inputs)
    func sameSummary(_ path: String) {
        let full = Importer().importFiles([path])
        var counting = Importer()
        counting.keepsMeasurements = false
        let counted = counting.importFiles([path])
        #expect(counted.summary == full.summary)
        #expect(counted.measurements.count <= full.measurements.count)
    }
}
