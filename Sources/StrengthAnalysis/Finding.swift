import StrengthModel

/// What a finding measures. Raw values are the JSON contract's `measure` strings.
public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    case conventionalHQ = "conventional-hq"
    case functionalHQ = "functional-hq"
    case isometricHQ = "isometric-hq"
    case machine1RMHQ = "machine-1rm-hq"
    case nordicForce = "nordic-force"
    case asymmetry
}

/// One observation about an athlete-session, with the numbers it came from.
public struct Finding: Sendable, Hashable {
    public var measure: Measure
    /// nil for a bilateral measure.
    public var side: Side?
    /// deg/s, or nil.
    public var velocity: Double?
    /// For asymmetry findings.
    public var muscle: MuscleGroup?
    /// A ratio as a fraction, or an asymmetry in percent.
    public var value: Double
    public var band: Band
    /// The finding in plain words, with the threshold it was compared to.
    public var reason: String
    public var threshold: ConventionalThreshold?
    public var inputs: [Measurement]
    /// Limits on how far the number can be trusted.
    public var caveats: [String]

    public init(
        measure: Measure, side: Side?, velocity: Double?, muscle: MuscleGroup?, value: Double, band: Band,
        reason: String, threshold: ConventionalThreshold?, inputs: [Measurement], caveats: [String]
    ) {
        self.measure = measure
        self.side = side
        self.velocity = velocity
        self.muscle = muscle
        self.value = value
        self.band = band
        self.reason = reason
        self.threshold = threshold
        self.inputs = inputs
        self.caveats = caveats
    }
}

/// Everything HQScreen concluded about one athlete on one test date.
public struct Assessment: Sendable, Hashable {
    public var athlete: String
    public var date: TestDate
    public var info: SessionInfo?
    public var measurements: [Measurement]
    public var findings: [Finding]
    /// Measurements that could not be paired, and why.
    public var notes: [String]

    public init(
        athlete: String, date: TestDate, info: SessionInfo?, measurements: [Measurement], findings: [Finding],
        notes: [String]
    ) {
        self.athlete = athlete
        self.date = date
        self.info = info
        self.measurements = measurements
        self.findings = findings
        self.notes = notes
    }

    /// The worst band among the findings that carry a flag.
    public var worstBand: Band? { findings.map(\.band).filter { $0 != .info }.max() }

    public var displayName: String { info?.name ?? athlete }
}
