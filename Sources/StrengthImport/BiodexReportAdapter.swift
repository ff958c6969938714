import StrengthModel

/// Isokinetic report tables laid out as Biodex prints them: preamble lines with the patient's
/// details, a `Set n of m, Extension (60 deg/s), Flexion (60 deg/s)` line per speed, then parameter
/// rows × Extension/Flexion Left/Right. The peak torque row becomes measurements; the other rows
/// (work, power, angle of peak torque, …) are counted and skipped.
enum BiodexReportAdapter: LayoutAdapter {
    static let name = "isokinetic-report"
    static let summary =
        "isokinetic report table (Biodex style): Parameter × Extension/Flexion Left/Right per speed, details in the preamble"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let h = HeaderLookup(header)
        guard h.has("parameter") else { return .no }
        let (found, missing) = h.score([
            ("Parameter", ["parameter"]), ("Extension Left", ["extensionleft"]),
            ("Extension Right", ["extensionright"]),
            ("Flexion Left", ["flexionleft"]), ("Flexion Right", ["flexionright"]),
        ])
        return .from(found: found, missing: missing, sure: 95)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let extLeft = h.column("extensionleft"), let extRight = h.column("extensionright"),
            let flexLeft = h.column("flexionleft"), let flexRight = h.column("flexionright")
        else {
            throw LayoutError(message: "the report table needs Extension Left/Right and Flexion Left/Right columns")
        }
        let details = ReportPreamble(context.preamble)
        guard let date = try details.date(order: context.options.dateOrder) ?? context.options.testDate else {
            throw LayoutError(message: "the report has no 'Date:' line; pass --date YYYY-MM-DD")
        }
        let athlete =
            context.options.athlete ?? details.value(for: "patientname", "name", "patient") ?? context.fallbackAthlete
        let session = FixedSession(athlete: athlete, date: date) { draft in
            draft.name = details.value(for: "patientname", "name", "patient")
            draft.bodyMassKg = details.bodyMassKg
            draft.sex = details.value(for: "gender", "sex").flatMap(Vocabulary.sex)
            draft.age = details.value(for: "age").flatMap { Int($0) }
            draft.involvedSide = details.value(for: "involved", "involvedside", "involvedlimb").flatMap(Vocabulary.side)
        }
        return BiodexReportExtractor(
            session: session, decimalMark: context.decimalMark, velocity: details.velocity,
            contraction: details.contraction,
            columns: [
                (extLeft.index, .left, .quadriceps), (extRight.index, .right, .quadriceps),
                (flexLeft.index, .left, .hamstrings), (flexRight.index, .right, .hamstrings),
            ])
    }
}

/// The `Label:,Value` pairs and the speed line above a report table.
struct ReportPreamble {
    private var pairs: [String: String] = [:]
    private(set) var velocity: Double?
    private(set) var contraction: Contraction = .concentric
    private(set) var bodyMassKg: Double?

    init(_ rows: [[String]]) {
        for row in rows {
            if let speed = ReportPreamble.speed(in: row) { velocity = speed }
            if row.contains(where: { Vocabulary.key($0).contains("eccentric") }) { contraction = .eccentric }
            var i = 0
            while i + 1 < row.count {
                let label = row[i].trimmingSpaces
                if label.hasSuffix(":") {
                    let column = HeaderColumn(index: 0, text: String(label.dropLast()))
                    let value = row[i + 1].trimmingSpaces
                    pairs[column.key] = value
                    if ["weight", "bodyweight", "bodymass", "mass"].contains(column.key), let number = Double(value) {
                        let unit = column.unit.flatMap { $0.dimension == .mass ? $0 : nil } ?? .kilogram
                        bodyMassKg = number * unit.toSI
                    }
                    i += 2
                } else {
                    i += 1
                }
            }
        }
    }

    func value(for keys: String...) -> String? {
        for key in keys { if let value = pairs[key], !value.isEmpty { return value } }
        return nil
    }

    /// `Extension (60 deg/s)` → 60.
    static func speed(in row: [String]) -> Double? {
        for cell in row {
            let column = HeaderColumn(index: 0, text: cell)
            guard column.tokens.contains(where: { ["extension", "flexion", "ext", "flex"].contains($0) }) else {
                continue
            }
            for text in column.bracketed {
                let tokens = HeaderColumn.split(text.lowercased())
                if let number = tokens.first.flatMap(Double.init),
                    tokens.dropFirst().contains(where: { ["deg", "s", "dps"].contains($0) })
                {
                    return number
                }
            }
        }
        return nil
    }

    /// The report's date; a date that reads either way follows `--date-format`, else the US order Biodex prints.
    func date(order: DateOrder) throws(LayoutError) -> TestDate? {
        guard let text = value(for: "date", "testdate") else { return nil }
        let cell = Array(text.utf8).withUnsafeBytes { DateCell.parse($0) }
        guard let cell else { throw LayoutError(message: "the report date '\(text)' is not a date") }
        let dayFirst = order == .dayMonthYear || (cell.first > 12 && order != .monthDayYear)
        guard let date = cell.resolve(dayFirst: dayFirst) else {
            throw LayoutError(message: "the report date '\(text)' does not exist")
        }
        return date
    }
}

struct BiodexReportExtractor: RowExtractor {
    var session: FixedSession
    let decimalMark: DecimalMark
    var velocity: Double?
    let contraction: Contraction
    let columns: [(index: Int, side: Side, muscle: MuscleGroup)]

    var columnUses: ColumnUses {
        var uses = ColumnUses()
        uses.add(0, "parameter (peak torque rows are read)")
        for column in columns {
            uses.add(column.index, "\(column.muscle.rawValue) \(column.side.rawValue) peak torque")
        }
        return uses
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let cells = record.strings
        let label = HeaderColumn(index: 0, text: cells.first ?? "")
        // A later speed's block: its `Set n of m` line and its repeated header are structure, not data.
        if let speed = ReportPreamble.speed(in: cells) {
            velocity = speed
            return .skipped(reason: "report structure (speed heading or repeated header)")
        }
        if label.key == "parameter" { return .skipped(reason: "report structure (speed heading or repeated header)") }
        guard label.key == "peaktorque" else { return .skipped(reason: "report row other than peak torque") }
        guard let unit = label.unit, unit.dimension == .torque else {
            return RowRejection(column: 0, "the peak torque row names no torque unit (expected N-m or ft-lb)").outcome
        }
        guard let velocity else {
            return RowRejection(column: nil, "no speed line (e.g. 'Extension (60 deg/s)') above this table").outcome
        }
        session.note(into: &sink, line: record.line)
        var found: [Measurement] = []
        for column in columns {
            let text = cells.count > column.index ? cells[column.index] : ""
            // `142.3 (Rep 2)`: the number before the repetition note.
            let number = text.split(separator: " ").first.map(String.init) ?? ""
            if number.isEmpty { continue }
            guard let value = Array(number.utf8).withUnsafeBytes({ NumberParser.parse($0, decimalMark: decimalMark) }),
                value > 0
            else { return RowRejection(column: column.index, "peak torque '\(text)' is not a positive number").outcome }
            if let impossible = PlausibleRange.rejection(Quantity(value, unit), sourceUnit: unit, column: column.index)
            {
                return impossible.outcome
            }
            found.append(
                session.measurement(
                    side: column.side, muscle: column.muscle, contraction: contraction, velocity: velocity,
                    value: value,
                    unit: unit, method: .isokinetic, path: sink.path, line: record.line))
        }
        guard !found.isEmpty else { return .skipped(reason: "peak torque row without values") }
        for m in found { sink.add(m, dateCell: session.cell, provisional: false) }
        return .imported
    }
}
