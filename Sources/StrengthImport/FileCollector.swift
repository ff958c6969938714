import StrengthModel

/// Gathers everything one file produces: measurements, athlete details, counts and messages.
struct FileCollector {
    let file: String
    let limit: Int
    let strict: Bool
    var counts = RowCounts()
    let path: String
    /// `path`'s number in `SourceFiles`, looked up once rather than for every row.
    let fileNumber: UInt32
    var measurements: [Measurement] = []
    private var prefault = Prefault()
    /// Measurements whose date reads either way (03/04/2024); stored month-first until the
    /// column's order is known.
    var deferredDates: [(index: Int, cell: DateCell)] = []
    /// One draft each time a new athlete-session starts in the file; merged once at the end,
    /// which costs one hash per session instead of several per change of session.
    var sessionDrafts: [SessionDraft] = []
    var diagnostics: [Diagnostic] = []
    var unlistedDiagnostics = 0
    var dateOrder = DateColumnOrder()
    private var listedErrors = 0
    private var implausible = 0
    private var firstImplausible: Measurement?
    private var skipReasons: [String: (count: Int, firstLine: Int)] = [:]
    private var skipReasonOrder: [String] = []
    /// The row being read had a value no test produces; set by `add`, settled by `record`.
    private var impossibleInRow: RowRejection?
    private var measurementsBeforeRow = 0
    /// Gym exercises that are not a leg curl or extension, for the report's advice on getting a ratio.
    var exercisesNotUsed: [ExerciseCount] = []
    /// The athlete of the row being read, once its adapter has read it; messages about the row carry it.
    var rowAthlete: String?
    /// Every measurement the file's rows gave, repeated trials included: the file's count in the summary.
    var acceptedMeasurements = 0
    /// False when only the accounting is wanted: a row's measurements are dropped once counted,
    /// except those whose date may still swap (they may yet turn the row into a rejection).
    var keepsMeasurements = true
    /// False for the history store, which keeps every trial as a test of its own.
    var foldsTrials = true
    /// When set, measurements of finished sessions leave memory for the sink as the file is read.
    var sink: (@Sendable (Measurement) -> Void)?
    private var lastRowSession: (athlete: UInt32, date: TestDate)?
    /// How many measurements may wait in memory before finished sessions go to the sink.
    var spillAfter = 1 << 14
    /// When set, each athlete's run of consecutive rows is handed on once the next athlete's row is in.
    var runs: AthleteRunHandOff?
    private var sessionDraftsBeforeRow = 0
    /// Repeated trials of one protocol in one session keep only the best, the first of equal bests —
    /// the one the analysis takes — so memory grows with sessions, not with trials. Remembered for the
    /// session being read; trials are contiguous in every export we know.
    private var trialSession: (athlete: UInt32, date: TestDate)?
    /// The session's protocols and where each one's best trial is: a handful, searched in place (a hash
    /// map hashed every row's key), as numbers (compared field by field, keys were a hot path).
    private var bestTrial: [(key: ProtocolKey.Exact, index: Int)] = []

    /// Test dates no screening can have: after `today`, or before 1950 (a two-digit year read wrongly).
    private var futureDates = (count: 0, first: (line: 0, date: TestDate(daysSinceEpoch: 0)))
    private var ancientDates = (count: 0, first: (line: 0, date: TestDate(daysSinceEpoch: 0)))
    private var lastCheckedDate: TestDate?
    var today = TestDate.today()

    init(file: String, limit: Int, strict: Bool, expectedMeasurements: Int = 0) {
        self.file = file
        self.path = file
        fileNumber = SourceFiles.number(file)
        measurements.reserveCapacity(expectedMeasurements)
        self.limit = limit
        self.strict = strict
    }

    /// Counts a row's outcome. Returns false when reading should stop (`--strict`).
    mutating func record(_ outcome: RowOutcome, line: Int) -> Bool {
        counts.rowsRead += 1
        var outcome = outcome
        if let rejection = impossibleInRow {
            impossibleInRow = nil
            dropMeasurements(from: measurementsBeforeRow)
            if case .imported = outcome { outcome = rejection.outcome }
        }
        defer {
            acceptedMeasurements += measurements.count - measurementsBeforeRow
            if !keepsMeasurements {
                dropSettled(from: measurementsBeforeRow)
            } else if case .imported = outcome, foldsTrials {
                keepBestTrials(
                    from: sink == nil ? measurementsBeforeRow : spillFinishedSessions(before: measurementsBeforeRow))
                // Folding is done with a run once the next athlete's row is in: a new athlete starts
                // a new trial session.
                runs?.rowImported(
                    measurements: measurements, rowStart: measurementsBeforeRow, drafts: sessionDrafts,
                    rowDraftStart: sessionDraftsBeforeRow)
            }
            measurementsBeforeRow = measurements.count
            sessionDraftsBeforeRow = sessionDrafts.count
            rowAthlete = nil
        }
        switch outcome {
        case .imported:
            counts.rowsImported += 1
        case .skipped(let reason):
            counts.rowsSkipped += 1
            if let entry = skipReasons[reason] {
                skipReasons[reason] = (entry.count + 1, entry.firstLine)
            } else {
                skipReasons[reason] = (1, line)
                skipReasonOrder.append(reason)
            }
        case .rejected(let column, let reason):
            counts.rowsRejected += 1
            report(line: line, column: column, severity: .error, reason)
            return !strict
        }
        return true
    }

    /// Adds a measurement of the row being read; its date is provisional when the date's day and
    /// month could still swap. A value no test can produce turns the whole row into a rejection
    /// (adapters check where they parse, to name the column; this is the net under them).
    mutating func add(_ measurement: Measurement, dateCell: DateCell, provisional: Bool) {
        if impossibleInRow == nil, let rejection = PlausibleRange.rejection(measurement.value, column: nil) {
            impossibleInRow = rejection
        }
        if impossibleInRow != nil { return }
        if provisional { deferredDates.append((measurements.count, dateCell)) }
        if measurement.date != lastCheckedDate { checkDate(measurement.date, line: measurement.source.line) }
        if !PlausibleRange.contains(measurement.value) {
            implausible += 1
            if firstImplausible == nil { firstImplausible = measurement }
        }
        prefault.ahead(of: &measurements)
        measurements.append(measurement)
    }

    private mutating func checkDate(_ date: TestDate, line: Int) {
        lastCheckedDate = date
        if today < date {
            if futureDates.count == 0 { futureDates.first = (line, date) }
            futureDates.count += 1
        } else if date.year < 1950 {
            if ancientDates.count == 0 { ancientDates.first = (line, date) }
            ancientDates.count += 1
        }
    }

    /// Folds the row's measurements into the session's best trials: a trial that beats the kept one
    /// takes its place, any other repeat is dropped. Rows whose date may still swap are kept as read.
    private mutating func keepBestTrials(from start: Int) {
        guard start < measurements.count, deferredDates.last.map({ $0.index < start }) ?? true else { return }
        var write = start
        for read in start..<measurements.count {
            let m = measurements[read]
            if let key = ProtocolKey(trial: m)?.exact {
                if trialSession?.athlete != m.athleteNumber || trialSession?.date != m.date {
                    trialSession = (m.athleteNumber, m.date)
                    bestTrial.removeAll(keepingCapacity: true)
                }
                if let kept = bestTrial.firstIndex(where: { $0.key == key }).map({ bestTrial[$0].index }) {
                    if m.value.si > measurements[kept].value.si { measurements[kept] = m }
                    continue
                }
                bestTrial.append((key, write))
            }
            if write != read { measurements[write] = m }
            write += 1
        }
        measurements.removeLast(measurements.count - write)
    }

    /// When the row starts a new session, hands every earlier measurement to the sink, keeping those
    /// whose date may still swap; returns where the row's measurements now start.
    private mutating func spillFinishedSessions(before start: Int) -> Int {
        guard start < measurements.count, let sink else { return start }
        let first = measurements[start]
        let newSession = lastRowSession.map { $0.athlete != first.athleteNumber || $0.date != first.date } ?? true
        lastRowSession = (first.athleteNumber, first.date)
        guard newSession, start >= spillAfter else { return start }
        var write = 0
        var nextDeferred = deferredDates.startIndex
        for read in 0..<measurements.count {
            if read < start {
                if nextDeferred < deferredDates.endIndex && deferredDates[nextDeferred].index == read {
                    deferredDates[nextDeferred].index = write
                    nextDeferred += 1
                } else {
                    sink(measurements[read])
                    continue
                }
            } else if nextDeferred < deferredDates.endIndex && deferredDates[nextDeferred].index == read {
                deferredDates[nextDeferred].index = write
                nextDeferred += 1
            }
            if write != read { measurements[write] = measurements[read] }
            write += 1
        }
        let rowStart = start - (measurements.count - write)
        measurements.removeLast(measurements.count - write)
        trialSession = nil
        bestTrial.removeAll(keepingCapacity: true)
        return rowStart
    }

    /// Keeps only the row's measurements whose date is still provisional, moved down to close the gap.
    private mutating func dropSettled(from start: Int) {
        guard start < measurements.count else { return }
        var firstDeferred = deferredDates.endIndex
        while firstDeferred > deferredDates.startIndex && deferredDates[firstDeferred - 1].index >= start {
            firstDeferred -= 1
        }
        var write = start
        for k in firstDeferred..<deferredDates.endIndex {
            measurements[write] = measurements[deferredDates[k].index]
            deferredDates[k].index = write
            write += 1
        }
        measurements.removeLast(measurements.count - write)
    }

    /// Forgets the measurements a rejected row had already added.
    private mutating func dropMeasurements(from start: Int) {
        guard start < measurements.count else { return }
        measurements.removeSubrange(start...)
        while let last = deferredDates.last, last.index >= start { deferredDates.removeLast() }
    }

    /// A row that was counted as imported turns out to be unusable once the whole file is known.
    mutating func demoteToRejected(line: Int, column: Int?, _ reason: String, listed: Bool) {
        counts.rowsImported -= 1
        counts.rowsRejected += 1
        if listed { report(line: line, column: column, severity: .error, reason) }
    }

    mutating func report(
        line: Int?, column: Int?, severity: Diagnostic.Severity, _ message: String, athlete: String? = nil
    ) {
        // Messages quote cells; a runaway cell (a whole file in one quoted field) must not flood the output.
        let message = message.count > 300 ? String(message.prefix(300)) + "…" : message
        if severity == .error {
            guard listedErrors < limit else {
                unlistedDiagnostics += 1
                return
            }
            listedErrors += 1
        }
        diagnostics.append(
            Diagnostic(
                file: file, line: line, column: column, severity: severity, message: message,
                athlete: athlete ?? (line == nil ? nil : rowAthlete)))
    }

    mutating func noteSession(_ draft: SessionDraft) {
        sessionDrafts.append(draft)
    }

    /// The drafts merged per athlete-session, in order of first appearance; a later row that
    /// disagrees with an earlier one gets a warning and the earlier value stays.
    mutating func mergedSessions() -> [SessionDraft] {
        let drafts = sessionDrafts
        return SessionDraft.merged(drafts) { draft, first, conflicts in
            report(
                line: draft.line, column: nil, severity: .warning,
                "\(conflicts.joined(separator: ", ")) differs from line \(first.line) for athlete "
                    + "'\(draft.athlete)' on the same date; keeping the value from line \(first.line)",
                athlete: draft.athlete)
        }
    }

    /// One warning per skip reason, so a gym export with a thousand squats is one line, not a thousand.
    mutating func summariseSkips() {
        for (found, when) in [(futureDates, "in the future"), (ancientDates, "before 1950")] where found.count > 0 {
            diagnostics.append(
                Diagnostic(
                    file: file, line: found.first.line, column: nil, severity: .warning,
                    message:
                        "test dates \(when), the first on this line (\(found.first.date)); "
                        + "check the date column, and --date-format if day and month are swapped"))
        }
        if let first = firstImplausible {
            let range = PlausibleRange.of(first.value.dimension)
            let shown = "\(PlausibleRange.text(first.valueInSourceUnit)) \(first.sourceUnit.rawValue)"
            diagnostics.append(
                Diagnostic(
                    file: file, line: first.source.line, column: nil, severity: .warning,
                    message:
                        "\(implausible) value\(implausible == 1 ? " is" : "s are") outside what knee tests produce "
                        + "(\(PlausibleRange.text(range.lowerBound))–\(PlausibleRange.text(range.upperBound)) "
                        + "\(first.value.dimension.siSymbol)), the first here: \(shown); check the unit or a misplaced decimal mark"
                ))
        }
        for reason in skipReasonOrder {
            guard let entry = skipReasons[reason] else { continue }
            let rows = entry.count == 1 ? "1 row" : "\(entry.count) rows"
            diagnostics.append(
                Diagnostic(
                    file: file, line: entry.firstLine, column: nil, severity: .warning,
                    message: "skipped \(rows): \(reason)" + (entry.count > 1 ? " (first on this line)" : "")))
        }
    }
}

/// What knee strength tests produce, in SI: values outside are kept but flagged, since they are
/// usually a wrong unit or a misplaced decimal mark.
enum PlausibleRange {
    static func of(_ dimension: PhysicalDimension) -> ClosedRange<Double> {
        switch dimension {
        case .torque: 2...700
        case .force: 5...3000
        case .mass: 1...500
        case .count: 1...300
        }
    }

    static func contains(_ quantity: Quantity) -> Bool { of(quantity.dimension).contains(quantity.si) }

    /// Far beyond anything a person produces on any device: a wrong unit, a corrupted cell or a test
    /// file. Such values are rejected rather than kept, so no ratio is ever built from them.
    static func possible(_ dimension: PhysicalDimension) -> ClosedRange<Double> {
        switch dimension {
        case .torque: 0.05...5000
        case .force: 0.5...50_000
        case .mass: 0.1...2000
        case .count: 1...10_000
        }
    }

    /// The rejection for a value outside `possible`, naming the value as the file wrote it.
    static func rejection(_ quantity: Quantity, sourceUnit: MeasurementUnit? = nil, column: Int?) -> RowRejection? {
        let range = possible(quantity.dimension)
        guard !range.contains(quantity.si) else { return nil }
        let unit = sourceUnit ?? MeasurementUnit.si(of: quantity.dimension)
        let shown = "\(text(quantity.si / unit.toSI)) \(unit.rawValue)"
        return RowRejection(
            column: column,
            "value \(shown) is outside what any knee strength test produces (\(text(range.lowerBound))–"
                + "\(text(range.upperBound)) \(quantity.dimension.siSymbol)); check the unit, the decimal mark or the cell"
        )
    }

    /// Whole numbers plainly, others to two decimals, and the very large or very small as the
    /// file might write them (`1e+21`, `1e-17`), never rounded to a misleading 0.
    static func text(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e12 { return String(Int(saturating: value)) }
        if abs(value) >= 1e12 || abs(value) < 0.01 { return "\(value)" }
        return String((value * 100).rounded() / 100)
    }
}

extension ProtocolKey {
    /// The test a measurement is a trial of, when trials of it fold: gym sets, warm-ups, training-log
    /// rows and torques without a speed are not trials and are kept as they are.
    init?(trial m: Measurement) {
        guard m.method != .machine1RM, !m.isWarmUp, !m.fromTrainingLog,
            !(m.value.dimension == .torque && m.contraction != .isometric && m.velocity == nil)
        else { return nil }
        self.init(m)
    }
}
