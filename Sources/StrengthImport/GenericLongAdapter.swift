import StrengthModel

/// A spreadsheet with one measurement per row:
/// `athlete, date, side, muscle, contraction, velocity, Peak torque (Nm)`.
enum GenericLongAdapter: LayoutAdapter {
    static let name = "generic-long"
    static let summary =
        "one measurement per row: athlete, date, side, muscle, [contraction], [velocity], value with its unit"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let roles = SessionColumns.roles(in: header)
        var missing: [String] = []
        if roles[.date] == nil { missing.append("date") }
        if roles[.side] == nil { missing.append("side (L/R)") }
        if roles[.muscle] == nil { missing.append("muscle (quadriceps/hamstrings)") }
        if roles[.value] == nil { missing.append("value (e.g. 'Peak torque (Nm)')") }
        let found = 4 - missing.count
        guard roles[.side] != nil || roles[.muscle] != nil else {
            return Identification(confidence: 0, missing: missing)
        }
        // Partial matches still score, so a file that nearly fits gets a message naming what is missing.
        return Identification(confidence: missing.isEmpty ? 70 : found * 10, missing: missing)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let identification = identify(header)
        guard identification.missing.isEmpty else {
            throw LayoutError(
                message:
                    "the header looks like a long layout but has no \(identification.missing.joined(separator: ", "))")
        }
        let roles = SessionColumns.roles(in: header)
        let value = roles[.value]!
        let unitColumn = roles[.unit]
        let headerUnit = value.unit ?? context.options.defaultUnit
        if headerUnit == nil && unitColumn == nil {
            throw LayoutError(
                message: "the value column '\(value.text)' names no unit and there is no unit column; "
                    + "write the unit in the header, e.g. '\(value.text) (Nm)', or pass --unit")
        }
        let used = [roles[.athlete], roles[.date], roles[.side], roles[.muscle], value].compactMap { $0?.index }
        guard
            let session = SessionColumns(
                roles: roles, fallbackAthlete: context.fallbackAthlete, options: context.options,
                decimalMark: context.decimalMark, fieldCount: FieldCountCheck(header: header, usedColumns: used))
        else { throw LayoutError(message: "the header has no date column") }
        return GenericLongExtractor(
            session: session, side: roles[.side]!.index, muscle: roles[.muscle]!.index,
            contraction: roles[.contraction]?.index, velocity: roles[.velocity]?.index, angle: roles[.angle]?.index,
            value: value.index, repetitions: roles[.repetitions]?.index, setType: roles[.setType]?.index,
            position: roles[.position]?.index, machine: roles[.machine]?.index,
            trainingLogColumn: roles[.trainingLog]?.index, unitColumn: unitColumn?.index, headerUnit: headerUnit,
            decimalMark: context.decimalMark, trainingLog: context.options.mapping?.trainingLog ?? false)
    }
}

struct GenericLongExtractor: RowExtractor {
    var session: SessionColumns
    let side: Int
    let muscle: Int
    let contraction: Int?
    let velocity: Int?
    let angle: Int?
    let value: Int
    let repetitions: Int?
    let setType: Int?
    let position: Int?
    /// `seated`, `lying`, `standing`: the gym machine of a load (hqscreen's own export writes it).
    let machine: Int?
    /// `yes` marks a training-log set (hqscreen's own export writes it).
    let trainingLogColumn: Int?
    let unitColumn: Int?
    let headerUnit: MeasurementUnit?
    let decimalMark: DecimalMark
    /// A mapping file said `training-log yes`: load sets are summarised into windows.
    var trainingLog = false

    private var sides = SmallCache<Side??>()
    private var muscles = SmallCache<Vocabulary.MuscleReading>()
    private var contractions = SmallCache<Contraction?>()
    private var units = SmallCache<MeasurementUnit?>()
    private var velocities = SmallCache<Double??>()
    private var setTypes = SmallCache<Vocabulary.SetKind?>()
    private var positions = SmallCache<BodyPosition?>()

    init(
        session: SessionColumns, side: Int, muscle: Int, contraction: Int?, velocity: Int?, angle: Int?, value: Int,
        repetitions: Int?, setType: Int?, position: Int?, machine: Int? = nil, trainingLogColumn: Int? = nil,
        unitColumn: Int?, headerUnit: MeasurementUnit?, decimalMark: DecimalMark, trainingLog: Bool = false
    ) {
        self.machine = machine
        self.trainingLogColumn = trainingLogColumn
        self.trainingLog = trainingLog
        self.session = session
        self.side = side
        self.muscle = muscle
        self.contraction = contraction
        self.velocity = velocity
        self.angle = angle
        self.value = value
        self.repetitions = repetitions
        self.setType = setType
        self.position = position
        self.unitColumn = unitColumn
        self.headerUnit = headerUnit
        self.decimalMark = decimalMark
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let identity: SessionColumns.Identity
        do { identity = try session.read(record, into: &sink) } catch { return error.outcome }

        let muscleCell = record[muscle].trimmed
        guard !muscleCell.isEmpty else { return RowRejection(column: muscle, "muscle is empty").outcome }
        let muscleGroup: MuscleGroup
        switch muscles.value(for: muscleCell, compute: Vocabulary.muscle) {
        case .knee(let group): muscleGroup = group
        case .otherMuscle:
            return .skipped(reason: "not a knee extensor or flexor test (muscle '\(text(muscleCell))')")
        case .unknown:
            return RowRejection(
                column: muscle, "unknown muscle '\(text(muscleCell))' (expected quadriceps or hamstrings)"
            ).outcome
        }

        let sideCell = record[side].trimmed
        guard let limb = sides.value(for: sideCell, compute: Vocabulary.limb) else {
            return RowRejection(
                column: side,
                sideCell.isEmpty
                    ? "side is empty" : "unknown side '\(text(sideCell))' (expected L, R, left, right or both)"
            ).outcome
        }

        let valueCell = record[value]
        guard !valueCell.isMissingValue else {
            return RowRejection(column: value, NumberProblem.missing("value", valueCell)).outcome
        }
        guard let number = NumberParser.parse(valueCell, decimalMark: decimalMark) else {
            return RowRejection(column: value, numberProblem(valueCell)).outcome
        }
        guard number >= 0 else { return RowRejection(column: value, "value \(text(valueCell)) is negative").outcome }
        guard number > 0 else { return .skipped(reason: "value is 0 (test not performed?)") }

        var unit = headerUnit
        if let unitColumn {
            let cell = record[unitColumn].trimmed
            if !cell.isEmpty {
                guard let parsed = units.value(for: cell, compute: { MeasurementUnit(spelling: $0) }) else {
                    return RowRejection(
                        column: unitColumn,
                        "unknown unit '\(text(cell))' (expected Nm, ft-lb, N, kgf, lbf, kg or lb)"
                    ).outcome
                }
                unit = parsed
            }
        }
        guard let unit else { return RowRejection(column: unitColumn, "unit is empty").outcome }
        if let impossible = PlausibleRange.rejection(Quantity(number, unit), sourceUnit: unit, column: value) {
            return impossible.outcome
        }

        var speed: Double? = nil
        if let velocity {
            let cell = record[velocity].trimmed
            if !cell.isMissingValue {
                guard let parsed = velocities.value(for: cell, compute: VelocityText.parse) else {
                    return RowRejection(
                        column: velocity, "velocity '\(text(cell))' is not a number of degrees per second"
                    ).outcome
                }
                speed = parsed
            }
        }

        var mode: Contraction
        if let contraction, !record[contraction].trimmed.isEmpty {
            let cell = record[contraction].trimmed
            guard let parsed = contractions.value(for: cell, compute: Vocabulary.contraction) else {
                return RowRejection(
                    column: contraction,
                    "unknown contraction '\(text(cell))' (expected concentric, eccentric or isometric)"
                ).outcome
            }
            mode = parsed
        } else {
            mode = speed == 0 ? .isometric : .concentric
        }
        if mode == .isometric {
            speed = nil
        } else if speed == 0, let velocity {
            return RowRejection(column: velocity, "a \(mode.rawValue) test cannot have a velocity of 0 deg/s").outcome
        }

        var reps: UInt16? = nil
        if let repetitions, !record[repetitions].isMissingValue {
            guard let parsed = NumberParser.parse(record[repetitions], decimalMark: decimalMark),
                parsed >= 1, parsed <= 1000, parsed == parsed.rounded()
            else {
                return RowRejection(
                    column: repetitions,
                    "repetitions '\(text(record[repetitions]))' is not a whole number from 1 to 1000"
                ).outcome
            }
            reps = UInt16(parsed)
        }
        var setKind = Vocabulary.SetKind.working
        if let setType {
            let cell = record[setType].trimmed
            guard let parsed = setTypes.value(for: cell, compute: Vocabulary.setKind) else {
                return RowRejection(
                    column: setType, "set type '\(text(cell))' is not warm-up, normal, failure or drop set"
                ).outcome
            }
            setKind = parsed
        }

        var bodyPosition: BodyPosition? = nil
        if let position, !record[position].isMissingValue {
            let cell = record[position].trimmed
            guard let parsed = positions.value(for: cell, compute: BodyPosition.init(text:)) else {
                return RowRejection(
                    column: position, "position '\(text(cell))' is not seated, prone, supine, standing or kneeling"
                ).outcome
            }
            bodyPosition = parsed
        }

        var machineVariant: MachineVariant? = nil
        if let machine, !record[machine].isMissingValue {
            let cell = text(record[machine])
            guard let parsed = MachineVariant(rawValue: cell.lowercased()) else {
                return RowRejection(column: machine, "machine '\(cell)' is not seated, lying or standing").outcome
            }
            machineVariant = parsed
        }
        var logged = trainingLog && unit.dimension == .mass
        if let trainingLogColumn {
            let cell = text(record[trainingLogColumn])
            guard let parsed = Vocabulary.yesNo(cell) else {
                return RowRejection(column: trainingLogColumn, "training log '\(cell)' is not yes or no").outcome
            }
            if let parsed { logged = parsed }
        }

        var kneeAngle: Double? = nil
        if let angle, !record[angle].isMissingValue {
            guard let parsed = NumberParser.parse(record[angle], decimalMark: decimalMark), (0...180).contains(parsed)
            else { return RowRejection(column: angle, "angle '\(text(record[angle]))' is not 0–180 degrees").outcome }
            kneeAngle = parsed
        }

        sink.add(
            Measurement(
                athleteNumber: identity.athleteNumber, date: identity.date, side: limb, muscle: muscleGroup,
                contraction: mode,
                velocity: speed, angle: kneeAngle, value: Quantity(number, unit), sourceUnit: unit,
                method: identity.method ?? TestMethod.inferred(unit: unit),
                gravityCorrected: identity.gravityCorrected, repetitions: reps, isWarmUp: setKind == .warmUp,
                position: bodyPosition,
                source: SourceLocation(fileNumber: sink.fileNumber, line: record.line), isDropSet: setKind == .drop,
                fromTrainingLog: logged, machine: machineVariant),
            dateCell: identity.dateCell, provisional: identity.provisionalDate)
        return .imported
    }

    private func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes.trimmed, as: UTF8.self) }

    var columnUses: ColumnUses {
        var uses = session.columnUses
        uses.add(side, "side")
        uses.add(muscle, "muscle")
        uses.add(contraction, "contraction")
        uses.add(velocity, "velocity (°/s)")
        uses.add(angle, "knee angle (°)")
        uses.add(value, "value" + (headerUnit.map { " (\($0.rawValue))" } ?? ""))
        uses.add(unitColumn, "unit")
        uses.add(repetitions, "repetitions")
        uses.add(setType, "set type")
        uses.add(position, "body position")
        uses.add(machine, "gym machine")
        uses.add(trainingLogColumn, "training log")
        return uses
    }

    private func numberProblem(_ cell: UnsafeRawBufferPointer) -> String {
        NumberProblem.describe(text(cell), decimalMark: decimalMark)
    }
}

/// Velocity cells: `60`, `60 deg/s`, `60°/s`, `60dps`.
enum VelocityText {
    static func parse(_ text: String) -> Double?? {
        var digits = ""
        var rest = Substring(text.trimmingSpaces)
        while let c = rest.first, c.isNumber || c == "." || c == "," {
            digits.append(c == "," ? "." : c)
            rest = rest.dropFirst()
        }
        guard let number = Double(digits), number >= 0, number <= 1000 else { return nil }
        let suffix = Vocabulary.key(String(rest))
        guard
            ["", "degs", "deg", "dps", "ds", "s", "degsec", "degreespersecond", "degreess", "degreesec"].contains(
                suffix)
        else { return nil }
        return .some(number)
    }
}

/// Explains why a cell is not a number, in a way that tells the user what to fix.
enum NumberProblem {
    /// Why a required number is missing: an empty cell, or a placeholder such as `NaN` or `N/A`
    /// that a spreadsheet or script wrote instead of a result.
    static func missing(_ what: String, _ cell: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: cell.trimmed, as: UTF8.self)
        if text.isEmpty { return "\(what) is empty" }
        if text.lowercased() == "nan" {
            return "\(what) is '\(text)' (not a number): the exporting program had no result"
        }
        return "\(what) is '\(text)', which means no result"
    }

    static func describe(_ text: String, decimalMark: DecimalMark) -> String {
        if decimalMark == .point, text.contains(","), !text.contains(".") {
            return "value '\(text)' has a comma; if it is a decimal comma, pass --decimal-mark comma"
        }
        if decimalMark == .comma, text.contains("."), !text.contains(",") {
            return
                "value '\(text)' has a point but this file uses decimal commas; pass --decimal-mark point if that is wrong"
        }
        return "value '\(text)' is not a number"
    }
}

extension TestMethod {
    /// When a file does not say: torque comes from a dynamometer, force from a hand-held one,
    /// a load from a gym machine.
    static func inferred(unit: MeasurementUnit) -> TestMethod {
        switch unit.dimension {
        case .torque: .isokinetic
        case .force: .handHeld
        case .mass: .machine1RM
        case .count: .bridgeTest
        }
    }
}
