import StrengthModel

/// Pure analysis: measurements in, one assessment per athlete and test date out.
public struct Analyzer: Sendable {
    public var profile: ThresholdProfile

    public init(profile: ThresholdProfile = .defaultV1) {
        self.profile = profile
    }

    public func assess(_ measurements: [Measurement], sessions: [SessionKey: SessionInfo]) -> [Assessment] {
        var groups: [SessionKey: [Measurement]] = [:]
        for m in measurements {
            groups[SessionKey(athlete: m.athlete, date: m.date), default: []].append(m)
        }
        return groups.keys.sorted().map { key in
            let group = groups[key]!
            let conventional = ConventionalRatio.findings(in: group, profile: profile)
            return Assessment(
                athlete: key.athlete, date: key.date, info: sessions[key], measurements: group,
                findings: conventional.findings, notes: conventional.notes)
        }
    }
}
