import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import TestFolders
import Testing

@testable import StrengthReport

@Suite("Reports from measurements spilled to disk")
struct SpillPipelineTests {
    /// 60 athletes × 5 test days × 3 trials of 8 tests: 7,200 rows. Dates whose day is 12 or less wait
    /// in memory until the file's day-month order is known; the others go to the spill as read.
    static func squadFile() throws -> String {
        var lines = ["Athlete,Date,Side,Muscle,Contraction,Velocity (deg/s),Torque (Nm)"]
        var random = SplitMix64(state: 12)
        for day in ["02/01/2026", "14/01/2026", "05/02/2026", "20/02/2026", "09/03/2026"] {
            for athlete in 0..<60 {
                for side in ["L", "R"] {
                    for (muscle, contraction, velocity, base) in [
                        ("quadriceps", "concentric", 60, 200.0), ("hamstrings", "concentric", 60, 110),
                        ("quadriceps", "concentric", 180, 150), ("hamstrings", "eccentric", 30, 140),
                    ] {
                        for _ in 0..<3 {
                            let value = base * Double(80 + random.next() % 40) / 100
                            lines.append(
                                "P\(athlete),\(day),\(side),\(muscle),\(contraction),\(velocity),\(Formatting.fixed(value, digits: 1))"
                            )
                        }
                    }
                }
            }
        }
        return try WholePipeline.temporaryFile("spill-squad.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test("the same CSV, JSON and text as from memory, and the same accounting")
    func sameReport() throws {
        let path = try Self.squadFile()
        let today = TestDate(year: 2026, month: 4, day: 1)!
        let memory = Importer().importFiles([path])
        let fromMemory = ScreeningReport.squad(
            importSummary: memory.summary, measurements: memory.measurements, sessions: memory.sessions,
            analyzer: Analyzer(), generator: "test", today: today)

        let spill = MeasurementSpill(folder: TestFolders.root.path)
        var spilling = Importer()
        spilling.measurementSink = { spill.append($0) }
        spilling.sinkBatch = 64
        let spilled = spilling.importFiles([path])
        #expect(spilled.measurements.isEmpty)
        #expect(spilled.summary == memory.summary)
        #expect(spill.measurementCount == memory.measurements.count)
        let athletes = try #require(spill.finish())
        let fromDisk = ScreeningReport.squad(
            importSummary: spilled.summary, athletes: athletes, sessions: spilled.sessions, analyzer: Analyzer(),
            generator: "test", today: today)

        #expect(fromMemory.sessionCount == 300)
        #expect(CSVSummary.render(fromDisk) == CSVSummary.render(fromMemory))
        #expect(try JSONReport.render(fromDisk) == (try JSONReport.render(fromMemory)))
        #expect(
            TextReport.render(fromDisk, style: TextStyle(color: false))
                == TextReport.render(fromMemory, style: TextStyle(color: false)))
    }
}
