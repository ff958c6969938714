import Foundation
import GRDB
import StrengthModel

/// Schema v4's move of a store's tests from a row each (`measurement`, v1–v3) into packs
/// (`testBatch`), one per athlete, day and import, in the order their first test was stored.
enum TestRowsPacking {
    struct UnreadableTest: Error, CustomStringConvertible {
        var id: Int64
        var description: String {
            "stored test \(id) names a muscle, contraction, method, dimension or unit this version does not know"
        }
    }

    static func pack(_ db: Database) throws {
        var batches: [(athlete: String, date: String, importId: Int64, pack: TestPack)] = []
        struct Key: Hashable {
            var importId: Int64
            var athlete: String
            var date: String
        }
        var places: [Key: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, athlete, date, trial, side, muscle, contraction, velocity, angle, method, dimension,
                position, machine, valueSI, sourceUnit, gravityCorrected, repetitions, warmUp, dropSet, trainingLog,
                line, importId FROM measurement ORDER BY id
                """)
        while let row = try rows.next() {
            let athlete: String = row["athlete"]
            let date: String = row["date"]
            let importId: Int64 = row["importId"]
            guard let day = TestDate(iso: date),
                let m = StoredTests.measurement(
                    athlete: athlete, date: day, side: row["side"], muscle: row["muscle"],
                    contraction: row["contraction"], velocity: row["velocity"], angle: row["angle"],
                    method: row["method"], dimension: row["dimension"], position: row["position"],
                    machine: row["machine"], valueSI: row["valueSI"], sourceUnit: row["sourceUnit"],
                    gravityCorrected: row["gravityCorrected"], repetitions: row["repetitions"], warmUp: row["warmUp"],
                    dropSet: row["dropSet"], trainingLog: row["trainingLog"],
                    source: SourceLocation(file: "", line: row["line"]))
            else { throw UnreadableTest(id: row["id"]) }
            let key = Key(importId: importId, athlete: athlete, date: date)
            let place = places[key] ?? batches.count
            if place == batches.count {
                places[key] = place
                batches.append((athlete, date, importId, TestPack()))
            }
            batches[place].pack.append(PackedTest(m, code: TestIdentity(m).code, trial: row["trial"]))
        }
        let insert = try db.makeStatement(
            sql: "INSERT INTO testBatch (athlete, date, importId, tests, data) VALUES (?, ?, ?, ?, ?)")
        for batch in batches {
            try insert.execute(arguments: [
                batch.athlete, batch.date, batch.importId, batch.pack.count, Data(batch.pack.bytes),
            ])
        }
    }
}
