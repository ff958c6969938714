import StrengthModel

/// A small description of a layout no adapter knows, in the spirit of hledger's CSV rules:
///
/// ```
/// # Northside dynamometer export
/// skip 3
/// delimiter ;
/// decimal-mark ,
/// date-format dmy
/// columns athlete, -, date, side, muscle, velocity, peak torque (Nm)
/// constant contraction concentric
/// constant method isokinetic
/// unit Nm
/// ```
///
/// `columns` names the file's columns in order, with any header HQScreen understands (`-` for a
/// column to ignore); `constant NAME VALUE` adds a column with the same value on every row.
public struct Mapping: Sendable, Hashable {
    public struct Constant: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Lines before the header row.
    public var skip: Int?
    public var delimiter: UInt8?
    public var decimalMark: DecimalMark?
    public var dateOrder: DateOrder?
    /// Header names by position; nil keeps the file's own header.
    public var columns: [String]?
    public var constants: [Constant]
    public var unit: MeasurementUnit?
    /// The file is a training log (sets over weeks), summarised into windows like a gym app's export.
    public var trainingLog = false

    public init(
        skip: Int? = nil, delimiter: UInt8? = nil, decimalMark: DecimalMark? = nil, dateOrder: DateOrder? = nil,
        columns: [String]? = nil, constants: [Constant] = [], unit: MeasurementUnit? = nil
    ) {
        self.skip = skip
        self.delimiter = delimiter
        self.decimalMark = decimalMark
        self.dateOrder = dateOrder
        self.columns = columns
        self.constants = constants
        self.unit = unit
    }
}

/// A mistake in a mapping file, with its line.
public struct MappingError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

extension Mapping {
    public static let directives = [
        "skip", "delimiter", "decimal-mark", "date-format", "columns", "constant", "unit", "training-log",
    ]

    public static func parse(_ text: String, file: String) throws(MappingError) -> Mapping {
        var mapping = Mapping()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            var content = Substring(rawLine)
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let trimmed = String(content).trimmingSpaces.replacingTabs
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
            let directive =
                parts[0].lowercased().hasSuffix(":") ? String(parts[0].dropLast()).lowercased() : parts[0].lowercased()
            let argument = parts.count > 1 ? parts[1].trimmingSpaces : ""
            func fail(_ message: String) -> MappingError { MappingError(file: file, line: line, message: message) }
            guard !argument.isEmpty || directive == "columns" else { throw fail("'\(directive)' needs a value") }
            switch directive {
            case "skip":
                guard let count = Int(argument), (0...1000).contains(count) else {
                    throw fail("skip takes the number of lines before the header row, e.g. 'skip 3'")
                }
                mapping.skip = count
            case "delimiter", "separator":
                switch argument.lowercased() {
                case ",", "comma": mapping.delimiter = UInt8(ascii: ",")
                case ";", "semicolon": mapping.delimiter = UInt8(ascii: ";")
                case "tab", "\\t": mapping.delimiter = 0x09
                case "|", "pipe": mapping.delimiter = UInt8(ascii: "|")
                default: throw fail("delimiter must be one of: comma, semicolon, tab, pipe")
                }
            case "training-log":
                switch argument.lowercased() {
                case "yes", "true", "on": mapping.trainingLog = true
                case "no", "false", "off": mapping.trainingLog = false
                default: throw fail("training-log must be yes or no")
                }
            case "decimal-mark":
                switch argument.lowercased() {
                case ".", "point": mapping.decimalMark = .point
                case ",", "comma": mapping.decimalMark = .comma
                default: throw fail("decimal-mark must be point or comma")
                }
            case "date-format":
                guard let order = DateOrder(rawValue: argument.lowercased()) else {
                    throw fail("date-format must be one of: auto, iso, dmy, mdy")
                }
                mapping.dateOrder = order
            case "columns", "fields":
                let names = argument.split(separator: ",", omittingEmptySubsequences: false).map {
                    String($0).trimmingSpaces
                }
                guard names.count >= 2 else {
                    throw fail("columns lists the file's columns in order, separated by commas")
                }
                mapping.columns = names
            case "constant":
                let pair = argument.split(separator: " ", maxSplits: 1).map(String.init)
                guard pair.count == 2 else {
                    throw fail("constant takes a column name and a value, e.g. 'constant contraction isometric'")
                }
                mapping.constants.append(Constant(name: pair[0], value: pair[1].trimmingSpaces))
            case "unit":
                guard let unit = MeasurementUnit(spelling: argument) else {
                    throw fail("unit must be one of: Nm, ft-lb, N, kgf, lbf, kg, lb, reps")
                }
                mapping.unit = unit
            default:
                throw fail("unknown directive '\(parts[0])'; expected one of: \(directives.joined(separator: ", "))")
            }
        }
        return mapping
    }
}

extension Mapping {
    /// The header the adapters see: the mapping's names (or the file's own), then one column per constant.
    /// Columns beyond the mapping's list keep the file's names.
    func header(replacing fileHeader: [String]) -> [String] {
        var names = fileHeader
        if let columns {
            for (i, name) in columns.enumerated() {
                let replacement = name == "-" ? "ignored column \(i + 1)" : name
                if i < names.count { names[i] = replacement } else { names.append(replacement) }
            }
        }
        return names + constants.map(\.name)
    }
}

extension String {
    fileprivate var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }
}
