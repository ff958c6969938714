import StrengthModel

/// Gathers everything one file produces: measurements, athlete details, counts and messages.
struct FileCollector {
    let file: String
    let limit: Int
    let strict: Bool
    var counts = RowCounts()
    let path: String
    var measurements: [Measurement] = []
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

    init(file: String, limit: Int, strict: Bool, expectedMeasurements: Int = 0) {
        self.file = file
        self.path = file
        measurements.reserveCapacity(expectedMeasurements)
        self.limit = limit
        self.strict = strict
    }

    /// Counts a row's outcome. Returns false when reading should stop (`--strict`).
    mutating func record(_ outcome: RowOutcome, line: Int) -> Bool {
        counts.rowsRead += 1
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
    /// month could still swap.
    mutating func add(_ measurement: Measurement, dateCell: DateCell, provisional: Bool) {
        if provisional { deferredDates.append((measurements.count, dateCell)) }
        if !PlausibleRange.contains(measurement.value) {
            implausible += 1
            if firstImplausible == nil { firstImplausible = measurement }
        }
        measurements.append(measurement)
    }

    /// A row that was counted as imported turns out to be unusable once the whole file is known.
    mutating func demoteToRejected(line: Int, column: Int?, _ reason: String, listed: Bool) {
        counts.rowsImported -= 1
        counts.rowsRejected += 1
        if listed { report(line: line, column: column, severity: .error, reason) }
    }

    mutating func report(line: Int?, column: Int?, severity: Diagnostic.Severity, _ message: String) {
        // Messages quote cells; a runaway cell (a whole file in one quoted field) must not flood the output.
        let message = message.count > 300 ? String(message.prefix(300)) + "…" : message
        if severity == .error {
            guard listedErrors < limit else {
                unlistedDiagnostics += 1
                return
            }
            listedErrors += 1
        }
        diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
    }

    mutating func noteSession(_ draft: SessionDraft) {
        sessionDrafts.append(draft)
    }

    /// The drafts merged per athlete-session, in order of first appearance; a later row that
    /// disagrees with an earlier one gets a warning and the earlier value stays.
    mutating func mergedSessions() -> [SessionDraft] {
        var index: [SessionDraft.Key: Int] = [:]
        index.reserveCapacity(sessionDrafts.count)
        var merged: [SessionDraft] = []
        for draft in sessionDrafts {
            guard let at = index[draft.key] else {
                index[draft.key] = merged.count
                merged.append(draft)
                continue
            }
            let conflicts = merged[at].merge(draft)
            if !conflicts.isEmpty {
                let first = merged[at].line
                report(
                    line: draft.line, column: nil, severity: .warning,
                    "\(conflicts.joined(separator: ", ")) differs from line \(first) for athlete "
                        + "'\(draft.athlete)' on the same date; keeping the value from line \(first)")
            }
        }
        return merged
    }

    /// One warning per skip reason, so a gym export with a thousand squats is one line, not a thousand.
    mutating func summariseSkips() {
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

    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String((value * 100).rounded() / 100)
    }
}
