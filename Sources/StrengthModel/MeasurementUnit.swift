/// What a strength value physically is. Each dimension has one SI unit used inside HQScreen.
public enum PhysicalDimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored in newton metres.
    case torque
    /// Stored in newtons.
    case force
    /// A lifted load, stored in kilograms.
    case mass
    /// Repetitions to failure of a field test such as the single-leg hamstring bridge.
    case count

    public var siSymbol: String {
        switch self {
        case .torque: "Nm"
        case .force: "N"
        case .mass: "kg"
        case .count: "reps"
        }
    }
}

/// A unit as it appears in an input file. Values are converted to SI once, at import.
public enum MeasurementUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case newtonMetre = "Nm"
    case footPound = "ft-lb"
    case newton = "N"
    case kilogramForce = "kgf"
    case poundForce = "lbf"
    case kilogram = "kg"
    case pound = "lb"
    case repetitions = "reps"

    public var dimension: PhysicalDimension {
        switch self {
        case .newtonMetre, .footPound: .torque
        case .newton, .kilogramForce, .poundForce: .force
        case .kilogram, .pound: .mass
        case .repetitions: .count
        }
    }

    /// The unit values of a dimension are kept in.
    public static func si(of dimension: PhysicalDimension) -> MeasurementUnit {
        switch dimension {
        case .torque: .newtonMetre
        case .force: .newton
        case .mass: .kilogram
        case .count: .repetitions
        }
    }

    /// Multiplier from this unit to the SI unit of its dimension.
    public var toSI: Double {
        switch self {
        case .newtonMetre, .newton, .kilogram, .repetitions: 1
        case .footPound: 1.355_817_9
        case .kilogramForce: 9.806_65
        case .poundForce: 4.448_221_6
        case .pound: 0.453_592_37
        }
    }

    /// Recognises the spellings seen in real headers and unit columns:
    /// `Nm`, `N·m`, `N-m`, `ft-lbs`, `ft·lbf`, `lb-ft`, `kgs`, `lbs`, `newtons` and so on.
    public init?(spelling: some StringProtocol) {
        var key = ""
        for scalar in spelling.unicodeScalars {
            switch scalar {
            case " ", "-", "_", ".", "·", "⋅", "*", "\u{2011}", "\u{2013}": continue
            default: key.unicodeScalars.append(scalar)
            }
        }
        switch key.lowercased() {
        case "nm", "newtonmetre", "newtonmetres", "newtonmeter", "newtonmeters": self = .newtonMetre
        case "ftlb", "ftlbs", "ftlbf", "lbft", "lbsft", "lbfft", "footpound", "footpounds": self = .footPound
        case "n", "newton", "newtons": self = .newton
        case "kgf", "kp", "kilogramforce": self = .kilogramForce
        case "lbf", "poundforce": self = .poundForce
        case "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos": self = .kilogram
        case "lb", "lbs", "pound", "pounds": self = .pound
        case "reps", "rep", "repetitions", "count": self = .repetitions
        default: return nil
        }
    }
}
