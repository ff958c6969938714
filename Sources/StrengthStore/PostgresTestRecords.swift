import Foundation
import StrengthModel

/// An athlete's tests of one day from one file, packed by PostgreSQL itself as it reads them: one
/// row per athlete-day and import, its tests a `bytea` of fixed 48-byte records (PostgreSQL's send
/// functions, so big-endian). postgres-nio decoded every one of 21 columns of every test row on its
/// own (~6 µs a test); a pack is one value per 14 tests.
///
/// Each record: the protocol code (int8), the value in SI units (float8), the speed and the angle
/// (float8, 0 when absent), the file's line (int8), repetitions (int4, 0 when absent), the source
/// unit's case number (int2, -1 for a word this version does not know) and flags (int2): 1 speed,
/// 2 angle, 4 gravity correction known, 8 gravity corrected, 16 repetitions.
enum PostgresTestRecords {
    static let recordSize = 48

    /// The SQL expression that packs the tests of a group of rows of `measurement m`, in id order.
    static let aggregate: String = {
        let units = MeasurementUnit.allCases.enumerated().map { index, unit in
            "WHEN '\(unit.rawValue.replacingOccurrences(of: "'", with: "''"))' THEN \(index)"
        }
        return """
            string_agg(
              int8send(m.protocol) || float8send(m.valueSI) || float8send(coalesce(m.velocity, 0))
              || float8send(coalesce(m.angle, 0)) || int8send(m.line::int8) || int4send(coalesce(m.repetitions, 0))
              || int2send((CASE m.sourceUnit \(units.joined(separator: " ")) ELSE -1 END)::int2)
              || int2send(((CASE WHEN m.velocity IS NULL THEN 0 ELSE 1 END)
                + (CASE WHEN m.angle IS NULL THEN 0 ELSE 2 END)
                + (CASE WHEN m.gravityCorrected IS NULL THEN 0 WHEN m.gravityCorrected THEN 12 ELSE 4 END)
                + (CASE WHEN m.repetitions IS NULL THEN 0 ELSE 16 END))::int2),
              ''::bytea ORDER BY m.id)
            """
    }()

    private static let units = MeasurementUnit.allCases

    /// The tests of one pack, in order; a record naming a case this version does not know is left
    /// out, as a row with such a word always was.
    static func forEach(
        in bytes: UnsafeRawBufferPointer, athlete: String, date: TestDate, fileNumber: UInt32,
        _ body: (StrengthModel.Measurement) -> Void
    ) {
        func int64(_ offset: Int) -> Int64 {
            Int64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        }
        func double(_ offset: Int) -> Double { Double(bitPattern: UInt64(bitPattern: int64(offset))) }
        let athleteNumber = AthleteNames.number(athlete)
        var offset = 0
        while offset + recordSize <= bytes.count {
            defer { offset += recordSize }
            let repetitions = Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 40, as: Int32.self))
            let unit = Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 44, as: Int16.self)))
            let flags = Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 46, as: Int16.self))
            guard units.indices.contains(unit) else { continue }
            let test = PackedTest(
                code: int64(offset), trial: 0, valueSI: double(offset + 8), unit: units[unit],
                velocity: flags & 1 != 0 ? double(offset + 16) : nil, angle: flags & 2 != 0 ? double(offset + 24) : nil,
                gravityCorrected: flags & 4 != 0 ? flags & 8 != 0 : nil,
                repetitions: flags & 16 != 0 ? UInt16(clamping: repetitions) : nil, line: Int(int64(offset + 32)))
            if let m = test.measurement(athleteNumber: athleteNumber, date: date, fileNumber: fileNumber) { body(m) }
        }
    }
}
