import GRDB
import StrengthModel

extension SQLiteStore {
    public func athletes() throws -> [StoredAthlete] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.name, a.squad,
                      (SELECT count(DISTINCT date) FROM measurement m WHERE m.athlete = a.id) AS sessions,
                      (SELECT count(*) FROM measurement m WHERE m.athlete = a.id) AS tests,
                      (SELECT max(date) FROM measurement m WHERE m.athlete = a.id) AS latest
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
                try Int.fetchOne(db, sql: "SELECT count(*) FROM measurement WHERE athlete = ?", arguments: [id]) ?? 0
            let imports = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT importId FROM measurement WHERE athlete = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM athlete WHERE id = ?", arguments: [id])
            for importId in imports
            where try Int.fetchOne(
                db, sql: "SELECT count(*) FROM measurement WHERE importId = ?", arguments: [importId])
                == 0
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
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, date, protocol, trial, valueSI FROM measurement WHERE athlete = ?",
                arguments: [from])
            // Each of `from`'s tests: nil when `into` lacks it, else whether the values agree.
            var agrees: [Int64: Bool] = [:]
            for row in rows {
                let value: Double = row["valueSI"]
                let theirs = try Double.fetchOne(
                    db,
                    sql:
                        "SELECT valueSI FROM measurement WHERE athlete = ? AND date = ? AND protocol = ? AND trial = ?",
                    arguments: [into, row["date"], row["protocol"], row["trial"]])
                if let theirs { agrees[row["id"]] = abs(theirs - value) <= 1e-9 * max(1, abs(theirs)) }
            }
            change.conflicts = agrees.values.count { !$0 }
            // Two people's different results on one day are not one person: nothing is merged.
            guard change.conflicts == 0 else { return change }
            try Self.bumpRevision(db)
            for row in rows {
                let id: Int64 = row["id"]
                if agrees[id] != nil {
                    try db.execute(sql: "DELETE FROM measurement WHERE id = ?", arguments: [id])
                    change.duplicates += 1
                } else {
                    try db.execute(sql: "UPDATE measurement SET athlete = ? WHERE id = ?", arguments: [into, id])
                    change.tests += 1
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
