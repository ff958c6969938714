import Foundation
import GRDB
import StrengthModel

/// What a report reads from the store: the tests in the order they were stored (each file's own
/// order), the session details, and the accounting of the files they came from.
public struct StoredTests: Sendable {
    public var measurements: [StrengthModel.Measurement]
    public var sessions: [SessionKey: SessionInfo]
    public var summary: ImportSummary
}

extension Store {
    /// The stored tests, of one athlete, one squad and from one day on when asked.
    public func tests(athlete: String? = nil, squad: String? = nil, since: TestDate? = nil) throws -> StoredTests {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let athlete {
            conditions.append("m.athlete = ?")
            _ = arguments.append(contentsOf: [athlete])
        }
        if let squad {
            conditions.append("a.squad = ?")
            _ = arguments.append(contentsOf: [squad])
        }
        if let since {
            conditions.append("m.date >= ?")
            _ = arguments.append(contentsOf: [since.description])
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try pool.read { db in
            var measurements: [StrengthModel.Measurement] = []
            var importIds = Set<Int64>()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.* FROM measurement m JOIN athlete a ON a.id = m.athlete \(filter) ORDER BY m.id
                    """, arguments: arguments)
            while let row = try rows.next() {
                if let m = Self.measurement(row) { measurements.append(m) }
                importIds.insert(row["importId"])
            }
            var sessions: [SessionKey: SessionInfo] = [:]
            let sessionRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.* FROM session s JOIN athlete a ON a.id = s.athlete
                    \(filter.replacingOccurrences(of: "m.", with: "s."))
                    """, arguments: arguments)
            while let row = try sessionRows.next() {
                guard let date = TestDate(iso: row["date"]) else { continue }
                let athlete: String = row["athlete"]
                let sources: String = row["sources"]
                sessions[SessionKey(athlete: athlete, date: date)] = SessionInfo(
                    athlete: athlete, date: date, name: row["name"], sex: (row["sex"] as String?).flatMap(Sex.init),
                    age: row["age"], bodyMassKg: row["bodyMassKg"], sport: row["sport"],
                    involvedSide: (row["involvedSide"] as String?).flatMap(Side.init),
                    aclReconstruction: row["aclReconstruction"],
                    sources: sources.isEmpty ? [] : sources.components(separatedBy: "\n"))
            }
            return StoredTests(
                measurements: measurements, sessions: sessions, summary: try Self.summary(of: importIds, db))
        }
    }

    /// The accounting of the imports the tests came from; a file imported twice, byte for byte, once.
    private static func summary(of importIds: Set<Int64>, _ db: Database) throws -> ImportSummary {
        var files: [FileImportSummary] = []
        var seen = Set<String>()
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM import ORDER BY id DESC")
        for row in rows where importIds.contains(row["id"]) {
            let key = (row["sha256"] as String) + "\n" + (row["file"] as String)
            guard seen.insert(key).inserted else { continue }
            files.append(
                FileImportSummary(
                    path: row["file"], format: row["format"], dialect: nil,
                    counts: RowCounts(
                        rowsRead: row["rowsRead"], rowsImported: row["rowsImported"], rowsSkipped: row["rowsSkipped"],
                        rowsRejected: row["rowsRejected"]),
                    measurements: row["measurements"], failed: false))
        }
        return ImportSummary(files: files.reversed(), diagnostics: [], unlistedDiagnostics: 0)
    }

    static func measurement(_ row: Row) -> StrengthModel.Measurement? {
        let dateText: String = row["date"]
        let muscleText: String = row["muscle"]
        let contractionText: String = row["contraction"]
        let methodText: String = row["method"]
        let dimensionText: String = row["dimension"]
        let unitText: String = row["sourceUnit"]
        guard let date = TestDate(iso: dateText), let muscle = MuscleGroup(rawValue: muscleText),
            let contraction = Contraction(rawValue: contractionText), let method = TestMethod(rawValue: methodText),
            let dimension = PhysicalDimension(rawValue: dimensionText),
            let sourceUnit = MeasurementUnit(rawValue: unitText)
        else { return nil }
        let repetitions: Int? = row["repetitions"]
        let side: String? = row["side"]
        let position: String? = row["position"]
        let machine: String? = row["machine"]
        let velocity: Double? = row["velocity"]
        let angle: Double? = row["angle"]
        let gravityCorrected: Bool? = row["gravityCorrected"]
        let value: Double = row["valueSI"]
        let file: String = row["file"]
        let line: Int = row["line"]
        let source = SourceLocation(file: file, line: line)
        let warmUp: Bool = row["warmUp"]
        let dropSet: Bool = row["dropSet"]
        let trainingLog: Bool = row["trainingLog"]
        let athlete: String = row["athlete"]
        return StrengthModel.Measurement(
            athlete: athlete, date: date, side: side.flatMap { Side(rawValue: $0) }, muscle: muscle,
            contraction: contraction,
            velocity: velocity, angle: angle, value: Quantity(dimension: dimension, si: value), sourceUnit: sourceUnit,
            method: method, gravityCorrected: gravityCorrected, repetitions: repetitions.map { UInt16(clamping: $0) },
            isWarmUp: warmUp, position: position.flatMap { BodyPosition(rawValue: $0) }, source: source,
            isDropSet: dropSet,
            fromTrainingLog: trainingLog, machine: machine.flatMap { MachineVariant(rawValue: $0) })
    }
}
