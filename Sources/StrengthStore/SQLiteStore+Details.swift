import GRDB
import StrengthModel

extension SQLiteStore {
    public func record(_ details: AthleteDetails, athlete: String, on day: TestDate) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM athlete WHERE id = ?", arguments: [athlete]) == 1
            else { return false }
            try Self.bumpRevision(db)
            try db.execute(
                sql: """
                    INSERT INTO athleteDetail (athlete, recordedOn, sex, birthDate, sport, involvedSide,
                    aclReconstruction, bodyMassKg) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    athlete, day.description, details.sex?.rawValue, details.birthDate?.description, details.sport,
                    details.storedInvolvedSide, details.aclReconstruction, details.bodyMassKg,
                ])
            return true
        }
    }

    /// Each athlete's recorded details, oldest recording first.
    func recordedDetails(_ db: Database) throws -> RecordedDetails.ByAthlete {
        var all: RecordedDetails.ByAthlete = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM athleteDetail ORDER BY recordedOn, id") {
            let recordedOn: String = row["recordedOn"]
            guard let day = TestDate(iso: recordedOn) else { continue }
            let details = RecordedDetails.details(
                sex: row["sex"], birthDate: row["birthDate"], sport: row["sport"], involvedSide: row["involvedSide"],
                aclReconstruction: row["aclReconstruction"], bodyMassKg: row["bodyMassKg"])
            all[row["athlete"], default: []].append((day, details))
        }
        return all
    }
}
