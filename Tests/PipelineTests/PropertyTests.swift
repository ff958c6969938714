import Foundation
import StrengthImport
import StrengthModel
import Testing

/// Random inputs, from a fixed seed so any failure reproduces: nothing crashes, the accounting
/// balances, and every rejected row is covered by a diagnostic.
@Suite("Random inputs")
struct PropertyTests {
    /// Rejected rows must be explained: each listed error names a row, the unlisted ones are counted,
    /// and a summary of ambiguous dates names how many rows it covers.
    static func expectEveryRejectionExplained(_ summary: ImportSummary, seed: UInt64) {
        let rowErrors = summary.diagnostics.filter { $0.severity == .error && $0.line != nil }
        var covered = rowErrors.count + summary.unlistedDiagnostics
        for d in rowErrors where d.message.hasPrefix("rejected ") {
            covered += (Int(d.message.split(separator: " ")[1]) ?? 1) - 1
        }
        #expect(summary.counts.rowsRejected <= covered, "seed \(seed)")
        if summary.counts.rowsRejected > 0 { #expect(!rowErrors.isEmpty, "seed \(seed)") }
        #expect(summary.counts.isBalanced, "seed \(seed)")
    }

    @Test("random bytes", arguments: 0..<60)
    func randomBytes(_ seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        let length = Int.random(in: 0...3000, using: &random)
        // Mostly CSV-ish bytes, with every other byte value possible.
        let alphabet = Array("athlete,date,side,muscle;velocity|torque_nm\n\r\"\t 0123456789.-LRQH".utf8)
        let bytes = (0..<length).map { _ in
            Int.random(in: 0..<10, using: &random) == 0
                ? UInt8.random(in: 0...255, using: &random) : alphabet.randomElement(using: &random)!
        }
        let path = try WholePipeline.temporaryFile("random-\(seed).csv", bytes)
        let outcome = try WholePipeline.run([path])
        Self.expectEveryRejectionExplained(outcome.summary, seed: seed)
    }

    @Test("random valid-looking rows", arguments: 0..<60)
    func randomRows(_ seed: UInt64) throws {
        var random = SplitMix64(state: seed &+ 1_000)
        func pick<T>(_ items: [T]) -> T { items.randomElement(using: &random)! }
        var lines = ["athlete,name,sex,body mass (kg),date,side,muscle,contraction,velocity,peak torque (Nm),reps"]
        let rows = Int.random(in: 1...200, using: &random)
        for _ in 0..<rows {
            let cells = [
                pick(["A1", "A2", "b3", "", "\"Q,uoted\"", "Zoë"]), pick(["Alex", "", "\"O'Brien\"", "=1+1"]),
                pick(["F", "M", "female", "x", ""]), pick(["61.5", "80", "", "900", "heavy"]),
                pick(["2026-01-02", "2026-02-30", "03/04/2026", "13/04/2026", "2099-01-01", "1900-01-01", "", "soon"]),
                pick(["L", "R", "left", "right", "both", "X", ""]),
                pick(["quadriceps", "hamstrings", "Q", "H", "calf", "Banana", ""]),
                pick(["concentric", "eccentric", "isometric", "con", "ecc", "sideways", ""]),
                pick(["60", "180", "240", "30", "0", "", "fast", "5000"]),
                pick(["150", "75.5", "0", "-5", "1e21", "1e-17", "NaN", "N/A", "", "abc", "\"150,5\""]),
                pick(["", "3", "2.5", "0"]),
            ]
            lines.append(cells.joined(separator: ","))
        }
        let path = try WholePipeline.temporaryFile(
            "rows-\(seed).csv", Array((lines.joined(separator: "\n") + "\n").utf8))
        let outcome = try WholePipeline.run([path])
        Self.expectEveryRejectionExplained(outcome.summary, seed: seed)
        #expect(outcome.summary.counts.rowsRead == rows, "seed \(seed)")
    }
}
