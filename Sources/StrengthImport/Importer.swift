import StrengthModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything read from a set of files: the measurements, what the files said about each
/// athlete-session, and the accounting of every row.
public struct ImportResult: Sendable {
    public var measurements: [Measurement]
    public var sessions: [SessionKey: SessionInfo]
    public var summary: ImportSummary
    /// True when `--strict` stopped the import at a rejection.
    public var stoppedEarly: Bool

    public init(
        measurements: [Measurement], sessions: [SessionKey: SessionInfo], summary: ImportSummary, stoppedEarly: Bool
    ) {
        self.measurements = measurements
        self.sessions = sessions
        self.summary = summary
        self.stoppedEarly = stoppedEarly
    }
}

/// Reads strength-test CSV files into measurements, accounting for every row.
public struct Importer: Sendable {
    public var options: ImportOptions
    /// Adapter name that overrides detection (`--input-format`).
    public var forcedFormat: String?
    /// False for an import that only accounts for rows (`hqscreen check`): measurements are counted
    /// and dropped as they are read, so memory does not grow with the file.
    public var keepsMeasurements = true
    /// False to keep every repeated trial instead of the best of each test (the history store
    /// identifies each trial; reports need only the best).
    public var foldsTrials = true
    /// When set, measurements go here as the files are read instead of into the result, so a file
    /// larger than memory can be imported (`MeasurementSpill`). Called on the importing thread only.
    public var measurementSink: (@Sendable (Measurement) -> Void)?
    /// How many measurements wait in memory before finished sessions go to `measurementSink`.
    public var sinkBatch = 1 << 14
    /// When set (and measurements are kept in memory, without `measurementSink`), each athlete's run of
    /// consecutive rows is handed here as soon as the next athlete's row is read.
    public var athleteRuns: (any AthleteRunSink)?
    /// Told every `progressStep` rows read, for a progress line on long imports.
    public var rowsRead: (@Sendable (Int) -> Void)?
    public static let progressStep = 1 << 16

    public init(options: ImportOptions = ImportOptions(), forcedFormat: String? = nil) {
        self.options = options
        self.forcedFormat = forcedFormat
    }

    /// `--exercise` pairs as the importer compares names.
    public static func exerciseOverrides(_ pairs: [(String, ExerciseKind)]) -> [String: ExerciseKind] {
        ExerciseCatalog.overrides(pairs.map { (name: $0.0, kind: $0.1) })
    }

    /// Names and one-line descriptions of the layouts HQScreen reads.
    public static var formats: [(name: String, summary: String)] {
        AdapterRegistry.all.map { ($0.name, $0.summary) }
    }

    public func importFiles(_ paths: [String]) -> ImportResult {
        var measurements: [Measurement] = []
        var sessions: [SessionKey: SessionInfo] = [:]
        var files: [FileImportSummary] = []
        var diagnostics: [Diagnostic] = []
        var unlisted = 0
        var stopped = false
        for path in paths {
            let file: FileImport
            // Pipes and standard input can be read only once; the sniffer and the reader each read the
            // file, so a stream is first copied to a private temporary file.
            switch StreamSpool.spoolIfStream(path) {
            case .file: file = importFile(path)
            case .spooled(let copy):
                file = importFile(path, readingFrom: copy)
                unlink(copy)
            case .failed(let problem):
                file = failedImport(path, FileProblem(problem))
            }
            if let measurementSink {
                for m in file.measurements { measurementSink(m) }
            } else if measurements.isEmpty {
                measurements = file.measurements
            } else {
                measurements.append(contentsOf: file.measurements)
            }
            sessions.reserveCapacity(sessions.count + file.sessions.count)
            for info in file.sessions { sessions.join(info) }
            files.append(file.summary)
            diagnostics.append(contentsOf: file.diagnostics)
            unlisted += file.unlistedDiagnostics
            if file.stoppedEarly {
                stopped = true
                break
            }
        }
        return ImportResult(
            measurements: measurements, sessions: sessions,
            summary: ImportSummary(files: files, diagnostics: diagnostics, unlistedDiagnostics: unlisted),
            stoppedEarly: stopped)
    }

    struct FileImport {
        var summary: FileImportSummary
        var measurements: [Measurement]
        var sessions: [SessionInfo]
        var diagnostics: [Diagnostic]
        var unlistedDiagnostics: Int
        var stoppedEarly: Bool
    }

    func failedImport(
        _ path: String, _ problem: FileProblem, dialect: DialectDescription? = nil, format: String? = nil
    ) -> FileImport {
        FileImport(
            summary: FileImportSummary(
                path: path, format: format, dialect: dialect, counts: RowCounts(), measurements: 0, failed: true),
            measurements: [], sessions: [],
            diagnostics: [
                Diagnostic(
                    file: path, line: problem.line, column: problem.column, severity: .error, message: problem.message)
            ], unlistedDiagnostics: 0, stoppedEarly: options.strict)
    }

    /// Imports `path` as the user named it; the bytes come from `source` when a stream was spooled.
    func importFile(_ path: String, readingFrom source: String? = nil) -> FileImport {
        func failure(_ problem: FileProblem, dialect: DialectDescription? = nil, format: String? = nil) -> FileImport {
            failedImport(path, problem, dialect: dialect, format: format)
        }
        let source = source ?? path

        let sample: [UInt8]
        let isWholeFile: Bool
        let fileSize: Int
        do throws(FileProblem) {
            (sample, isWholeFile, fileSize) = try readSample(source)
        } catch {
            return failure(error)
        }
        var forced: (any LayoutAdapter.Type)?
        if let forcedFormat {
            guard let adapter = AdapterRegistry.named(forcedFormat) else {
                return failure(FileProblem("unknown input format '\(forcedFormat)'; `hqscreen formats` lists them"))
            }
            forced = adapter
        }
        let sniffed: SniffedFile
        do throws(FileProblem) {
            sniffed = try DialectSniffer.sniff(
                sample: sample, isWholeFile: isWholeFile, options: options, forcedAdapter: forced)
        } catch {
            return failure(error)
        }
        let context = ExtractionContext(
            file: path, options: options, decimalMark: sniffed.decimalMark,
            fallbackAthlete: options.athlete ?? Self.fileStem(path), preamble: sniffed.preamble)
        var extractor: any RowExtractor
        do throws(LayoutError) {
            extractor = try sniffed.adapter.makeExtractor(header: sniffed.header, context: context)
        } catch {
            return failure(
                FileProblem(error.message, line: sniffed.headerLine), dialect: sniffed.dialect(finalNewline: true),
                format: sniffed.adapter.name)
        }

        // Sizing the measurement array from the file avoids regrowing it on large team files.
        let lineCount = max(1, sample.count(where: { $0 == sniffed.lineTerminator }))
        let expectedRows = isWholeFile ? lineCount : min(50_000_000, fileSize / max(1, sample.count / lineCount))
        if let mapping = options.mapping, !mapping.constants.isEmpty {
            extractor = ConstantFieldsExtractor(
                inner: extractor, fileColumns: sniffed.header.count - mapping.constants.count,
                constants: mapping.constants.map(\.value))
        }
        var collector = FileCollector(
            file: path, limit: options.diagnosticLimitPerFile, strict: options.strict,
            expectedMeasurements: keepsMeasurements ? expectedRows : 0)
        collector.today = options.today
        collector.keepsMeasurements = keepsMeasurements
        collector.foldsTrials = foldsTrials
        collector.sink = measurementSink
        collector.spillAfter = sinkBatch
        if let athleteRuns, keepsMeasurements, foldsTrials, measurementSink == nil {
            collector.runs = AthleteRunHandOff(sink: athleteRuns) { [self] drafts in
                runSessions(drafts, path: path)
            }
        }
        let columns = Self.columnReports(
            sniffed.header.dropLast(options.mapping?.constants.count ?? 0), uses: extractor.columnUses)
        Self.reportUnused(columns, headerLine: sniffed.headerLine, into: &collector)
        if sniffed.encoding == .windows1252 {
            collector.report(
                line: nil, column: nil, severity: .info,
                "the file is not UTF-8; read it as Windows-1252 (Latin-1). Save as 'CSV UTF-8' to avoid this")
        }

        let reader = CSVStreamReader(
            delimiter: sniffed.delimiter, lineTerminator: sniffed.lineTerminator, encoding: sniffed.encoding,
            skipBytes: sniffed.byteOrderMark ? 3 : 0, skipLines: sniffed.headerLine - 1)
        var sawHeader = false
        var sawUnterminatedQuote = false
        let streamSummary: CSVStreamSummary
        do throws(CSVStreamReader.ReadError) {
            streamSummary = try reader.read(
                path: source,
                onRecord: { record in
                    if !sawHeader {
                        sawHeader = true
                        return true
                    }
                    let outcome = extractor.extract(record, into: &collector)
                    if record.line % Self.progressStep == 0 { rowsRead?(Self.progressStep) }
                    return collector.record(outcome, line: record.line)
                },
                onSyntaxError: { error in
                    let reason: String
                    switch error.kind {
                    case .malformedQuote:
                        reason = "malformed quoting: a quote inside an unquoted field, or text after a closing quote"
                    case .nulByte:
                        reason = "the line has a NUL byte here: the file is damaged or not text; the row was not read"
                    case .unterminatedQuote(let swallowed):
                        sawUnterminatedQuote = true
                        reason =
                            "a quoted field opened here is never closed; the last \(swallowed) line\(swallowed == 1 ? "" : "s") "
                            + "of the file could not be read"
                    }
                    return collector.record(.rejected(column: error.column, reason: reason), line: error.line)
                })
        } catch {
            return failure(FileProblem(Self.describe(error)))
        }

        extractor.finish(into: &collector)
        if let first = streamSummary.firstWindows1252Line {
            let lines = streamSummary.windows1252Lines
            collector.report(
                line: first, column: nil, severity: .warning,
                "\(lines == 1 ? "this line is" : "\(lines) lines are") not UTF-8 although the start of the file is; "
                    + "read \(lines == 1 ? "it" : "them, the first on this line,") as Windows-1252 (Latin-1). "
                    + "Check the names on \(lines == 1 ? "it" : "them"), and save the file as 'CSV UTF-8'")
        }
        if let mapping = options.mapping {
            let renamed = mapping.columns.map { " renames \($0.count) columns" } ?? ""
            collector.report(
                line: sniffed.headerLine, column: nil, severity: .info,
                "read with a mapping file\(renamed)\(mapping.constants.isEmpty ? "" : ", adds \(mapping.constants.count) constant column(s)")"
            )
        }
        // Say so when rows were filed under the file's name because nothing named the athlete.
        if options.athlete == nil, collector.sessionDrafts.contains(where: { $0.athlete == context.fallbackAthlete }) {
            collector.report(
                line: sniffed.headerLine, column: nil, severity: .info,
                "the file names no athlete: its rows belong to '\(context.fallbackAthlete)' (name one with --athlete)")
        }
        var result = finish(
            collector: collector, path: path, dateColumn: SessionColumns.roles(in: sniffed.header)[.date])
        result.summary.format = sniffed.adapter.name
        rowsRead?(
            result.summary.counts.rowsRead - result.summary.counts.rowsRead / Self.progressStep * Self.progressStep)
        result.summary.columns = columns
        result.summary.exercisesNotUsed = collector.exercisesNotUsed
        result.summary.dialect = sniffed.dialect(finalNewline: streamSummary.finalNewline)
        result.stoppedEarly = streamSummary.stopped || (options.strict && result.summary.counts.rowsRejected > 0)
        // A quote left open swallows the rest of the file: the file as a whole did not read.
        if sawUnterminatedQuote { result.summary.failed = true }
        if result.summary.counts.rowsRead == 0 && !streamSummary.stopped {
            result.summary.failed = true
            result.diagnostics.append(
                Diagnostic(
                    file: path, line: sniffed.headerLine, severity: .error,
                    message: "the file has a header row but no data rows"))
        }
        return result
    }

    /// Settles the date column's day/month order and fixes or rejects the dates that waited for it.
    private func finish(collector: FileCollector, path: String, dateColumn: HeaderColumn?) -> FileImport {
        var collector = collector
        var dayFirst = false
        var rejectDeferred = false
        switch collector.dateOrder.decide(forced: options.dateOrder) {
        case .dayFirst: dayFirst = true
        case .monthFirst, .irrelevant: break
        case .ambiguous: rejectDeferred = true
        case .contradictory(let dayFirstLine, let monthFirstLine):
            rejectDeferred = true
            // Every date that reads one way only is kept as it reads; the rows that could go either way
            // are rejected below with their own error.
            collector.report(
                line: dayFirstLine, column: dateColumn.map { $0.index + 1 }, severity: .warning,
                "the date column\(Self.named(dateColumn)) mixes day-first dates (line \(dayFirstLine)) and month-first dates "
                    + "(line \(monthFirstLine)); fix the file or pass --date-format dmy or mdy")
        }
        if dayFirst {
            for (index, cell) in collector.deferredDates {
                // Both parts are 12 or less, so the swapped date always exists.
                collector.measurements[index].date = cell.resolve(dayFirst: true)!
            }
        } else if rejectDeferred && !collector.deferredDates.isEmpty {
            rejectDeferredRows(&collector, dateColumn: dateColumn)
        }

        let drafts = collector.mergedSessions()
        var sessions: [SessionInfo] = []
        sessions.reserveCapacity(drafts.count)
        let sources = [path]
        for draft in drafts {
            if rejectDeferred && draft.date.isOrderDependent { continue }
            guard let date = draft.date.resolve(columnDayFirst: dayFirst) else { continue }
            sessions.append(sessionInfo(draft, date: date, sources: sources))
        }
        collector.summariseSkips()
        let diagnostics = collector.diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return FileImport(
            summary: FileImportSummary(
                path: path, format: nil, dialect: nil, counts: collector.counts,
                measurements: collector.acceptedMeasurements, failed: false),
            measurements: collector.measurements, sessions: sessions, diagnostics: diagnostics,
            unlistedDiagnostics: collector.unlistedDiagnostics, stoppedEarly: false)
    }

    /// A session's details as the import gives them: what the file leaves out, the command line may
    /// supply (single-person exports).
    /// `sources` is one array shared by the file's sessions, not one made per session.
    private func sessionInfo(_ draft: SessionDraft, date: TestDate, sources: [String]) -> SessionInfo {
        SessionInfo(
            athlete: draft.athlete, date: date, name: draft.name, sex: draft.sex ?? options.sex,
            age: draft.age ?? options.age, bodyMassKg: draft.bodyMassKg ?? options.bodyMassKg,
            sport: draft.sport ?? options.sport, involvedSide: draft.involvedSide ?? options.involvedSide,
            aclReconstruction: draft.aclReconstruction ?? options.aclReconstruction, sources: sources)
    }

    /// An athlete run's sessions, made as `finish` makes them but from the run's drafts alone, dates
    /// read as they are stored until the column's order is known (month first); silent, as the
    /// finished import reports any disagreement.
    private func runSessions(_ drafts: ArraySlice<SessionDraft>, path: String) -> [SessionInfo] {
        let sources = [path]
        return SessionDraft.merged(Array(drafts)) { _, _, _ in }.compactMap { draft in
            draft.date.resolve(columnDayFirst: false).map { sessionInfo(draft, date: $0, sources: sources) }
        }
    }

    /// Drops the measurements whose dates never settled, and turns their rows into rejections.
    private func rejectDeferredRows(_ collector: inout FileCollector, dateColumn: HeaderColumn?) {
        var doomed = Set<Int>()
        var lines: [Int] = []
        for (index, _) in collector.deferredDates {
            doomed.insert(index)
            let line = collector.measurements[index].source.line
            if lines.last != line { lines.append(line) }
        }
        var kept = 0
        for index in collector.measurements.indices where !doomed.contains(index) {
            collector.measurements.swapAt(kept, index)
            kept += 1
        }
        collector.acceptedMeasurements -= collector.measurements.count - kept
        collector.measurements.removeLast(collector.measurements.count - kept)
        for line in lines { collector.demoteToRejected(line: line, column: nil, "", listed: false) }
        let rows = lines.count
        collector.report(
            line: lines[0], column: dateColumn.map { $0.index + 1 }, severity: .error,
            "rejected \(rows) row\(rows == 1 ? "" : "s") whose dates (like the one on this line) read as either "
                + "day/month or month/day, and no date in the column\(Self.named(dateColumn)) settles which; "
                + "pass --date-format dmy or --date-format mdy")
    }

    func readSample(_ path: String) throws(FileProblem) -> ([UInt8], Bool, Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileProblem(Self.describe(.cannotOpen(errno: errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileProblem("is a directory, not a CSV file") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileProblem(Self.describe(.cannotOpen(errno: errno))) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: DialectSniffer.sampleSize)
        var filled = 0
        while true {
            // A header wider than the sample (thousands of columns) must not be cut: read on until
            // the sample holds the header and a row, up to a bound.
            if filled == buffer.count {
                let lineBreaks = buffer.count(where: { $0 == 0x0A || $0 == 0x0D })
                guard lineBreaks < 2, buffer.count < DialectSniffer.maxSampleSize else { break }
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                systemReadSample(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileProblem(Self.describe(.readFailed(errno: errno)))
            }
            if got == 0 { break }
            filled += got
        }
        return (Array(buffer[..<filled]), filled < buffer.count, Int(info.st_size))
    }

    static func describe(_ error: CSVStreamReader.ReadError) -> String {
        switch error {
        case .cannotOpen(let code): "cannot open the file: \(String(cString: strerror(code)))"
        case .readFailed(let code): "reading the file failed: \(String(cString: strerror(code)))"
        case .outOfMemory: "out of memory while parsing"
        }
    }

    /// The file's own header columns (not a mapping's constants) with what each is read as.
    static func columnReports(_ header: ArraySlice<HeaderColumn>, uses: ColumnUses) -> [ColumnReport] {
        header.compactMap { column in
            let role = uses.byIndex[column.index]
            // Trailing empty header cells (`a,b,c,,`) are spreadsheet padding, not columns.
            if role == nil && column.text.isEmpty { return nil }
            return ColumnReport(column: column.index + 1, header: column.text, readAs: role)
        }
    }

    /// One line naming the columns nothing reads, so a misnamed column is noticed.
    static func reportUnused(_ columns: [ColumnReport], headerLine: Int, into collector: inout FileCollector) {
        let unused = columns.filter { $0.readAs == nil }
        guard !unused.isEmpty else { return }
        var names = unused.prefix(12).map { "'\($0.header)' (\($0.column))" }.joined(separator: ", ")
        if unused.count > 12 { names += " and \(unused.count - 12) more" }
        collector.report(
            line: headerLine, column: nil, severity: .info,
            "\(unused.count == 1 ? "column" : "columns") not used: \(names); if one holds test data, rename it as "
                + "docs/input-formats.md describes or map it in a mapping file (hqscreen check lists every column)")
    }

    /// ` 'Test date'` for messages, or nothing when the column is unknown.
    static func named(_ column: HeaderColumn?) -> String {
        column.map { " '\($0.text)'" } ?? ""
    }

    /// `team/2024-03 screening.csv` → `2024-03 screening`; standard input is `stdin`.
    static func fileStem(_ path: String) -> String {
        if path == "-" { return "stdin" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

private func systemReadSample(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
    #else
        Darwin.read(fd, buffer, count)
    #endif
}
