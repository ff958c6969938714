/// How a CSV file was read: what the sniffer decided.
public struct DialectDescription: Sendable, Hashable, Codable {
    /// `,`, `;`, `\t` or `|`.
    public var delimiter: String
    /// `.` or `,`.
    public var decimalMark: String
    /// `utf-8` or `windows-1252`.
    public var encoding: String
    public var byteOrderMark: Bool
    /// `lf`, `crlf`, `cr`, or `none` for a one-line file.
    public var lineEnding: String
    public var finalNewline: Bool
    /// Lines before the header row (titles, "Exported by ..." notes).
    public var preambleLines: Int
    /// 1-based line of the header row.
    public var headerLine: Int

    public init(
        delimiter: String, decimalMark: String, encoding: String, byteOrderMark: Bool, lineEnding: String,
        finalNewline: Bool, preambleLines: Int, headerLine: Int
    ) {
        self.delimiter = delimiter
        self.decimalMark = decimalMark
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.finalNewline = finalNewline
        self.preambleLines = preambleLines
        self.headerLine = headerLine
    }
}

/// One column of a file's header and what HQScreen read it as; `readAs` nil means not used.
public struct ColumnReport: Sendable, Hashable, Codable {
    /// 1-based, as the diagnostics count columns.
    public var column: Int
    public var header: String
    public var readAs: String?

    public init(column: Int, header: String, readAs: String?) {
        self.column = column
        self.header = header
        self.readAs = readAs
    }

    enum CodingKeys: String, CodingKey { case column, header, readAs }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encode(header, forKey: .header)
        try c.encode(readAs, forKey: .readAs)
    }
}

/// A gym exercise the log has that is not a leg curl or leg extension, and how many sets of it.
public struct ExerciseCount: Sendable, Hashable, Codable {
    public var name: String
    public var sets: Int

    public init(name: String, sets: Int) {
        self.name = name
        self.sets = sets
    }
}

/// Row accounting; `rowsRead == rowsImported + rowsSkipped + rowsRejected` always holds.
public struct RowCounts: Sendable, Hashable, Codable {
    /// Data records after the header row; blank lines are not records.
    public var rowsRead = 0
    public var rowsImported = 0
    /// Rows that are valid but not knee strength tests (or carry no value): left out on purpose.
    public var rowsSkipped = 0
    /// Rows that could not be read; each has an error diagnostic.
    public var rowsRejected = 0

    public init(rowsRead: Int = 0, rowsImported: Int = 0, rowsSkipped: Int = 0, rowsRejected: Int = 0) {
        self.rowsRead = rowsRead
        self.rowsImported = rowsImported
        self.rowsSkipped = rowsSkipped
        self.rowsRejected = rowsRejected
    }

    public var isBalanced: Bool { rowsRead == rowsImported + rowsSkipped + rowsRejected }

    public static func + (lhs: RowCounts, rhs: RowCounts) -> RowCounts {
        RowCounts(
            rowsRead: lhs.rowsRead + rhs.rowsRead, rowsImported: lhs.rowsImported + rhs.rowsImported,
            rowsSkipped: lhs.rowsSkipped + rhs.rowsSkipped, rowsRejected: lhs.rowsRejected + rhs.rowsRejected)
    }
}

/// What happened to one input file.
public struct FileImportSummary: Sendable, Hashable, Codable {
    public var path: String
    /// The adapter that read the file (`generic-long`, `generic-wide`), or nil when none could.
    public var format: String?
    public var dialect: DialectDescription?
    public var counts: RowCounts
    /// Measurements produced (a wide row yields several).
    public var measurements: Int
    /// True when the file as a whole could not be read (empty, binary, no known header, ...).
    public var failed: Bool
    /// Every header column and what it was read as; empty when no header was found.
    public var columns: [ColumnReport]
    /// Gym-log exercises that are neither a leg curl nor a leg extension, most sets first.
    public var exercisesNotUsed: [ExerciseCount] = []

    public init(
        path: String, format: String?, dialect: DialectDescription?, counts: RowCounts, measurements: Int,
        failed: Bool, columns: [ColumnReport] = []
    ) {
        self.path = path
        self.format = format
        self.dialect = dialect
        self.counts = counts
        self.measurements = measurements
        self.failed = failed
        self.columns = columns
    }

    enum CodingKeys: String, CodingKey {
        case path, format, dialect, rowsRead, rowsImported, rowsSkipped, rowsRejected, measurements, failed, columns
        case exercisesNotUsed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        dialect = try c.decodeIfPresent(DialectDescription.self, forKey: .dialect)
        counts = RowCounts(
            rowsRead: try c.decode(Int.self, forKey: .rowsRead),
            rowsImported: try c.decode(Int.self, forKey: .rowsImported),
            rowsSkipped: try c.decode(Int.self, forKey: .rowsSkipped),
            rowsRejected: try c.decode(Int.self, forKey: .rowsRejected))
        measurements = try c.decode(Int.self, forKey: .measurements)
        failed = try c.decode(Bool.self, forKey: .failed)
        columns = try c.decodeIfPresent([ColumnReport].self, forKey: .columns) ?? []
        exercisesNotUsed = try c.decodeIfPresent([ExerciseCount].self, forKey: .exercisesNotUsed) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(format, forKey: .format)
        try c.encode(dialect, forKey: .dialect)
        try c.encode(counts.rowsRead, forKey: .rowsRead)
        try c.encode(counts.rowsImported, forKey: .rowsImported)
        try c.encode(counts.rowsSkipped, forKey: .rowsSkipped)
        try c.encode(counts.rowsRejected, forKey: .rowsRejected)
        try c.encode(measurements, forKey: .measurements)
        try c.encode(failed, forKey: .failed)
        try c.encode(columns, forKey: .columns)
        try c.encode(exercisesNotUsed, forKey: .exercisesNotUsed)
    }
}

/// The accounting of a whole import: every row of every file is in exactly one count.
public struct ImportSummary: Sendable, Hashable {
    public var files: [FileImportSummary]
    public var diagnostics: [Diagnostic]
    /// Rejections beyond the per-file diagnostic cap; still counted in `rowsRejected`.
    public var unlistedDiagnostics: Int

    public init(files: [FileImportSummary], diagnostics: [Diagnostic], unlistedDiagnostics: Int = 0) {
        self.files = files
        self.diagnostics = diagnostics
        self.unlistedDiagnostics = unlistedDiagnostics
    }

    public var counts: RowCounts { files.reduce(RowCounts()) { $0 + $1.counts } }
    public var failedFiles: [FileImportSummary] { files.filter(\.failed) }
}
