/// A message about the input, tied to the place in the file it concerns.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Something the user may want to know; nothing was lost.
        case info
        /// A row was skipped on purpose, or a value was read with an assumption.
        case warning
        /// A row was rejected, or a whole file could not be read.
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String
    /// The athlete whose row this is about, when the row got as far as naming one; nil for
    /// messages about a whole file or rows of several athletes. Per-athlete reports keep only their own.
    public var athlete: String?

    public init(
        file: String, line: Int?, column: Int? = nil, severity: Severity, message: String, athlete: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.athlete = athlete
    }

    /// `file:line:column: severity: message`, the form compilers use so editors can jump to it.
    public var formatted: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(severity.rawValue): \(message)"
    }

    enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message, athlete
    }

    // Keys with no value are written as null rather than left out, so the JSON shape is fixed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(athlete, forKey: .athlete)
    }
}
