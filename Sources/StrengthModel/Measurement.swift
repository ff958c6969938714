/// One strength test result of one muscle group on one limb, in SI units.
///
/// Stored properties are ordered small-first so a million of them pack tightly.
public struct Measurement: Sendable, Hashable {
    public var athlete: String
    public var date: TestDate
    public var side: Side
    public var muscle: MuscleGroup
    public var contraction: Contraction
    /// The unit the file gave, kept so reports can show what the user typed.
    public var sourceUnit: MeasurementUnit
    public var method: TestMethod
    /// nil when the file does not say.
    public var gravityCorrected: Bool?
    /// Angular velocity in degrees per second; nil for isometric tests and load-based tests.
    public var velocity: Double?
    /// Knee angle in degrees for isometric tests, when known.
    public var angle: Double?
    public var value: Quantity
    public var source: SourceLocation

    public init(
        athlete: String, date: TestDate, side: Side, muscle: MuscleGroup, contraction: Contraction,
        velocity: Double?, angle: Double? = nil, value: Quantity, sourceUnit: MeasurementUnit,
        method: TestMethod, gravityCorrected: Bool? = nil, source: SourceLocation
    ) {
        self.athlete = athlete
        self.date = date
        self.side = side
        self.muscle = muscle
        self.contraction = contraction
        self.velocity = velocity
        self.angle = angle
        self.value = value
        self.sourceUnit = sourceUnit
        self.method = method
        self.gravityCorrected = gravityCorrected
        self.source = source
    }

    /// The value in the unit the file used.
    public var valueInSourceUnit: Double { value.si / sourceUnit.toSI }
}
