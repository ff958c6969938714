import StrengthModel

/// How sure an adapter is that a header row is its own, and what it would still need.
public struct Identification: Sendable, Equatable {
    /// 0 means "not mine"; higher is surer. Generic layouts stay below device-specific ones.
    public var confidence: Int
    /// Column roles the adapter looked for and did not find, in plain words.
    public var missing: [String]

    public init(confidence: Int, missing: [String] = []) {
        self.confidence = confidence
        self.missing = missing
    }

    public static let no = Identification(confidence: 0)
}

/// Everything an adapter needs to read a file besides the rows.
struct ExtractionContext {
    var file: String
    var options: ImportOptions
    var decimalMark: DecimalMark
    /// Athlete id for files that name none.
    var fallbackAthlete: String
    /// Lines above the header, split into fields, for adapters that keep metadata there.
    var preamble: [[String]] = []
}

/// A file does not fit an adapter; the message says what to change.
struct LayoutError: Error, Equatable {
    var message: String
}

/// One source format: recognises its header (identify), then reads its rows (extract).
protocol LayoutAdapter: Sendable {
    /// Stable name used in JSON output and by `--input-format`.
    static var name: String { get }
    /// One line for `hqscreen formats` and error messages.
    static var summary: String { get }
    static func identify(_ header: [HeaderColumn]) -> Identification
    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
}

/// Turns one record into measurements and says what became of the row.
protocol RowExtractor {
    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome
    /// The columns this extractor reads (0-based) and as what; the rest are reported as unused.
    var columnUses: ColumnUses { get }
    /// Called once after the last row, for summaries an adapter gathered along the way.
    mutating func finish(into sink: inout FileCollector)
}

extension RowExtractor {
    mutating func finish(into sink: inout FileCollector) {}
}

/// The adapters HQScreen knows, surest first when confidences tie.
enum AdapterRegistry {
    static let all: [any LayoutAdapter.Type] = [
        StrongAdapter.self, HevyAdapter.self, FitNotesAdapter.self, FitbodAdapter.self, ValdNordBordAdapter.self,
        ValdForceFrameAdapter.self, BiodexReportAdapter.self, HandHeldLogAdapter.self,
        GenericLongAdapter.self, GenericWideAdapter.self,
    ]

    static func named(_ name: String) -> (any LayoutAdapter.Type)? {
        all.first { $0.name == name }
    }
}
