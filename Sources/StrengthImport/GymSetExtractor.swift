import StrengthModel

/// Where a gym export keeps the facts of a set; one value per app adapter.
struct GymColumns {
    enum WeightUnit {
        /// Named by the header (`Weight (kg)`, `weight_lbs`).
        case fixed(MeasurementUnit)
        /// A per-row unit column (`Weight Unit`: `kg`, `lbs`, `kgs`, or blank).
        case column(Int)
        /// The export does not say (Strong's classic layout): `--weight-unit`, else kilograms with a warning.
        case unstated
    }

    enum SetKind {
        case none
        /// Strong's `Set Order`: numbers are sets, `W` warm-up, `D`/`F` drop and failure sets;
        /// `Rest Timer` and `Note` rows are not sets.
        case strongSetOrder(Int)
        /// Hevy's `set_type`: `warmup`, `normal`, `failure`, `dropset`.
        case setType(Int)
        /// Fitbod's `isWarmup`: `true` / `false`.
        case warmUpFlag(Int)
    }

    var date: Int
    var exercise: Int
    var weight: Int
    var weightUnit: WeightUnit
    var reps: Int
    var setKind: SetKind = .none
    /// Fitbod's `multiplier` (2.0 for dumbbell pairs).
    var multiplier: Int?
    /// FitNotes does not quote names: a comma in one pushes the later fields right by one.
    var nameMaySpillRight = false
}

extension GymColumns.WeightUnit {
    /// The unit named in the weight header (`Weight (kg)`, or a header that is just `lbs`), else a
    /// `Weight Unit` column, else unstated.
    static func find(weight: HeaderColumn, in header: HeaderLookup) -> Self {
        if let stated = weight.unit ?? MeasurementUnit(spelling: weight.key), stated.dimension == .mass {
            return .fixed(stated)
        }
        if let column = header.column("weightunit") { return .column(column.index) }
        return .unstated
    }
}

/// Turns gym-app sets into load measurements for the machine 1RM ratio. Exercises other than leg
/// curls and leg extensions are counted and skipped; the names are summarised once per file.
struct GymSetExtractor: RowExtractor {
    let columns: GymColumns
    let headerCount: Int
    let decimalMark: DecimalMark
    let overrides: [String: ExerciseKind]
    let assumedUnit: MeasurementUnit?
    /// The unit was guessed, not read: said once, at the end.
    let unitGuessed: Bool
    private var usedGuessedUnit = false
    var session: SessionColumns
    private var unitCache = SmallCache<MeasurementUnit?>()
    private var otherExercises: [String: Int] = [:]
    /// Each exercise name's reading, worked out once: a log repeats a few dozen names over thousands of
    /// sets, and reading a name (folding it to a key, searching it for a dozen words) was most of a
    /// runner's import. Bounded, so a file of a million different names does not grow it.
    private var readings: [String: ExerciseCatalog.Reading] = [:]
    private static let readingsKept = 512

    var columnUses: ColumnUses {
        var uses = session.columnUses
        uses.add(columns.exercise, "exercise")
        uses.add(columns.weight, "weight")
        uses.add(columns.reps, "repetitions")
        uses.add(columns.multiplier, "weight multiplier")
        if case .column(let column) = columns.weightUnit { uses.add(column, "weight unit") }
        switch columns.setKind {
        case .none: break
        case .strongSetOrder(let column): uses.add(column, "set order (W = warm-up)")
        case .setType(let column): uses.add(column, "set type")
        case .warmUpFlag(let column): uses.add(column, "warm-up flag")
        }
        return uses
    }

    init(
        columns: GymColumns, header: [HeaderColumn], context: ExtractionContext, athleteColumn: HeaderColumn? = nil
    ) throws(LayoutError) {
        self.columns = columns
        headerCount = header.count
        decimalMark = context.decimalMark
        overrides = context.options.exercises
        if case .unstated = columns.weightUnit {
            assumedUnit = context.options.weightUnit ?? .kilogram
            unitGuessed = context.options.weightUnit == nil
        } else {
            assumedUnit = context.options.weightUnit
            unitGuessed = false
        }
        var roles: [ColumnRole: HeaderColumn] = [.date: header[columns.date]]
        if let athleteColumn { roles[.athlete] = athleteColumn }
        guard
            let session = SessionColumns(
                roles: roles, fallbackAthlete: context.fallbackAthlete, options: context.options,
                decimalMark: context.decimalMark,
                fieldCount: FieldCountCheck(header: header, usedColumns: [columns.date, columns.exercise]))
        else { throw LayoutError(message: "the header has no date column") }
        self.session = session
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        // FitNotes: extra fields come from commas inside the unquoted exercise name.
        let spill = columns.nameMaySpillRight ? max(0, record.count - headerCount) : 0
        func index(_ column: Int) -> Int { column > columns.exercise ? column + spill : column }
        let name: String
        if spill > 0 {
            name = (columns.exercise...(columns.exercise + spill)).map { String(decoding: record[$0], as: UTF8.self) }
                .joined(separator: ", ")
        } else {
            name = String(decoding: record[columns.exercise].trimmed, as: UTF8.self)
        }

        let identity: SessionColumns.Identity
        do {
            identity = try session.read(record, into: &sink, allowExtraFields: columns.nameMaySpillRight)
        } catch {
            return error.outcome
        }

        var setKind = Vocabulary.SetKind.working
        switch columns.setKind {
        case .none: break
        case .strongSetOrder(let column):
            // Strong numbers working sets and marks the others: W warm-up, D drop set, F failure.
            let cell = String(decoding: record[index(column)].trimmed, as: UTF8.self)
            switch cell.uppercased() {
            case "W": setKind = .warmUp
            case "D": setKind = .drop
            case "F": break
            default:
                guard Int(cell) != nil else { return .skipped(reason: "not a set ('\(cell)' row)") }
            }
        case .setType(let column), .warmUpFlag(let column):
            let cell = record[index(column)].trimmed
            guard let reading = Vocabulary.setKind(String(decoding: cell, as: UTF8.self)) else {
                return RowRejection(
                    column: index(column),
                    "set type '\(String(decoding: cell, as: UTF8.self))' is not one HQScreen knows"
                ).outcome
            }
            setKind = reading
        }

        let kind: ExerciseKind
        let reading: ExerciseCatalog.Reading
        if let known = readings[name] {
            reading = known
        } else {
            reading = ExerciseCatalog.classify(name, overrides: overrides)
            if readings.count < Self.readingsKept { readings[name] = reading }
        }
        switch reading {
        case .exercise(let found): kind = found
        case .singleLeg:
            return .skipped(
                reason: "single-leg leg curl or extension: its load is per leg, not comparable with two-leg sets")
        case .bodyweight: return .skipped(reason: "bodyweight hamstring exercise (no load to compare)")
        case .other:
            otherExercises[name, default: 0] += 1
            return .skipped(reason: "not a leg curl or leg extension")
        }

        let weightCell = record[index(columns.weight)]
        guard !weightCell.isMissingValue else { return .skipped(reason: "set without a weight") }
        guard let weight = NumberParser.parse(weightCell, decimalMark: decimalMark) else {
            return RowRejection(
                column: index(columns.weight),
                NumberProblem.describe(String(decoding: weightCell.trimmed, as: UTF8.self), decimalMark: decimalMark)
            ).outcome
        }
        guard weight >= 0 else {
            return RowRejection(column: index(columns.weight), "weight \(weight) is negative").outcome
        }
        guard weight > 0 else { return .skipped(reason: "set without a weight") }

        let repsCell = record[index(columns.reps)]
        guard !repsCell.isMissingValue else { return .skipped(reason: "set without repetitions") }
        guard let repsValue = NumberParser.parse(repsCell, decimalMark: decimalMark), repsValue >= 0,
            repsValue == repsValue.rounded(), repsValue <= 1000
        else {
            return RowRejection(
                column: index(columns.reps),
                "repetitions '\(String(decoding: repsCell.trimmed, as: UTF8.self))' is not a whole number"
            ).outcome
        }
        guard repsValue > 0 else { return .skipped(reason: "set without repetitions") }

        var unit: MeasurementUnit
        switch columns.weightUnit {
        case .fixed(let fixed): unit = fixed
        case .unstated:
            unit = assumedUnit ?? .kilogram
            usedGuessedUnit = unitGuessed
        case .column(let column):
            let cell = record[index(column)].trimmed
            if cell.isEmpty {
                guard let assumedUnit else {
                    return RowRejection(column: index(column), "weight unit is empty; pass --weight-unit kg or lb")
                        .outcome
                }
                unit = assumedUnit
            } else {
                guard
                    let parsed = unitCache.value(for: cell, compute: { MeasurementUnit(spelling: $0) }),
                    parsed.dimension == .mass
                else {
                    return RowRejection(
                        column: index(column), "weight unit '\(String(decoding: cell, as: UTF8.self))' is not kg or lb"
                    ).outcome
                }
                unit = parsed
            }
        }
        var load = weight
        if let multiplier = columns.multiplier,
            let factor = NumberParser.parse(record[index(multiplier)], decimalMark: decimalMark),
            factor > 0
        {
            load *= factor
        }
        if let impossible = PlausibleRange.rejection(
            Quantity(load, unit), sourceUnit: unit, column: index(columns.weight))
        {
            return impossible.outcome
        }
        sink.add(
            Measurement(
                athleteNumber: identity.athleteNumber, date: identity.date, side: nil,
                muscle: kind == .legCurl ? .hamstrings : .quadriceps, contraction: .concentric, velocity: nil,
                value: Quantity(load, unit), sourceUnit: unit, method: .machine1RM, repetitions: UInt16(repsValue),
                isWarmUp: setKind == .warmUp, source: SourceLocation(fileNumber: sink.fileNumber, line: record.line),
                isDropSet: setKind == .drop, fromTrainingLog: true,
                machine: kind == .legCurl ? MachineVariant(exerciseName: name) : nil),
            dateCell: identity.dateCell, provisional: identity.provisionalDate)
        return .imported
    }

    mutating func finish(into sink: inout FileCollector) {
        if usedGuessedUnit {
            sink.report(
                line: nil, column: nil, severity: .warning,
                "the export does not say whether weights are kg or lb; read as kg (the curl ÷ extension ratio does not "
                    + "depend on it, the 1RMs shown do). Pass --weight-unit lb if the app is set to pounds")
        }
        guard !otherExercises.isEmpty else { return }
        sink.exercisesNotUsed = otherExercises.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { ExerciseCount(name: $0.key, sets: $0.value) }
        let names = otherExercises.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6)
            .map { "\($0.key) (\($0.value))" }
        let more = otherExercises.count > 6 ? ", and \(otherExercises.count - 6) more" : ""
        sink.report(
            line: nil, column: nil, severity: .info,
            "exercises that are not a leg curl or leg extension: \(names.joined(separator: ", "))\(more); "
                + "map one with --exercise 'NAME=leg-curl' or 'NAME=leg-extension'")
    }
}
