import StrengthModel

/// The order of day and month in dates such as `03/04/2024`.
public enum DateOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// Decide per column from the values: a first part above 12 means day first.
    case auto
    /// `YYYY-MM-DD` only.
    case iso
    case dayMonthYear = "dmy"
    case monthDayYear = "mdy"
}

public enum DecimalMark: String, Sendable, Hashable, CaseIterable, Codable {
    case point = "."
    case comma = ","
}

/// Choices the user can make about how files are read; everything else is sniffed.
public struct ImportOptions: Sendable, Hashable {
    public var dateOrder: DateOrder
    /// Forces the decimal mark instead of sniffing it.
    public var decimalMark: DecimalMark?
    /// Unit for value columns whose header names none.
    public var defaultUnit: MeasurementUnit?
    /// Athlete id for files without an athlete column; the file name otherwise.
    public var athlete: String?
    /// Stop at the first rejected row.
    public var strict: Bool
    /// Rejections listed per file; more are counted but not listed.
    public var diagnosticLimitPerFile: Int
    /// For single-person exports that do not say: body mass, sex, test date.
    public var bodyMassKg: Double?
    public var sex: Sex?
    /// Also for files that do not say: age in years, sport, involved side, ACL reconstruction.
    public var age: Int?
    public var sport: String?
    public var involvedSide: Side?
    public var aclReconstruction: Bool?
    public var testDate: TestDate?
    /// Unit of gym-app weights when the export does not name one.
    public var weightUnit: MeasurementUnit?
    /// Exercise names (any case and punctuation) the user maps to leg curl, leg extension or nothing.
    public var exercises: [String: ExerciseKind]
    /// A description of a layout no adapter knows (`--mapping FILE`).
    public var mapping: Mapping?
    /// Test dates after this day are flagged as in the future (today, by the system clock).
    public var today: TestDate

    public init(
        dateOrder: DateOrder = .auto, decimalMark: DecimalMark? = nil, defaultUnit: MeasurementUnit? = nil,
        athlete: String? = nil, strict: Bool = false, diagnosticLimitPerFile: Int = 200, bodyMassKg: Double? = nil,
        sex: Sex? = nil, testDate: TestDate? = nil, weightUnit: MeasurementUnit? = nil,
        exercises: [String: ExerciseKind] = [:], mapping: Mapping? = nil, today: TestDate = .today(),
        age: Int? = nil, sport: String? = nil, involvedSide: Side? = nil, aclReconstruction: Bool? = nil
    ) {
        self.age = age
        self.sport = sport
        self.involvedSide = involvedSide
        self.aclReconstruction = aclReconstruction
        self.today = today
        self.dateOrder = dateOrder
        self.decimalMark = decimalMark
        self.defaultUnit = defaultUnit
        self.athlete = athlete
        self.strict = strict
        self.diagnosticLimitPerFile = diagnosticLimitPerFile
        self.bodyMassKg = bodyMassKg
        self.sex = sex
        self.testDate = testDate
        self.weightUnit = weightUnit
        self.exercises = exercises
        self.mapping = mapping
        if let mapping {
            self.dateOrder = mapping.dateOrder ?? dateOrder
            self.decimalMark = mapping.decimalMark ?? decimalMark
            self.defaultUnit = mapping.unit ?? defaultUnit
        }
    }
}
