/// What a file says about an athlete on a test day, apart from the strength values.
public struct SessionInfo: Sendable, Hashable, Codable {
    public var athlete: String
    public var date: TestDate
    public var name: String?
    public var sex: Sex?
    public var age: Int?
    public var bodyMassKg: Double?
    public var sport: String?
    public var involvedSide: Side?
    /// True when the involved knee had an anterior cruciate ligament reconstruction; nil when not said.
    public var aclReconstruction: Bool?
    /// Files the session's rows came from, in the order they were read.
    public var sources: [String]

    public init(
        athlete: String, date: TestDate, name: String? = nil, sex: Sex? = nil, age: Int? = nil,
        bodyMassKg: Double? = nil, sport: String? = nil, involvedSide: Side? = nil, aclReconstruction: Bool? = nil,
        sources: [String] = []
    ) {
        self.aclReconstruction = aclReconstruction
        self.athlete = athlete
        self.date = date
        self.name = name
        self.sex = sex
        self.age = age
        self.bodyMassKg = bodyMassKg
        self.sport = sport
        self.involvedSide = involvedSide
        self.sources = sources
    }
}

extension SessionInfo {
    /// Takes what this one leaves out from another record of the same athlete.
    public mutating func fillGaps(from other: SessionInfo) {
        name = name ?? other.name
        sex = sex ?? other.sex
        age = age ?? other.age
        bodyMassKg = bodyMassKg ?? other.bodyMassKg
        sport = sport ?? other.sport
        involvedSide = involvedSide ?? other.involvedSide
        aclReconstruction = aclReconstruction ?? other.aclReconstruction
        for source in other.sources where !sources.contains(source) { sources.append(source) }
    }
}

extension Dictionary where Key == SessionKey, Value == SessionInfo {
    /// Adds a session's details as the import joins them: the first record of a session wins, later
    /// ones fill its gaps.
    public mutating func join(_ info: SessionInfo) {
        // One hash for the usual new session; a repeated one puts the first record back, gaps filled.
        let key = SessionKey(athlete: info.athlete, date: info.date)
        guard var first = updateValue(info, forKey: key) else { return }
        first.fillGaps(from: info)
        self[key] = first
    }
}

public enum Sex: String, Sendable, Hashable, Codable {
    case female
    case male
}

/// Identifies one test session: an athlete on a day.
public struct SessionKey: Sendable, Hashable, Comparable {
    public var athlete: String
    public var date: TestDate

    public init(athlete: String, date: TestDate) {
        self.athlete = athlete
        self.date = date
    }

    public static func < (lhs: SessionKey, rhs: SessionKey) -> Bool {
        (lhs.athlete, lhs.date) < (rhs.athlete, rhs.date)
    }
}
