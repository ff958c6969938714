import Foundation
import GRDB
import StrengthModel

extension SQLiteStore {
    public func export(athlete: String?, squad: String?, to emit: (String) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: [String] = []
        if let athlete {
            conditions.append("b.athlete = ?")
            arguments.append(athlete)
        }
        if let squad {
            conditions.append("a.squad = ?")
            arguments.append(squad)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        try emit(ExportedTest.columns.joined(separator: ",") + "\r\n")
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT b.athlete, b.date, b.data, a.name AS athleteName, s.name AS sessionName, s.sex, s.age,
                    s.bodyMassKg, s.sport, s.involvedSide, s.aclReconstruction
                    FROM testBatch b JOIN athlete a ON a.id = b.athlete
                    LEFT JOIN session s ON s.athlete = b.athlete AND s.date = b.date
                    \(filter) ORDER BY b.athlete, b.date, b.id
                    """, arguments: StatementArguments(arguments))
            var batch = ""
            // An athlete's day may span packs (files): its tests are sorted together, by test and trial,
            // and its cells (athlete, names, session details) are made once.
            var day: (row: Row, tests: [PackedTest])?
            func write(_ day: (row: Row, tests: [PackedTest])) {
                let row = day.row
                guard let date = TestDate(iso: row["date"]) else { return }
                let athlete: String = row["athlete"]
                let cells = ExportedTest.dayCells(
                    athlete: athlete, name: (row["sessionName"] as String?) ?? (row["athleteName"] as String?),
                    date: row["date"], sex: row["sex"], age: row["age"], bodyMassKg: row["bodyMassKg"],
                    sport: row["sport"], involvedSide: row["involvedSide"], aclReconstruction: row["aclReconstruction"])
                let athleteNumber = AthleteNames.number(athlete)
                for test in day.tests.sorted(by: { ($0.code, $0.trial) < ($1.code, $1.trial) }) {
                    guard
                        let m = test.measurement(
                            athleteNumber: athleteNumber, date: date, fileNumber: SourceFiles.number(""))
                    else {
                        continue
                    }
                    batch += cells
                    batch += ExportedTest.testCells(
                        side: m.side?.rawValue, muscle: m.muscle.rawValue, contraction: m.contraction.rawValue,
                        velocity: m.velocity, angle: m.angle, position: m.position?.rawValue, method: m.method.rawValue,
                        gravityCorrected: m.gravityCorrected, machine: m.machine?.rawValue,
                        trainingLog: m.fromTrainingLog,
                        warmUp: m.isWarmUp, dropSet: m.isDropSet, repetitions: m.repetitions.map(Int.init),
                        valueSI: m.value.si, sourceUnit: m.sourceUnit.rawValue)
                }
            }
            while let row = try rows.next() {
                let tests = TestPack.tests(in: row["data"] as Data)
                if let current = day, current.row["athlete"] == row["athlete"] as String,
                    current.row["date"] == row["date"] as String
                {
                    day?.tests += tests
                    continue
                }
                if let day { write(day) }
                day = (row.copy(), tests)
                if batch.utf8.count >= 1 << 20 {
                    try emit(batch)
                    batch = ""
                }
            }
            if let day { write(day) }
            try emit(batch)
        }
    }
}
