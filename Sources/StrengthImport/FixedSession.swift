import StrengthModel

/// Who and when for files that say it once (a report's preamble) or not at all (`--athlete`, `--date`).
struct FixedSession {
    let athlete: String
    let date: TestDate
    let cell: DateCell
    var draft: SessionDraft
    private var noted = false

    init(athlete: String, date: TestDate, details: (inout SessionDraft) -> Void = { _ in }) {
        self.athlete = athlete
        self.date = date
        cell = DateCell(shape: .yearFirst, year: Int16(date.year), first: UInt8(date.month), second: UInt8(date.day))
        var draft = SessionDraft(athlete: athlete, date: cell, line: 1)
        details(&draft)
        self.draft = draft
    }

    /// Notes the athlete's details with the first row that is read.
    mutating func note(into sink: inout FileCollector, line: Int) {
        sink.rowAthlete = athlete
        guard !noted else { return }
        noted = true
        draft.line = line
        sink.noteSession(draft)
    }

    func measurement(
        side: Side, muscle: MuscleGroup, contraction: Contraction, velocity: Double?, value: Double,
        unit: MeasurementUnit, method: TestMethod, path: String, line: Int
    ) -> Measurement {
        Measurement(
            athlete: athlete, date: date, side: side, muscle: muscle, contraction: contraction, velocity: velocity,
            value: Quantity(value, unit), sourceUnit: unit, method: method,
            source: SourceLocation(file: path, line: line))
    }
}
