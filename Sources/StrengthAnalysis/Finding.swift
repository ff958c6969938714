import StrengthModel

/// What a finding measures. Raw values are the JSON contract's `measure` strings.
public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    case conventionalHQ = "conventional-hq"
    case functionalHQ = "functional-hq"
    case isometricHQ = "isometric-hq"
    case machine1RMHQ = "machine-1rm-hq"
    case nordicForce = "nordic-force"
    case asymmetry
    case limbSymmetryIndex = "limb-symmetry-index"
    case torquePerBodyMass = "torque-per-body-mass"
    case croisierComposite = "croisier-composite"
    case singleLegBridge = "single-leg-bridge"
    /// A muscle's strength change between tests, shown when it explains a ratio's change.
    case strengthChange = "strength-change"

    /// Whether a larger value is the better one, for bands and retest verdicts.
    public var higherIsBetter: Bool {
        switch self {
        case .asymmetry, .croisierComposite: false
        default: true
        }
    }
}

/// The numbers and source a finding was judged against.
public struct ThresholdUsed: Sendable, Hashable {
    /// Higher-is-better measures: green at or above. Lower-is-better: amber from here.
    public var green: Double?
    /// Higher-is-better: red below. Lower-is-better: red at or above. nil: no red band.
    public var red: Double?
    public var higherIsBetter: Bool
    /// `ratio`, `%`, `N`, `Nm/kg`, `criteria`.
    public var unit: String
    /// For conventional ratios, the profile velocity the row belongs to.
    public var velocity: Double?
    public var source: String
    public var population: String

    /// The numbers a displayed value must not be rounded across.
    public var cutoffs: [Double] { [green, red].compactMap { $0 } }

    public init(
        green: Double?, red: Double?, higherIsBetter: Bool, unit: String, velocity: Double? = nil, source: String,
        population: String
    ) {
        self.green = green
        self.red = red
        self.higherIsBetter = higherIsBetter
        self.unit = unit
        self.velocity = velocity
        self.source = source
        self.population = population
    }

    /// Bands the value itself, never a rounded copy: 0.5998 is below 0.60 and 14.73% below 15%.
    /// Displays use `Formatting.banded` so the number shown agrees with the band.
    public func band(for shown: Double) -> Band {
        if higherIsBetter {
            if let red, shown < red { return .red }
            guard let green else { return .info }
            return shown >= green ? .green : .amber
        }
        if let red, shown >= red { return .red }
        guard let green else { return .info }
        return shown < green ? .green : .amber
    }
}

/// A number that went into a finding's formula, with its unit.
public struct FindingInput: Sendable, Hashable {
    public var name: String
    public var value: Double
    public var unit: String

    public init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// How a measure moved between an athlete's tests.
public struct Change: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case improved
        case noClearChange = "no-clear-change"
        case worse
    }

    public var previousDate: TestDate
    public var previousValue: Double
    public var sincePrevious: Double
    public var verdictSincePrevious: Verdict
    public var firstDate: TestDate
    public var firstValue: Double
    public var sinceFirst: Double
    public var verdictSinceFirst: Verdict
    /// Changes smaller than this are within measurement noise.
    public var noise: Double
    public var noiseSource: String
    /// A ratio that rose because the quadriceps got weaker rather than the hamstrings stronger: not
    /// progress, and never a reason to move the program on.
    public var quadricepsDriven = false

    public init(
        previousDate: TestDate, previousValue: Double, sincePrevious: Double, verdictSincePrevious: Verdict,
        firstDate: TestDate, firstValue: Double, sinceFirst: Double, verdictSinceFirst: Verdict, noise: Double,
        noiseSource: String
    ) {
        self.previousDate = previousDate
        self.previousValue = previousValue
        self.sincePrevious = sincePrevious
        self.verdictSincePrevious = verdictSincePrevious
        self.firstDate = firstDate
        self.firstValue = firstValue
        self.sinceFirst = sinceFirst
        self.verdictSinceFirst = verdictSinceFirst
        self.noise = noise
        self.noiseSource = noiseSource
    }
}

/// One observation about an athlete-session, with the numbers it came from.
public struct Finding: Sendable, Hashable {
    public var measure: Measure
    /// nil for a bilateral measure.
    public var side: Side?
    /// deg/s, or nil.
    public var velocity: Double?
    /// For the mixed functional ratio: the eccentric and concentric velocities.
    public var velocityPair: VelocityPair?
    /// Knee angle of isometric findings, when known.
    public var angle: Double?
    /// For asymmetry and per-muscle findings.
    public var muscle: MuscleGroup?
    public var contraction: Contraction?
    /// The weaker limb of an asymmetry finding.
    public var weakerSide: Side?
    /// A ratio as a fraction, an asymmetry in percent, a force in newtons, Nm/kg, or criteria met.
    public var value: Double
    public var band: Band
    /// The finding in plain words, with the threshold it was compared to.
    public var reason: String
    public var threshold: ThresholdUsed?
    /// The numbers that went into the formula.
    public var inputs: [FindingInput]
    /// The rows those numbers came from.
    public var measurements: [Measurement]
    /// Limits on how far the number can be trusted.
    public var caveats: [String]
    /// Set on retests.
    public var change: Change?
    /// Why a published cut-off was not applied to this athlete or protocol (not established for the
    /// population, or not for this protocol); nil when it was applied or none exists.
    public var populationNote: String?
    /// Details that would let a cut-off be applied, with the column or flag that supplies each.
    public var missingDetails: [MissingDetail] = []
    /// For a between-leg difference at or above its red cut-off: one session waits for a second.
    public var confirmation: Confirmation?
    /// Where the value stands in the squad, 0–100, when ten or more athletes' latest tests have the
    /// same measure: squad-relative, never a norm.
    public var squadPercentile: Int?
    /// How many athletes' latest tests the percentile is among.
    public var squadSize: Int?
    /// For a machine ratio: the curl machine (`lying leg curl`). Part of the identity, so a trend
    /// never compares two machines.
    public var exercise: String?

    public enum Confirmation: String, Sendable, Hashable, Codable {
        /// Red-sized on this test only: counted as amber until a second test day shows it again.
        case pendingSecondTest = "pending-second-test"
        /// The same weaker side, as large, on a second test within the profile's window.
        case confirmed
    }

    public init(
        measure: Measure, side: Side? = nil, velocity: Double? = nil, velocityPair: VelocityPair? = nil,
        angle: Double? = nil, muscle: MuscleGroup? = nil, contraction: Contraction? = nil, weakerSide: Side? = nil,
        value: Double, band: Band, reason: String, threshold: ThresholdUsed?, inputs: [FindingInput],
        measurements: [Measurement], caveats: [String] = [], change: Change? = nil
    ) {
        self.measure = measure
        self.side = side
        self.velocity = velocity
        self.velocityPair = velocityPair
        self.angle = angle
        self.muscle = muscle
        self.contraction = contraction
        self.weakerSide = weakerSide
        self.value = value
        self.band = band
        self.reason = reason
        self.threshold = threshold
        self.inputs = inputs
        self.measurements = measurements
        self.caveats = caveats
        self.change = change
    }

    /// The value as shown next to its band, with enough decimals never to contradict the band.
    public func shownValue(digits: Int) -> String {
        Formatting.banded(value, digits: digits, cutoffs: threshold?.cutoffs ?? [])
    }

    /// What makes two findings on different dates the same measure, for retests.
    public var identity: String {
        var parts = [measure.rawValue, side?.rawValue ?? "-", muscle?.rawValue ?? "-", contraction?.rawValue ?? "-"]
        parts.append(velocity.map { Formatting.fixed($0, digits: 1) } ?? "-")
        parts.append(angle.map { Formatting.fixed($0, digits: 0) } ?? "-")
        if let exercise { parts.append(exercise) }
        if let velocityPair {
            parts.append(
                "\(Formatting.fixed(velocityPair.eccentric, digits: 1))/\(Formatting.fixed(velocityPair.concentric, digits: 1))"
            )
        }
        return parts.joined(separator: "|")
    }
}

public struct VelocityPair: Sendable, Hashable {
    public var eccentric: Double
    public var concentric: Double

    public init(eccentric: Double, concentric: Double) {
        self.eccentric = eccentric
        self.concentric = concentric
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
    /// For a training log: the days this assessment summarises; nil for a test day.
    public var window: DateWindow?
    /// For a training log: the workouts with knee work in the window, oldest first.
    public var workouts: [TestDate] = []

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
