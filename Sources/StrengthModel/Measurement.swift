/// One strength test result of one muscle group, in SI units.
///
/// Stored properties are ordered so that padding is left only inside the source location and after the
/// last field: the value's one-byte dimension is followed by seven one-byte fields, and the two optional
/// numbers are held in eight bytes each. A squad file holds millions of measurements (64 bytes each,
/// from 88).
public struct Measurement: Sendable, Hashable {
    public var value: Quantity
    /// nil when both legs worked together, as on most gym machines.
    public var side: Side?
    public var muscle: MuscleGroup
    public var contraction: Contraction
    /// The unit the file gave, kept so reports can show what the user typed.
    public var sourceUnit: MeasurementUnit
    public var method: TestMethod
    /// nil when the file does not say.
    public var gravityCorrected: Bool?
    /// Which leg-curl machine, for gym sets: seated, lying and standing curls are different exercises.
    public var machine: MachineVariant?
    private var packedVelocity: PackedOptionalDouble
    private var packedAngle: PackedOptionalDouble
    /// The athlete id's number in `AthleteNames`: a measurement holds no reference, so it copies as
    /// plain bytes.
    public private(set) var athleteNumber: UInt32
    public var date: TestDate
    public var source: SourceLocation
    /// Repetitions of a load-based set; nil for dynamometer tests (and for a measured 1RM, 1).
    public var repetitions: UInt16?
    /// Seated, prone, …; nil when the file does not say.
    public var position: BodyPosition?
    /// Warm-up sets are kept for the record but never used for a 1RM estimate.
    public var isWarmUp: Bool
    /// Drop sets (a lighter set straight after a working set) are not working sets either.
    public var isDropSet: Bool
    /// From a training log (a gym app, or a set log described by a mapping file): summarised into
    /// windows of days rather than judged workout by workout.
    public var fromTrainingLog: Bool

    /// Angular velocity in degrees per second; nil for isometric tests and load-based tests.
    public var velocity: Double? {
        get { packedVelocity.value }
        set { packedVelocity = PackedOptionalDouble(newValue) }
    }

    /// Knee angle in degrees for isometric tests, when known.
    public var angle: Double? {
        get { packedAngle.value }
        set { packedAngle = PackedOptionalDouble(newValue) }
    }

    public init(
        athlete: String, date: TestDate, side: Side?, muscle: MuscleGroup, contraction: Contraction,
        velocity: Double?, angle: Double? = nil, value: Quantity, sourceUnit: MeasurementUnit,
        method: TestMethod, gravityCorrected: Bool? = nil, repetitions: UInt16? = nil, isWarmUp: Bool = false,
        position: BodyPosition? = nil, source: SourceLocation, isDropSet: Bool = false, fromTrainingLog: Bool = false,
        machine: MachineVariant? = nil
    ) {
        self.init(
            athleteNumber: AthleteNames.number(athlete), date: date, side: side, muscle: muscle,
            contraction: contraction, velocity: velocity, angle: angle, value: value, sourceUnit: sourceUnit,
            method: method, gravityCorrected: gravityCorrected, repetitions: repetitions, isWarmUp: isWarmUp,
            position: position, source: source, isDropSet: isDropSet, fromTrainingLog: fromTrainingLog,
            machine: machine)
    }

    /// For importers that number each athlete once rather than once per row.
    public init(
        athleteNumber: UInt32, date: TestDate, side: Side?, muscle: MuscleGroup, contraction: Contraction,
        velocity: Double?, angle: Double? = nil, value: Quantity, sourceUnit: MeasurementUnit,
        method: TestMethod, gravityCorrected: Bool? = nil, repetitions: UInt16? = nil, isWarmUp: Bool = false,
        position: BodyPosition? = nil, source: SourceLocation, isDropSet: Bool = false, fromTrainingLog: Bool = false,
        machine: MachineVariant? = nil
    ) {
        self.isDropSet = isDropSet
        self.fromTrainingLog = fromTrainingLog
        self.machine = machine
        self.athleteNumber = athleteNumber
        self.date = date
        self.side = side
        self.muscle = muscle
        self.contraction = contraction
        packedVelocity = PackedOptionalDouble(velocity)
        packedAngle = PackedOptionalDouble(angle)
        self.value = value
        self.sourceUnit = sourceUnit
        self.method = method
        self.gravityCorrected = gravityCorrected
        self.repetitions = repetitions
        self.isWarmUp = isWarmUp
        self.position = position
        self.source = source
    }

    /// The athlete's id, as the file gave it.
    public var athlete: String {
        get { AthleteNames.name(athleteNumber) }
        set { athleteNumber = AthleteNames.number(newValue) }
    }

    /// A set that counts for a 1RM estimate: not a warm-up, not a drop set.
    public var isWorkingSet: Bool { !isWarmUp && !isDropSet }

    /// The value in the unit the file used.
    public var valueInSourceUnit: Double { value.si / sourceUnit.toSI }
}
