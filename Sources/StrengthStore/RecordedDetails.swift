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

    /// "none" for neither leg, nil when not recorded.
    var storedInvolvedSide: String? { involvedSide.map { $0?.rawValue ?? "none" } }
}

/// Details recorded by hand, applied to the test days they concern.
enum RecordedDetails {
    /// Each athlete's recordings, oldest first.
    typealias ByAthlete = [String: [(day: TestDate, details: AthleteDetails)]]

    /// A recording from its stored columns.
    static func details(
        sex: String?, birthDate: String?, sport: String?, involvedSide: String?, aclReconstruction: Bool?,
        bodyMassKg: Double?
    ) -> AthleteDetails {
        AthleteDetails(
            sex: sex.flatMap { Sex(rawValue: $0) }, birthDate: birthDate.flatMap { TestDate(iso: $0) }, sport: sport,
            involvedSide: involvedSide.map { Side(rawValue: $0) }, aclReconstruction: aclReconstruction,
            bodyMassKg: bodyMassKg)
    }

    /// Fills every test day of `measurements` with what was recorded for its athlete.
    static func fill(
        _ sessions: inout [SessionKey: SessionInfo], of measurements: [Measurement], from recorded: ByAthlete
    ) {
        guard !recorded.isEmpty else { return }
        var days = Set<SessionKey>()
        for m in measurements { days.insert(SessionKey(athlete: m.athlete, date: m.date)) }
        for key in days {
            guard let recordings = recorded[key.athlete] else { continue }
            let info = sessions[key] ?? SessionInfo(athlete: key.athlete, date: key.date)
            sessions[key] = filling(info, from: recordings)
        }
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
