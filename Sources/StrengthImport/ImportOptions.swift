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

    public init(
        dateOrder: DateOrder = .auto, decimalMark: DecimalMark? = nil, defaultUnit: MeasurementUnit? = nil,
        athlete: String? = nil, strict: Bool = false, diagnosticLimitPerFile: Int = 200
    ) {
        self.dateOrder = dateOrder
        self.decimalMark = decimalMark
        self.defaultUnit = defaultUnit
        self.athlete = athlete
        self.strict = strict
        self.diagnosticLimitPerFile = diagnosticLimitPerFile
    }
}
