import StrengthAnalysis
import StrengthImport
import StrengthModel
import Synchronization
import Testing

@testable import StrengthReport

/// Keeps every run the importer hands on.
private final class RecordedRuns: AthleteRunSink {
    let runs = Mutex<[AthleteRun]>([])
    var wantsRun: Bool { true }
    func take(_ run: AthleteRun) { runs.withLock { $0.append(run) } }
}

/// Hands runs to an `EarlyRows`, as the report command does.
private struct ToEarlyRows: AthleteRunSink {
    let early: EarlyRows
    var wantsRun: Bool { early.wantsRun }
    func take(_ run: AthleteRun) {
        early.offer(athlete: run.athlete, measurements: run.measurements, sessions: run.sessions)
    }
}

@Suite("CSV rows rendered while the import reads")
struct EarlyRowsTests {
    static let header = "Athlete,Name,Date,Side,Muscle,Contraction,Velocity (deg/s),Torque (Nm)"

    /// One test day of an athlete: Hcon and Qcon at 60°/s on both legs, two trials each.
    static func day(_ athlete: String, _ date: String, base: Double, name: String = "") -> [String] {
        var lines: [String] = []
        for side in ["L", "R"] {
            for (muscle, factor) in [("quadriceps", 1.0), ("hamstrings", 0.55)] {
                for trial in 0..<2 {
                    let value = base * factor - Double(trial) * 3 + (side == "L" ? 0 : 4)
                    lines.append(
                        "\(athlete),\(name),\(date),\(side),\(muscle),concentric,60,\(Formatting.fixed(value, digits: 1))"
                    )
                }
            }
        }
        return lines
    }

    static func file(_ name: String, _ lines: [String]) throws -> String {
        try WholePipeline.temporaryFile(name, Array(([header] + lines).joined(separator: "\n").utf8 + [0x0A]))
    }

    @Test("each athlete's consecutive rows are handed on, trials folded, when the next athlete's row is read")
    func runs() throws {
        let path = try Self.file(
            "early-runs.csv",
            Self.day("A", "2026-01-05", base: 200, name: "Ann") + Self.day("A", "2026-02-05", base: 210)
                + Self.day("B", "2026-01-06", base: 180) + Self.day("A", "2026-03-05", base: 220)
                + Self.day("C", "2026-01-07", base: 190))
        let recorded = RecordedRuns()
        var importer = Importer()
        importer.athleteRuns = recorded
        let imported = importer.importFiles([path])
        #expect(imported.measurements.count == 20)
        let runs = recorded.runs.withLock { $0 }
        // C's run is the file's last: nothing follows it, and the import's own result has it.
        #expect(runs.map(\.athlete) == ["A", "B", "A"])
        #expect(runs.map(\.measurements.count) == [8, 4, 4])
        #expect(runs[0].measurements.map(\.value.si) == [200, 110, 204, 114, 210, 115.5, 214, 119.5])
        #expect(runs[0].sessions.map(\.date.description) == ["2026-01-05", "2026-02-05"])
        #expect(runs[0].sessions.map(\.name) == ["Ann", nil])
        #expect(runs[0].sessions[0].sources == [path])
        #expect(runs[1].sessions.map(\.athlete) == ["B"])
    }

    @Test("the CSV summary is the same with early rows, which are used only where they stand")
    func sameSummary() throws {
        var first: [String] = []
        for athlete in 0..<12 {
            for (month, base) in [(1, 200.0), (2, 190), (3, 205)] {
                first += Self.day("P\(athlete)", "2026-0\(month)-1\(athlete % 10)", base: base + Double(athlete))
            }
        }
        // P3 comes back at the end of the file, P2 and P40 in a second file.
        first += Self.day("P3", "2026-04-02", base: 150)
        let second = Self.day("P2", "2026-04-03", base: 160) + Self.day("P40", "2026-04-03", base: 170)
        let paths = [try Self.file("early-1.csv", first), try Self.file("early-2.csv", second)]
        let today = TestDate(year: 2026, month: 6, day: 1)!

        let plain = Importer().importFiles(paths)
        let expected = CSVSummary.render(
            ScreeningReport.squad(
                importSummary: plain.summary, measurements: plain.measurements, sessions: plain.sessions,
                analyzer: Analyzer(), generator: "test", today: today, withSummary: false))

        let early = EarlyRows.csvSummary(analyzer: Analyzer())
        var importer = Importer()
        importer.athleteRuns = ToEarlyRows(early: early)
        let imported = importer.importFiles(paths)
        early.stop(finishingWaiting: true)
        let report = ScreeningReport.squad(
            importSummary: imported.summary, measurements: imported.measurements, sessions: imported.sessions,
            analyzer: Analyzer(), generator: "test", today: today, withSummary: false, early: early)
        let summary = CSVSummary.render(report)
        #expect(summary == expected)
        #expect(summary.split(separator: "\r\n").count == 1 + 12 * 3 + 3)
        // Runs: P0…P11 from the first file, P2 from the second; a file's last run (P3 again, P40) is
        // not handed on. P2 and P3 have more tests than their runs; the other ten stand.
        #expect(early.counts.offered == 13)
        #expect(early.counts.used == 10)
    }

    @Test("an early rendering is not used for other tests or other session details")
    func checked() throws {
        let path = try Self.file("early-check.csv", Self.day("A", "2026-01-05", base: 200, name: "Ann"))
        let imported = Importer().importFiles([path])
        func rendered() -> EarlyRows {
            let early = EarlyRows.csvSummary(analyzer: Analyzer())
            early.offer(athlete: "A", measurements: imported.measurements, sessions: Array(imported.sessions.values))
            early.stop(finishingWaiting: true)
            return early
        }
        let key = SessionKey(athlete: "A", date: TestDate(year: 2026, month: 1, day: 5)!)

        var renamed = imported.sessions
        renamed[key]?.name = "Anne"
        let early = rendered()
        #expect(early.rows(for: imported.measurements, sessions: renamed) == nil)
        // Taken when asked, whether it stood or not.
        #expect(early.rows(for: imported.measurements, sessions: imported.sessions) == nil)
        #expect(early.counts == (offered: 1, used: 0))

        var stronger = imported.measurements
        stronger[0].value.si += 1
        #expect(rendered().rows(for: stronger, sessions: imported.sessions) == nil)

        let standing = rendered()
        let bytes = try #require(standing.rows(for: imported.measurements, sessions: imported.sessions))
        let rows = String(decoding: bytes, as: UTF8.self)
        #expect(rows.hasPrefix("A,Ann,2026-01-05,,,amber,0,2,0.5500,0.5588,"))
        #expect(standing.counts == (offered: 1, used: 1))
    }
}
