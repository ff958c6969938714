import Foundation
import GRDB
import GRDBSQLite
import StrengthModel

extension SQLiteStore {
    public func tests(athlete: String?, squad: String?, since: TestDate?) throws -> StoredTests {
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
            // Read column by column from SQLite: a squad's tests through `Row` subscripts by name took
            // longer than analysing them.
            let statement = try db.makeStatement(
                sql: """
                    SELECT m.athlete, m.date, m.side, m.muscle, m.contraction, m.velocity, m.angle, m.method,
                    m.dimension, m.position, m.machine, m.valueSI, m.sourceUnit, m.gravityCorrected, m.repetitions,
                    m.warmUp, m.dropSet, m.trainingLog, i.file, m.line, m.importId
                    FROM measurement m JOIN athlete a ON a.id = m.athlete JOIN import i ON i.id = m.importId
                    \(filter) ORDER BY m.id
                    """)
            try statement.setArguments(arguments)
            var columns = ColumnReader(statement.sqliteStatement)
            while true {
                let status = sqlite3_step(statement.sqliteStatement)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: status),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                if let m = columns.measurement() { measurements.append(m) }
                importIds.insert(columns.int(20) ?? 0)
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
                sessions[SessionKey(athlete: athlete, date: date)] = StoredTests.session(
                    athlete: athlete, date: date, name: row["name"], sex: row["sex"], age: row["age"],
                    bodyMassKg: row["bodyMassKg"], sport: row["sport"], involvedSide: row["involvedSide"],
                    aclReconstruction: row["aclReconstruction"], sources: row["sources"])
            }
            RecordedDetails.fill(&sessions, of: measurements, from: try recordedDetails(db))
            return StoredTests(
                measurements: measurements, sessions: sessions, summary: try Self.summary(of: importIds, db))
        }
    }

    /// The accounting of the imports the tests came from.
    private static func summary(of importIds: Set<Int64>, _ db: Database) throws -> ImportSummary {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM import ORDER BY id")
        return StoredImport.summary(
            of: rows.filter { importIds.contains($0["id"]) }.map { row in
                StoredImport(
                    file: row["file"], sha256: row["sha256"], format: row["format"],
                    counts: RowCounts(
                        rowsRead: row["rowsRead"], rowsImported: row["rowsImported"], rowsSkipped: row["rowsSkipped"],
                        rowsRejected: row["rowsRejected"]),
                    measurements: row["measurements"])
            })
    }
}

/// Reads the columns of the current row of `tests`' query, keeping the last athlete, file and date
/// strings so a squad's repeated values are not made again for every test.
struct ColumnReader {
    let statement: OpaquePointer
    private var athlete = ""
    private var file = ""
    private var fileNumber = SourceFiles.number("")
    private var dateText = ""
    private var date: TestDate?

    init(_ statement: OpaquePointer) { self.statement = statement }

    func int(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Whether column `column` holds the bytes of `known`.
    func equals(_ column: Int32, _ known: String) -> Bool {
        guard let bytes = sqlite3_column_text(statement, column) else { return false }
        let count = Int(sqlite3_column_bytes(statement, column))
        var known = known
        return known.withUTF8 { $0.count == count && (count == 0 || memcmp($0.baseAddress!, bytes, count) == 0) }
    }

    mutating func measurement() -> StrengthModel.Measurement? {
        if !equals(0, athlete) { athlete = text(0) ?? "" }
        if !equals(18, file) {
            file = text(18) ?? ""
            fileNumber = SourceFiles.number(file)
        }
        if !equals(1, dateText) {
            dateText = text(1) ?? ""
            date = TestDate(iso: dateText)
        }
        guard let date, let muscle = text(3), let contraction = text(4), let method = text(7),
            let dimension = text(8), let sourceUnit = text(12), let value = double(11)
        else { return nil }
        return StoredTests.measurement(
            athlete: athlete, date: date, side: text(2), muscle: muscle, contraction: contraction, velocity: double(5),
            angle: double(6), method: method, dimension: dimension, position: text(9), machine: text(10),
            valueSI: value, sourceUnit: sourceUnit, gravityCorrected: int(13).map { $0 != 0 },
            repetitions: int(14).map(Int.init), warmUp: int(15) == 1, dropSet: int(16) == 1, trainingLog: int(17) == 1,
            source: SourceLocation(fileNumber: fileNumber, line: Int(int(19) ?? 0)))
    }
}
