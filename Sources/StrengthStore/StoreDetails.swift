import GRDB
import StrengthModel

/// Details about an athlete that their files lack, recorded by hand with the day they were recorded.
public struct AthleteDetails: Sendable, Equatable {
    public var sex: Sex?
    public var birthDate: TestDate?
    public var sport: String?
    /// `.some(nil)`: recorded as neither leg.
    public var involvedSide: Side??
    public var aclReconstruction: Bool?
    public var bodyMassKg: Double?

    public init(
        sex: Sex? = nil, birthDate: TestDate? = nil, sport: String? = nil, involvedSide: Side?? = nil,
        aclReconstruction: Bool? = nil, bodyMassKg: Double? = nil
    ) {
        self.sex = sex
        self.birthDate = birthDate
        self.sport = sport
        self.involvedSide = involvedSide
        self.aclReconstruction = aclReconstruction
        self.bodyMassKg = bodyMassKg
    }

    public var isEmpty: Bool { self == AthleteDetails() }
}

extension Store {
    /// Records details for a stored athlete; false when the store has no such athlete.
    public func record(_ details: AthleteDetails, athlete: String, on day: TestDate) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM athlete WHERE id = ?", arguments: [athlete]) == 1
            else { return false }
            try db.execute(
                sql: """
                    INSERT INTO athleteDetail (athlete, recordedOn, sex, birthDate, sport, involvedSide,
                    aclReconstruction, bodyMassKg) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    athlete, day.description, details.sex?.rawValue, details.birthDate?.description, details.sport,
                    details.involvedSide.map { $0?.rawValue ?? "none" }, details.aclReconstruction, details.bodyMassKg,
                ])
            return true
        }
    }

    /// Each athlete's recorded details, oldest recording first.
    func recordedDetails(_ db: Database) throws -> [String: [(day: TestDate, details: AthleteDetails)]] {
        var all: [String: [(day: TestDate, details: AthleteDetails)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM athleteDetail ORDER BY recordedOn, id") {
            let recordedOn: String = row["recordedOn"]
            guard let day = TestDate(iso: recordedOn) else { continue }
            let sex: String? = row["sex"]
            let birthDate: String? = row["birthDate"]
            let side: String? = row["involvedSide"]
            let details = AthleteDetails(
                sex: sex.flatMap { Sex(rawValue: $0) }, birthDate: birthDate.flatMap { TestDate(iso: $0) },
                sport: row["sport"], involvedSide: side.map { Side(rawValue: $0) },
                aclReconstruction: row["aclReconstruction"],
                bodyMassKg: row["bodyMassKg"])
            all[row["athlete"], default: []].append((day, details))
        }
        return all
    }

    /// A session's details with the recorded ones filling what its files left out: sex, birth date
    /// (as the age on the test day), sport, involved side and ACL reconstruction from the latest
    /// recording (facts that do not change with the day); body mass only from a recording on or
    /// before the test day.
    static func filling(_ info: SessionInfo, from recordings: [(day: TestDate, details: AthleteDetails)])
        -> SessionInfo
    {
        var info = info
        for (day, details) in recordings.reversed() {
            if info.sex == nil { info.sex = details.sex }
            if info.age == nil, let birth = details.birthDate { info.age = birth.age(on: info.date) }
            if info.sport == nil { info.sport = details.sport }
            if info.involvedSide == nil, let side = details.involvedSide { info.involvedSide = side }
            if info.aclReconstruction == nil { info.aclReconstruction = details.aclReconstruction }
            if info.bodyMassKg == nil, day <= info.date { info.bodyMassKg = details.bodyMassKg }
        }
        return info
    }
}

extension TestDate {
    /// Whole years from this birth date to `day`.
    func age(on day: TestDate) -> Int {
        var years = day.year - year
        if (day.month, day.day) < (month, self.day) { years -= 1 }
        return years
    }
}
