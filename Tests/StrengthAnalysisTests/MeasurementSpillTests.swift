import StrengthModel
import TestFolders
import Testing

import class Foundation.FileManager

@testable import StrengthAnalysis

@Suite("Measurements spilled to disk")
struct MeasurementSpillTests {
    static func every() -> [Measurement] {
        var rows: [Measurement] = []
        var line = 2
        for athlete in ["Zoë", "A1", "b2", "A1 ", "Zoë"] {
            for side in [Side?.none, .left, .right] {
                line += 1
                rows.append(
                    Measurement(
                        athlete: athlete, date: TestDate(year: 2026, month: 2, day: line % 28 + 1)!, side: side,
                        muscle: line % 2 == 0 ? .hamstrings : .quadriceps, contraction: .eccentric,
                        velocity: side == nil ? nil : 30.5, angle: side == .right ? 60 : nil,
                        value: Quantity(dimension: .force, si: 123.456 + Double(line)), sourceUnit: .kilogramForce,
                        method: .handHeld, gravityCorrected: side.map { $0 == .left },
                        repetitions: side == .left ? 7 : nil,
                        isWarmUp: line % 3 == 0, position: side == .left ? .prone : nil,
                        source: SourceLocation(file: "file-\(line % 2).csv", line: line), isDropSet: line % 4 == 0,
                        fromTrainingLog: line % 5 == 0, machine: side == .right ? .seated : nil))
            }
        }
        return rows
    }

    @Test("every field comes back as written; athletes by id, each one's rows in file order")
    func roundTrip() throws {
        let rows = Self.every()
        let spill = MeasurementSpill(folder: TestFolders.root.path)
        for m in rows { spill.append(m) }
        let athletes = try #require(spill.finish())
        let inMemory = AthleteGrouping(rows)
        #expect(athletes.count == inMemory.count)
        for i in 0..<athletes.count { #expect(athletes[i] == inMemory[i]) }
        #expect(athletes[0].map(\.athlete) == ["A1", "A1", "A1"])
    }

    @Test("a folder that does not exist is a failure in words, not a crash")
    func missingFolder() {
        let spill = MeasurementSpill(folder: "/nonexistent-hqscreen-folder")
        spill.append(Self.every()[0])
        #expect(spill.finish() == nil)
        #expect(spill.failure?.hasPrefix("cannot make a temporary file in /nonexistent-hqscreen-folder: ") == true)
    }
}
