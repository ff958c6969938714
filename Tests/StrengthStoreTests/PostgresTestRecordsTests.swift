import Foundation
import StrengthModel
import Testing

@testable import StrengthStore

@Suite("Tests packed by PostgreSQL as it reads them")
struct PostgresTestRecordsTests {
    /// One record as PostgreSQL's send functions write it: big-endian.
    private static func record(
        code: Int64, value: Double, velocity: Double = 0, angle: Double = 0, line: Int64, repetitions: Int32 = 0,
        unit: Int16, flags: Int16
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
        append(code)
        append(value.bitPattern)
        append(velocity.bitPattern)
        append(angle.bitPattern)
        append(line)
        append(repetitions)
        append(unit)
        append(flags)
        return bytes
    }

    @Test("each record gives its test, what is absent stays absent, and a unit this version lacks leaves the test out")
    func decode() {
        let date = TestDate(year: 2026, month: 3, day: 2)!
        let isokinetic = StrengthModel.Measurement(
            athlete: "A1", date: date, side: .left, muscle: .hamstrings, contraction: .concentric, velocity: 60,
            value: Quantity(dimension: .torque, si: 104.5), sourceUnit: .footPound, method: .isokinetic,
            gravityCorrected: true, source: SourceLocation(file: "a.csv", line: 7))
        let curl = StrengthModel.Measurement(
            athlete: "A1", date: date, side: nil, muscle: .hamstrings, contraction: .concentric, velocity: nil,
            value: Quantity(dimension: .mass, si: 40), sourceUnit: .kilogram, method: .machine1RM, repetitions: 8,
            source: SourceLocation(file: "a.csv", line: 9), fromTrainingLog: true, machine: .seated)
        let units = MeasurementUnit.allCases
        var bytes = Self.record(
            code: TestIdentity(isokinetic).code, value: 104.5, velocity: 60, line: 7,
            unit: Int16(units.firstIndex(of: .footPound)!), flags: 1 | 4 | 8)
        bytes += Self.record(code: TestIdentity(curl).code, value: 55, line: 8, unit: -1, flags: 0)
        bytes += Self.record(
            code: TestIdentity(curl).code, value: 40, line: 9, repetitions: 8,
            unit: Int16(units.firstIndex(of: .kilogram)!), flags: 16)
        bytes += [1, 2, 3]  // a cut-off record is not read
        var tests: [StrengthModel.Measurement] = []
        bytes.withUnsafeBytes { raw in
            PostgresTestRecords.forEach(in: raw, athlete: "A1", date: date, fileNumber: SourceFiles.number("a.csv")) {
                tests.append($0)
            }
        }
        #expect(tests == [isokinetic, curl])
    }
}
