import Foundation
import GRDB
import StrengthModel

extension SQLiteStore {
    public func athletes() throws -> [StoredAthlete] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.name, a.squad,
                      (SELECT count(DISTINCT date) FROM testBatch b WHERE b.athlete = a.id) AS sessions,
                      (SELECT coalesce(sum(tests), 0) FROM testBatch b WHERE b.athlete = a.id) AS tests,
                      (SELECT max(date) FROM testBatch b WHERE b.athlete = a.id) AS latest
                    FROM athlete a ORDER BY a.id
                    """
            ).map { row in
                let latest: String? = row["latest"]
                return StoredAthlete(
                    id: row["id"], name: row["name"], squad: row["squad"], sessions: row["sessions"],
                    tests: row["tests"], latestTest: latest.flatMap { TestDate(iso: $0) })
            }
        }
    }

    public func delete(athlete id: String) throws -> AthleteChange? {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM athlete WHERE id = ?", arguments: [id]) == 1 else {
                return nil
            }
            try Self.bumpRevision(db)
            var change = AthleteChange()
            change.sessions =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM session WHERE athlete = ?", arguments: [id]) ?? 0
            change.tests =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(tests), 0) FROM testBatch WHERE athlete = ?", arguments: [id]) ?? 0
            let imports = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT importId FROM testBatch WHERE athlete = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM athlete WHERE id = ?", arguments: [id])
            for importId in imports
            where try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM testBatch WHERE importId = ?)", arguments: [importId])
                == false
            {
                try db.execute(sql: "DELETE FROM import WHERE id = ?", arguments: [importId])
                change.imports += 1
            }
            return change
        }
    }

    /// Joins two ids that are the same person: `from`'s sessions, tests and recorded details become
    /// `into`'s, and `from` goes. A test `into` already has with the same value is dropped; if any has another value, the
    /// two are not one person's results and nothing changes (`conflicts` says how many). Nil when
    /// either athlete is unknown.
    public func merge(athlete from: String, into: String) throws -> AthleteChange? {
        try pool.write { db in
            let known = try String.fetchAll(
                db, sql: "SELECT id FROM athlete WHERE id IN (?, ?)", arguments: [from, into])
            guard Set(known) == [from, into], from != into else { return nil }
            var change = AthleteChange()
            let packs = try Row.fetchAll(
                db, sql: "SELECT id, date, data FROM testBatch WHERE athlete = ? ORDER BY id", arguments: [from]
            ).map { row in
                (id: row["id"] as Int64, date: row["date"] as String, tests: TestPack.tests(in: row["data"] as Data))
            }
            // `into`'s tests on the days `from` has, by day; then whether each of `from`'s tests is one of
            // them (nil: `into` lacks it) with the same value.
            var theirs: [String: [TestKey: Double]] = [:]
            for day in Set(packs.map(\.date)) {
                var tests: [TestKey: Double] = [:]
                for data in try Data.fetchAll(
                    db, sql: "SELECT data FROM testBatch WHERE athlete = ? AND date = ?", arguments: [into, day])
                {
                    for test in TestPack.tests(in: data) {
                        tests[TestKey(code: test.code, trial: test.trial)] = test.valueSI
                    }
                }
                theirs[day] = tests
            }
            func agrees(_ test: PackedTest, on day: String) -> Bool? {
                theirs[day]?[TestKey(code: test.code, trial: test.trial)].map {
                    StoreImportOutcome.sameValue($0, test.valueSI)
                }
            }
            change.conflicts = packs.reduce(0) { sum, pack in
                sum + pack.tests.count { agrees($0, on: pack.date) == false }
            }
            // Two people's different results on one day are not one person: nothing is merged.
            guard change.conflicts == 0 else { return change }
            try Self.bumpRevision(db)
            for pack in packs {
                var kept = TestPack()
                for test in pack.tests where agrees(test, on: pack.date) == nil { kept.append(test) }
                change.duplicates += pack.tests.count - kept.count
                change.tests += kept.count
                if kept.count == 0 {
                    try db.execute(sql: "DELETE FROM testBatch WHERE id = ?", arguments: [pack.id])
                } else {
                    try db.execute(
                        sql: "UPDATE testBatch SET athlete = ?, tests = ?, data = ? WHERE id = ?",
                        arguments: [into, kept.count, Data(kept.bytes), pack.id])
                }
            }
            // Session details: `into`'s stay, `from`'s fill its gaps, and a day only `from` had moves over.
            let sessions = try Row.fetchAll(db, sql: "SELECT * FROM session WHERE athlete = ?", arguments: [from])
            for session in sessions {
                try db.execute(
                    sql: SQLiteStore.sessionUpsert,
                    arguments: [
                        into, session["date"], session["name"], session["sex"], session["age"], session["bodyMassKg"],
                        session["sport"], session["involvedSide"], session["aclReconstruction"], session["sources"],
                    ])
                change.sessions += 1
            }
            try db.execute(sql: "UPDATE athleteDetail SET athlete = ? WHERE athlete = ?", arguments: [into, from])
            try db.execute(sql: "DELETE FROM athlete WHERE id = ?", arguments: [from])
            return change
        }
    }
}
