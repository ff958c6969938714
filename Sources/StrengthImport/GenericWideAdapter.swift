import StrengthModel

/// A spreadsheet with one athlete-session per row and one column per measurement:
/// `athlete, date, Quad L 60 [Nm], Quad R 60 [Nm], Ham L 60 [Nm], ...`.
enum GenericWideAdapter: LayoutAdapter {
    static let name = "generic-wide"
    static let summary =
        "one athlete-session per row: athlete, date, and columns such as 'Quad L 60 [Nm]' or 'ham_right_ecc_30 (Nm)'"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let measurementColumns = header.compactMap(WideColumn.init).count
        let hasDate = SessionColumns.roles(in: header)[.date] != nil
        var missing: [String] = []
        if !hasDate { missing.append("date") }
        if measurementColumns < 2 { missing.append("measurement columns such as 'Quad L 60 [Nm]'") }
        guard measurementColumns > 0 else { return Identification(confidence: 0, missing: missing) }
        return Identification(confidence: missing.isEmpty ? 60 : 15, missing: missing)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let identification = identify(header)
        guard identification.missing.isEmpty else {
            throw LayoutError(
                message:
                    "the header looks like a wide layout but has no \(identification.missing.joined(separator: ", "))")
        }
        let roles = SessionColumns.roles(in: header)
        var columns = header.compactMap(WideColumn.init)
        let stated = Set(columns.compactMap(\.unit))
        let unitColumn = roles[.unit]?.index
        let unitless = columns.filter { $0.unit == nil }
        if !unitless.isEmpty && unitColumn == nil {
            // A header that names its unit once ("Quad L 60 [Nm]") speaks for its unitless siblings.
            let inherited: MeasurementUnit? = stated.count == 1 ? stated.first : context.options.defaultUnit
            guard let inherited else {
                let names = unitless.prefix(3).map { "'\($0.text)'" }.joined(separator: ", ")
                throw LayoutError(
                    message: "no unit for \(names)\(unitless.count > 3 ? " and \(unitless.count - 3) more" : ""); "
                        + "add it to the header, e.g. '\(unitless[0].text) [Nm]', or pass --unit")
            }
            for i in columns.indices where columns[i].unit == nil { columns[i].unit = inherited }
        }
        let used = [roles[.athlete]?.index, roles[.date]?.index].compactMap { $0 }
        guard
            let session = SessionColumns(
                roles: roles, fallbackAthlete: context.fallbackAthlete, options: context.options,
                decimalMark: context.decimalMark, fieldCount: FieldCountCheck(header: header, usedColumns: used))
        else { throw LayoutError(message: "the header has no date column") }
        return GenericWideExtractor(
            session: session, columns: columns, unitColumn: unitColumn, defaultUnit: context.options.defaultUnit,
            decimalMark: context.decimalMark)
    }
}

struct GenericWideExtractor: RowExtractor {
    var session: SessionColumns
    let columns: [WideColumn]
    let unitColumn: Int?
    let defaultUnit: MeasurementUnit?
    let decimalMark: DecimalMark
    private var found: [Measurement] = []
    private var units = SmallCache<MeasurementUnit?>()

    var columnUses: ColumnUses {
        var uses = session.columnUses
        uses.add(unitColumn, "unit")
        for column in columns {
            var role = "\(column.muscle.rawValue) \(column.side.rawValue) \(column.contraction.rawValue)"
            if let velocity = column.velocity { role += " \(Int(saturating: velocity))°/s" }
            if let angle = column.angle { role += " at \(Int(saturating: angle))°" }
            if let unit = column.unit ?? defaultUnit { role += " (\(unit.rawValue))" }
            uses.add(column.index, role)
        }
        return uses
    }

    init(
        session: SessionColumns, columns: [WideColumn], unitColumn: Int?, defaultUnit: MeasurementUnit?,
        decimalMark: DecimalMark
    ) {
        self.session = session
        self.columns = columns
        self.unitColumn = unitColumn
        self.defaultUnit = defaultUnit
        self.decimalMark = decimalMark
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let identity: SessionColumns.Identity
        do { identity = try session.read(record, into: &sink) } catch { return error.outcome }
        var rowUnit: MeasurementUnit? = nil
        if let unitColumn {
            let cell = record[unitColumn].trimmed
            if !cell.isEmpty {
                guard let parsed = units.value(for: cell, compute: { MeasurementUnit(spelling: $0) }) else {
                    return RowRejection(
                        column: unitColumn, "unknown unit '\(String(decoding: cell, as: UTF8.self))'"
                    ).outcome
                }
                rowUnit = parsed
            }
        }
        found.removeAll(keepingCapacity: true)
        for column in columns {
            let cell = record[column.index]
            if cell.isMissingValue { continue }
            guard let number = NumberParser.parse(cell, decimalMark: decimalMark) else {
                let text = String(decoding: cell.trimmed, as: UTF8.self)
                return RowRejection(
                    column: column.index, "\(column.text): \(NumberProblem.describe(text, decimalMark: decimalMark))"
                ).outcome
            }
            guard number >= 0 else {
                return RowRejection(column: column.index, "\(column.text): value \(number) is negative").outcome
            }
            if number == 0 { continue }
            guard let unit = column.unit ?? rowUnit ?? defaultUnit else {
                return RowRejection(column: unitColumn, "\(column.text): no unit in the header or the unit column")
                    .outcome
            }
            if let impossible = PlausibleRange.rejection(Quantity(number, unit), sourceUnit: unit, column: column.index)
            {
                return impossible.outcome
            }
            found.append(
                Measurement(
                    athleteNumber: identity.athleteNumber, date: identity.date, side: column.side,
                    muscle: column.muscle,
                    contraction: column.contraction, velocity: column.velocity, angle: column.angle,
                    value: Quantity(number, unit), sourceUnit: unit,
                    method: identity.method
                        ?? TestMethod.inferred(unit: unit),
                    gravityCorrected: identity.gravityCorrected,
                    source: SourceLocation(fileNumber: sink.fileNumber, line: record.line)))
        }
        guard !found.isEmpty else { return .skipped(reason: "no strength values in this row") }
        for measurement in found {
            sink.add(measurement, dateCell: identity.dateCell, provisional: identity.provisionalDate)
        }
        return .imported
    }
}
