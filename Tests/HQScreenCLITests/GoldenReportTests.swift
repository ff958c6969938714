import Foundation
import Testing

/// Speed work must not change what a report says. The digests in Tests/Golden/digests.txt were
/// recorded from the reports before the performance work of issue 12; every later change to an
/// output is deliberate and recorded again with `HQSCREEN_RECORD_GOLDEN=1 swift test --filter Golden`
/// (then `git diff Tests/Golden` shows which outputs moved, and docs/ say why).
@Suite("Reports of fixed inputs are unchanged")
struct GoldenReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var inputs: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "squad", inputs: ["Tests/Golden/squad.csv"]),
        Case(
            name: "samples",
            inputs: ["SampleData/team_long.csv", "SampleData/clinic_wide.csv", "SampleData/field_and_gym.csv"]),
        Case(name: "runner", inputs: ["SampleData/runner/alex_strong.csv"]),
        Case(name: "exports", inputs: exports),
    ]

    static let formats = ["text", "markdown", "json", "html", "csv", "pdf"]

    static var exports: [String] {
        let folder = CLIRunner.packageRoot.appendingPathComponent("SampleData/exports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { "SampleData/exports/" + $0 }
    }

    static let digestFile = CLIRunner.packageRoot.appendingPathComponent("Tests/Golden/digests.txt")

    /// `case format status bytes fnv1a64`, one line per report.
    static func recorded() -> [String: String] {
        let text = (try? String(contentsOf: digestFile, encoding: .utf8)) ?? ""
        var lines: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 5 else { continue }
            lines["\(fields[0]) \(fields[1])"] = String(line)
        }
        return lines
    }

    /// Enough to tell two reports apart; the files themselves are too large to keep in git.
    static func fnv1a64(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func digest(_ testCase: Case, format: String, spill: Bool = false) throws -> String {
        let folder = try CLIRunner.freshFolder("golden-\(testCase.name)-\(format)\(spill ? "-spill" : "")")
        let output = folder.appendingPathComponent("report.\(format)")
        let run = try CLIRunner.run(
            ["report"] + testCase.inputs + ["--format", format, "--today", "2026-03-01", "-o", output.path],
            environment: ["SOURCE_DATE_EPOCH": "1772323200", "HQSCREEN_SPILL_MB": spill ? "0" : "100000"])
        let bytes = try Data(contentsOf: output)
        return "\(testCase.name) \(format) \(run.status) \(bytes.count) \(fnv1a64(bytes))"
    }

    @Test("every format of a fixed input gives the recorded bytes", arguments: cases)
    func unchanged(_ testCase: Case) throws {
        let recorded = Self.recorded()
        for format in Self.formats {
            let line = try Self.digest(testCase, format: format)
            #expect(recorded["\(testCase.name) \(format)"] == line, "\(testCase.name) \(format) changed")
        }
    }

    /// Large inputs spill their measurements to disk while they are read: the reports must not change.
    @Test("spilled to disk, every format gives the same recorded bytes", arguments: cases)
    func unchangedWhenSpilled(_ testCase: Case) throws {
        let recorded = Self.recorded()
        for format in Self.formats {
            let line = try Self.digest(testCase, format: format, spill: true)
            #expect(recorded["\(testCase.name) \(format)"] == line, "\(testCase.name) \(format) changed when spilled")
        }
    }

    @Test(
        "recording, only when asked",
        .enabled(if: ProcessInfo.processInfo.environment["HQSCREEN_RECORD_GOLDEN"] == "1"))
    func record() throws {
        var lines: [String] = []
        for testCase in Self.cases {
            for format in Self.formats { lines.append(try Self.digest(testCase, format: format)) }
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: Self.digestFile, options: .atomic)
    }
}
