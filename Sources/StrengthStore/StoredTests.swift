import StrengthModel

/// What a report reads from the store: the tests in the order they were stored (each athlete-day's
/// tests in their file's order; SQLite keeps a day's tests together, in the order the days came), the
/// session details, and the accounting of the files they came from.
public struct StoredTests: Sendable {
    public var measurements: [StrengthModel.Measurement]
    public var sessions: [SessionKey: SessionInfo]
    public var summary: ImportSummary
}

extension StoredTests {
    /// A stored test from its columns; nil when a column holds what this version does not know.
    static func measurement(
        athlete: String, date: TestDate, side: String?, muscle: String, contraction: String, velocity: Double?,
        angle: Double?, method: String, dimension: String, position: String?, machine: String?, valueSI: Double,
        sourceUnit: String, gravityCorrected: Bool?, repetitions: Int?, warmUp: Bool, dropSet: Bool,
        trainingLog: Bool, source: SourceLocation
    ) -> StrengthModel.Measurement? {
        guard let muscle = MuscleGroup(rawValue: muscle), let contraction = Contraction(rawValue: contraction),
            let method = TestMethod(rawValue: method), let dimension = PhysicalDimension(rawValue: dimension),
            let sourceUnit = MeasurementUnit(rawValue: sourceUnit)
        else { return nil }
        return StrengthModel.Measurement(
            athlete: athlete, date: date, side: side.flatMap { Side(rawValue: $0) }, muscle: muscle,
            contraction: contraction, velocity: velocity, angle: angle,
            value: Quantity(dimension: dimension, si: valueSI), sourceUnit: sourceUnit, method: method,
            gravityCorrected: gravityCorrected, repetitions: repetitions.map { UInt16(clamping: $0) },
            isWarmUp: warmUp, position: position.flatMap { BodyPosition(rawValue: $0) },
            source: source, isDropSet: dropSet, fromTrainingLog: trainingLog,
            machine: machine.flatMap { MachineVariant(rawValue: $0) })
    }

    /// A stored session's details from its columns.
    static func session(
        athlete: String, date: TestDate, name: String?, sex: String?, age: Int?, bodyMassKg: Double?, sport: String?,
        involvedSide: String?, aclReconstruction: Bool?, sources: String
    ) -> SessionInfo {
        SessionInfo(
            athlete: athlete, date: date, name: name, sex: sex.flatMap(Sex.init), age: age, bodyMassKg: bodyMassKg,
            sport: sport, involvedSide: involvedSide.flatMap(Side.init), aclReconstruction: aclReconstruction,
            sources: sources.isEmpty ? [] : sources.components(separatedBy: "\n"))
    }
}

/// One import's record, as both stores keep it.
struct StoredImport {
    var file: String
    var sha256: String
    var format: String?
    var counts: RowCounts
    var measurements: Int

    /// The accounting of imports, oldest first; a file imported twice, byte for byte, once (its latest).
    static func summary(of imports: [StoredImport]) -> ImportSummary {
        var files: [FileImportSummary] = []
        var seen = Set<String>()
        for stored in imports.reversed() {
            guard seen.insert(stored.sha256 + "\n" + stored.file).inserted else { continue }
            files.append(
                FileImportSummary(
                    path: stored.file, format: stored.format, dialect: nil, counts: stored.counts,
                    measurements: stored.measurements, failed: false))
        }
        return ImportSummary(files: files.reversed(), diagnostics: [], unlistedDiagnostics: 0)
    }
}

/// How a session already stored takes in another's details, in both stores: what it lacks is filled,
/// what it has is never replaced (a file, a merged id or a second import only adds).
enum SessionFill {
    static let onConflict = """
        ON CONFLICT (athlete, date) DO UPDATE SET name = coalesce(session.name, excluded.name),
        sex = coalesce(session.sex, excluded.sex), age = coalesce(session.age, excluded.age),
        bodyMassKg = coalesce(session.bodyMassKg, excluded.bodyMassKg),
        sport = coalesce(session.sport, excluded.sport),
        involvedSide = coalesce(session.involvedSide, excluded.involvedSide),
        aclReconstruction = coalesce(session.aclReconstruction, excluded.aclReconstruction)
        """
}
