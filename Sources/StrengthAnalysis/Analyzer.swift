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
        var assessments = groups.keys.sorted().map { key in
            assess(athlete: key.athlete, date: key.date, measurements: groups[key]!, info: sessions[key])
        }
        Retest.annotate(&assessments, profile: profile)
        return assessments
    }

    /// One session: every measure whose protocol is present, and notes for what could not be paired.
    public func assess(athlete: String, date: TestDate, measurements: [Measurement], info: SessionInfo?) -> Assessment {
        let index = PeakIndex(measurements)
        let conventional = ConventionalRatio.findings(index, info: info, profile: profile)
        let functional = FunctionalRatio.findings(index, profile: profile)
        let isometric = IsometricRatio.findings(index, profile: profile)
        let machine = MachineRatio.findings(measurements, info: info, profile: profile)
        var findings = conventional.findings + functional.findings + isometric.findings + machine.findings
        findings += NordicForce.findings(index, info: info, profile: profile)
        findings += Asymmetry.findings(index, info: info, profile: profile)
        findings += RelativeTorque.findings(index, info: info, profile: profile)
        findings += BridgeTest.findings(index, rule: profile.bridge)
        if let composite = CroisierComposite.finding(findings, index: index, rule: profile.croisier, profile: profile) {
            findings.append(composite)
        }
        var notes: [String] = conventional.notes
        notes += functional.notes
        notes += isometric.notes
        notes += machine.notes
        notes += Self.withoutVelocityNote(measurements)
        notes += Self.unbandedNotes(findings)
        return Assessment(
            athlete: athlete, date: date, info: info, measurements: measurements, findings: findings, notes: notes)
    }

    /// Why some results carry no band, once each, and which details would let more cut-offs apply:
    /// every format shows the notes, so no finding is left unbanded without a word.
    static func unbandedNotes(_ findings: [Finding]) -> [String] {
        var notes: [String] = []
        for finding in findings where finding.band == .info {
            guard let note = finding.populationNote, note.hasPrefix("No threshold") || note.hasPrefix("Non-standard")
            else { continue }
            if !notes.contains(note) { notes.append(note) }
        }
        var missing: [MissingDetail] = []
        for detail in findings.flatMap(\.missingDetails) where !missing.contains(detail) { missing.append(detail) }
        if !missing.isEmpty {
            notes.append(
                "More cut-offs could apply with these details: "
                    + missing.map { "\($0.detail) (\($0.supply))" }.joined(separator: "; "))
        }
        return notes
    }

    /// Concentric and eccentric torques pair only at a known speed; without one they would be left
    /// out of every ratio without a word.
    static func withoutVelocityNote(_ measurements: [Measurement]) -> [String] {
        let count = measurements.count {
            $0.value.dimension == .torque && $0.contraction != .isometric && $0.velocity == nil
        }
        guard count > 0 else { return [] }
        return [
            "\(count) torque measurement\(count == 1 ? " has" : "s have") no test velocity, so no ratio could use "
                + "\(count == 1 ? "it" : "them"): add a velocity column in degrees per second, e.g. 'Velocity (deg/s)'"
        ]
    }
}
