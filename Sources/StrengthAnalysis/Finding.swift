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

    // Dates, verdicts and the flag first, together: placed between the numbers, each left seven bytes
    // of padding.
    public var previousDate: TestDate
    public var firstDate: TestDate
    public var verdictSincePrevious: Verdict
    public var verdictSinceFirst: Verdict
    /// A ratio that rose because the quadriceps got weaker rather than the hamstrings stronger: not
    /// progress, and never a reason to move the program on.
    public var quadricepsDriven = false
    public var previousValue: Double
    public var sincePrevious: Double
    public var firstValue: Double
    public var sinceFirst: Double
    /// Changes smaller than this are within measurement noise.
    public var noise: Double
    public var noiseSource: String

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
///
/// A value type whose fields live in one shared box, copied only when a copy is changed: findings
/// are passed through analysis, retests, the squad standing and every renderer, and copying two dozen
/// strings and arrays each time was a fifth of a squad report's time (retain/release).
public struct Finding: Sendable, Hashable {
    // Ordered so that one-byte fields fill the bytes after an optional number's flag: a squad report
    // makes and frees a few hundred thousand of these, and each byte less is memory not touched.
    struct Fields: Sendable, Hashable {
        var velocity: Double?
        var measure: Measure
        var side: Side?
        var muscle: MuscleGroup?
        var contraction: Contraction?
        var weakerSide: Side?
        var band: Band
        var confirmation: Confirmation?
        var angle: Double?
        var value: Double
        var reason: Reason
        var threshold: ThresholdUsed?
        var inputs: Inputs
        var rows: Rows
        var caveats: [String]
        var change: Change?
        var populationNote: String?
        var missingDetails: [MissingDetail] = []
        var velocityPair: VelocityPair?
        var squadPercentile: Int?
        var squadSize: Int?
        var exercise: String?
    }

    private final class Storage: @unchecked Sendable {
        // Written only through `unique()`, so never while another value shares it.
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Findings compare by their words, inputs and rows, however those are held.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.storage.fields == rhs.storage.fields && lhs.reason == rhs.reason && lhs.inputs == rhs.inputs
                && lhs.measurements == rhs.measurements)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
        hasher.combine(reason)
        hasher.combine(inputs)
        hasher.combine(measurements)
    }

    public var measure: Measure {
        get { storage.fields.measure }
        set { unique().fields.measure = newValue }
    }
    /// nil for a bilateral measure.
    public var side: Side? {
        get { storage.fields.side }
        set { unique().fields.side = newValue }
    }
    /// deg/s, or nil.
    public var velocity: Double? {
        get { storage.fields.velocity }
        set { unique().fields.velocity = newValue }
    }
    /// For the mixed functional ratio: the eccentric and concentric velocities.
    public var velocityPair: VelocityPair? {
        get { storage.fields.velocityPair }
        set { unique().fields.velocityPair = newValue }
    }
    /// Knee angle of isometric findings, when known.
    public var angle: Double? {
        get { storage.fields.angle }
        set { unique().fields.angle = newValue }
    }
    /// For asymmetry and per-muscle findings.
    public var muscle: MuscleGroup? {
        get { storage.fields.muscle }
        set { unique().fields.muscle = newValue }
    }
    public var contraction: Contraction? {
        get { storage.fields.contraction }
        set { unique().fields.contraction = newValue }
    }
    /// The weaker limb of an asymmetry finding.
    public var weakerSide: Side? {
        get { storage.fields.weakerSide }
        set { unique().fields.weakerSide = newValue }
    }
    /// A ratio as a fraction, an asymmetry in percent, a force in newtons, Nm/kg, or criteria met.
    public var value: Double {
        get { storage.fields.value }
        set { unique().fields.value = newValue }
    }
    public var band: Band {
        get { storage.fields.band }
        set { unique().fields.band = newValue }
    }
    /// The finding in plain words, with the threshold it was compared to.
    public var reason: String {
        get { storage.fields.reason.text(of: self) }
        set { unique().fields.reason = Reason(written: newValue) }
    }

    /// Sets the reason to words written only if someone reads them.
    public mutating func setReason(_ words: @escaping @Sendable () -> String) {
        unique().fields.reason = Reason(deferred: words)
    }
    public var threshold: ThresholdUsed? {
        get { storage.fields.threshold }
        set { unique().fields.threshold = newValue }
    }
    /// The population of the threshold's cut-off, read without copying the whole threshold.
    public var cutoffPopulation: String? { storage.fields.threshold?.population }
    /// The numbers that went into the formula.
    public var inputs: [FindingInput] {
        get {
            switch storage.fields.inputs.source {
            case .list(let inputs): inputs
            case .fromRows(let names): names.inputs(storage.fields.rows)
            }
        }
        set { unique().fields.inputs = Inputs(.list(newValue)) }
    }
    /// The change since the previous test's verdict, and whether the quadriceps drove it, read without
    /// copying the change; nil on a first test.
    public var verdictSincePrevious: (Change.Verdict, quadricepsDriven: Bool)? {
        storage.fields.change.map { ($0.verdictSincePrevious, $0.quadricepsDriven) }
    }
    /// The first input's value, read without making the list.
    public var firstInputValue: Double? {
        switch storage.fields.inputs.source {
        case .list(let inputs): inputs.first?.value
        case .fromRows: storage.fields.rows.first?.value.si
        }
    }
    /// Whether the finding was judged against a cut-off, asked without copying the threshold.
    public var hasThreshold: Bool {
        // A pattern, not `!= nil`: the comparison copied the threshold (three strings) to compare it.
        if case .some = storage.fields.threshold { return true }
        return false
    }
    /// The rows those numbers came from.
    public var measurements: [Measurement] {
        get { storage.fields.rows.list }
        set {
            let storage = unique()
            // Inputs valued from the rows keep the values they had.
            if case .fromRows(let names) = storage.fields.inputs.source {
                storage.fields.inputs = Inputs(.list(names.inputs(storage.fields.rows)))
            }
            storage.fields.rows = Rows(newValue)
        }
    }
    /// The first of the rows, read without making the list.
    public var firstMeasurement: Measurement? { storage.fields.rows.first }
    /// The last of the rows, read without making the list.
    public var lastMeasurement: Measurement? { storage.fields.rows.last }
    /// How many rows, counted without making the list.
    public var measurementCount: Int { storage.fields.rows.count }
    /// Limits on how far the number can be trusted.
    public var caveats: [String] {
        get { storage.fields.caveats }
        set { unique().fields.caveats = newValue }
    }
    /// Set on retests.
    public var change: Change? {
        get { storage.fields.change }
        set { unique().fields.change = newValue }
    }
    /// Why a published cut-off was not applied to this athlete or protocol (not established for the
    /// population, or not for this protocol); nil when it was applied or none exists.
    public var populationNote: String? {
        get { storage.fields.populationNote }
        set { unique().fields.populationNote = newValue }
    }
    /// Details that would let a cut-off be applied, with the column or flag that supplies each.
    public var missingDetails: [MissingDetail] {
        get { storage.fields.missingDetails }
        set { unique().fields.missingDetails = newValue }
    }
    /// Asked of every finding of every session, without copying the list.
    public var hasMissingDetails: Bool { !storage.fields.missingDetails.isEmpty }
    /// For a between-leg difference at or above its red cut-off: one session waits for a second.
    public var confirmation: Confirmation? {
        get { storage.fields.confirmation }
        set { unique().fields.confirmation = newValue }
    }
    /// Where the value stands in the squad, 0–100, when ten or more athletes' latest tests have the
    /// same measure: squad-relative, never a norm.
    public var squadPercentile: Int? {
        get { storage.fields.squadPercentile }
        set { unique().fields.squadPercentile = newValue }
    }
    /// How many athletes' latest tests the percentile is among.
    public var squadSize: Int? {
        get { storage.fields.squadSize }
        set { unique().fields.squadSize = newValue }
    }
    /// For a machine ratio: the curl machine (`lying leg curl`). Part of the identity, so a trend
    /// never compares two machines.
    public var exercise: String? {
        get { storage.fields.exercise }
        set { unique().fields.exercise = newValue }
    }

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
        storage = Storage(
            Fields(
                velocity: velocity, measure: measure, side: side, muscle: muscle, contraction: contraction,
                weakerSide: weakerSide, band: band, angle: angle, value: value, reason: Reason(written: reason),
                threshold: threshold, inputs: Inputs(.list(inputs)), rows: Rows(measurements), caveats: caveats,
                change: change, velocityPair: velocityPair))
    }

    /// A finding on two peaks of a session, held by reference to the session's peaks, with inputs named
    /// by `inputs` and valued from the peaks: two arrays fewer a finding, for the ratios and between-leg
    /// differences that are most of a session's findings. `words` makes the reason, if someone reads it,
    /// from the finding as it is then: a closure that holds nothing (or one shared by a session) costs no
    /// allocation per finding.
    init(
        measure: Measure, side: Side? = nil, velocity: Double? = nil, velocityPair: VelocityPair? = nil,
        angle: Double? = nil, muscle: MuscleGroup? = nil, contraction: Contraction? = nil, weakerSide: Side? = nil,
        value: Double, band: Band, threshold: ThresholdUsed?, inputs: Inputs.RowNames, rows: Rows,
        caveats: [String] = [], words: (@Sendable (Finding) -> String)? = nil, confirmation: Confirmation? = nil,
        populationNote: String? = nil, missingDetails: [MissingDetail] = []
    ) {
        // Everything at once: each field set afterwards asked whether the box was shared and wrote again.
        storage = Storage(
            Fields(
                velocity: velocity, measure: measure, side: side, muscle: muscle, contraction: contraction,
                weakerSide: weakerSide, band: band, confirmation: confirmation, angle: angle, value: value,
                reason: words.map { Reason(derived: $0) } ?? Reason(written: ""), threshold: threshold,
                inputs: Inputs(.fromRows(inputs)), rows: rows, caveats: caveats, change: nil,
                populationNote: populationNote, missingDetails: missingDetails, velocityPair: velocityPair))
    }

    /// The value as shown next to its band, with enough decimals never to contradict the band.
    public func shownValue(digits: Int) -> String {
        Formatting.banded(value, digits: digits, cutoffs: threshold?.cutoffs ?? [])
    }

    /// What makes two findings on different dates the same measure, for retests and squad standing:
    /// velocities to a tenth of a degree per second, angles to a whole degree.
    public var key: Key {
        func tenths(_ value: Double) -> Int { Int(saturating: (value * 10).rounded()) }
        return Key(
            measure: measure, side: side, muscle: muscle, contraction: contraction,
            velocityTenths: velocity.map(tenths),
            angle: angle.map { Int(saturating: $0.rounded()) }, exercise: exercise.map(Self.exerciseNames.number),
            eccentricTenths: velocityPair.map { tenths($0.eccentric) },
            concentricTenths: velocityPair.map { tenths($0.concentric) })
    }

    private static let exerciseNames = NameRegistry()

    public struct Key: Hashable, Sendable {
        var measure: Measure
        var side: Side?
        var muscle: MuscleGroup?
        var contraction: Contraction?
        var velocityTenths: Int?
        var angle: Int?
        /// The machine's name by number, so copying and comparing keys retains and compares no string.
        var exercise: UInt32?
        var eccentricTenths: Int?
        var concentricTenths: Int?

        // The likeliest difference first: retests find a finding's earlier self by comparing keys one
        // after another.
        public static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.measure == rhs.measure && lhs.velocityTenths == rhs.velocityTenths && lhs.side == rhs.side
                && lhs.muscle == rhs.muscle && lhs.contraction == rhs.contraction && lhs.angle == rhs.angle
                && lhs.eccentricTenths == rhs.eccentricTenths && lhs.concentricTenths == rhs.concentricTenths
                && lhs.exercise == rhs.exercise
        }
    }

    /// The key in words, e.g. `conventional-hq|left|-|-|60.0|-`.
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

/// A finding's words, written, or to be written when read: most runs (the CSV summary, the squad
/// table, the store's report) never read them, and writing every sentence was a third of the
/// analysis. Equal to every other, as a closure cannot be compared: `Finding` compares the words.
struct Reason: Sendable, Hashable {
    private enum Words {
        case written(String)
        case deferred(@Sendable () -> String)
        case derived(@Sendable (Finding) -> String)
    }

    private let words: Words

    init(written: String) { words = .written(written) }

    init(deferred: @escaping @Sendable () -> String) { words = .deferred(deferred) }

    init(derived: @escaping @Sendable (Finding) -> String) { words = .derived(derived) }

    func text(of finding: Finding) -> String {
        switch words {
        case .written(let text): text
        case .deferred(let write): write()
        case .derived(let write): write(finding)
        }
    }

    static func == (lhs: Reason, rhs: Reason) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
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
    public var worstBand: Band? {
        // Asked by the program, the summary and every renderer: one pass, no arrays, and by index, as
        // `for finding in` retains and releases every finding it passes.
        var worst: Band?
        for i in findings.indices {
            let band = findings[i].band
            if band != .info, worst.map({ band > $0 }) ?? true { worst = band }
        }
        return worst
    }

    public var displayName: String { info?.name ?? athlete }
}
