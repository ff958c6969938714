import StrengthModel

/// Hand-held dynamometer logs with one trial per row named like `KneeExt_L_1` or `KneeFlex_R_2`,
/// force in N and/or lbf (microFET reads lbf). The file has no athlete or date: `--athlete` (or
/// the file name) and `--date` supply them.
enum HandHeldLogAdapter: LayoutAdapter {
    static let name = "hand-held-log"
    static let summary = "hand-held dynamometer trial log (KneeExt_L_1, KneeFlex_R_2; force in N or lbf); needs --date"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let h = HeaderLookup(header)
        guard h.has("trialname", "trial") else { return .no }
        let (found, missing) = h.score([
            ("TrialName", ["trialname", "trial"]),
            ("PeakForce_N or PeakForce_lbs", ["peakforcen", "peakforcelbs", "peakforce"]),
        ])
        return .from(found: found, missing: missing, sure: 90)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let trial = h.column("trialname", "trial") else { throw LayoutError(message: "no TrialName column") }
        let force: (index: Int, unit: MeasurementUnit)
        if let newtons = h.column("peakforcen") {
            force = (newtons.index, .newton)
        } else if let pounds = h.column("peakforcelbs") {
            force = (pounds.index, .poundForce)
        } else if let other = h.column("peakforce"), let unit = other.unit, unit.dimension == .force {
            force = (other.index, unit)
        } else {
            throw LayoutError(message: "no force column: expected PeakForce_N, PeakForce_lbs or 'PeakForce (N)'")
        }
        guard let date = context.options.testDate else {
            throw LayoutError(message: "a hand-held dynamometer log has no test date; pass --date YYYY-MM-DD")
        }
        return HandHeldLogExtractor(
            session: FixedSession(athlete: context.fallbackAthlete, date: date), decimalMark: context.decimalMark,
            trial: trial.index, force: force.index, unit: force.unit)
    }
}

struct HandHeldLogExtractor: RowExtractor {
    var session: FixedSession
    let decimalMark: DecimalMark
    let trial: Int
    let force: Int
    let unit: MeasurementUnit

    var columnUses: ColumnUses {
        var uses = ColumnUses()
        uses.add(trial, "trial (muscle and side)")
        uses.add(force, "force (\(unit.rawValue))")
        return uses
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let name = String(decoding: record[trial].trimmed, as: UTF8.self)
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }).map(String.init)
        guard let first = parts.first else { return RowRejection(column: trial, "trial name is empty").outcome }
        let muscle: MuscleGroup
        switch Vocabulary.muscle(first) {
        case .knee(let group): muscle = group
        case .otherMuscle, .unknown: return .skipped(reason: "not a knee extension or flexion trial ('\(name)')")
        }
        guard let side = parts.dropFirst().lazy.compactMap(Vocabulary.side).first else {
            return RowRejection(column: trial, "trial '\(name)' names no side (expected e.g. KneeExt_L_1)").outcome
        }
        let cell = record[force]
        guard !cell.isMissingValue else {
            return RowRejection(column: force, NumberProblem.missing("force", cell)).outcome
        }
        guard let value = NumberParser.parse(cell, decimalMark: decimalMark), value > 0 else {
            return RowRejection(
                column: force, "force '\(String(decoding: cell.trimmed, as: UTF8.self))' is not a positive number"
            ).outcome
        }
        if let impossible = PlausibleRange.rejection(Quantity(value, unit), sourceUnit: unit, column: force) {
            return impossible.outcome
        }
        session.note(into: &sink, line: record.line)
        sink.add(
            session.measurement(
                side: side, muscle: muscle, contraction: .isometric, velocity: nil, value: value, unit: unit,
                method: .handHeld, path: sink.path, line: record.line),
            dateCell: session.cell, provisional: false)
        return .imported
    }
}
