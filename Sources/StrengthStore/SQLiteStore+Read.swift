import Foundation
import GRDB
import GRDBSQLite
import StrengthModel
import Synchronization

extension SQLiteStore {
    public func tests(athlete: String?, squad: String?, since: TestDate?) throws -> StoredTests {
        try tests(athlete: athlete, squad: squad, since: since, halvesFrom: Self.halvesFrom)
    }

    /// With `halvesFrom` ids or more between the first test and the last, read on two cores.
    func tests(athlete: String?, squad: String?, since: TestDate?, halvesFrom: Int64) throws -> StoredTests {
        let request = TestRequest(athlete: athlete, squad: squad, since: since)
        if athlete == nil, let halves = try readInHalves(request, from: halvesFrom) { return halves }
        return try pool.read { db in
            var measurements: [StrengthModel.Measurement] = []
            let part = try Self.readTests(request, ids: nil, db) {
                measurements.append($0)
                return true
            }
            return try self.assemble(measurements, [part], request, db)
        }
    }

    /// Which tests a report asks for.
    struct TestRequest {
        var athlete: String?
        var squad: String?
        var since: TestDate?

        /// `WHERE …` for the athlete and the day (with `table.` before the columns), and for the squad
        /// when `squad` names the athlete table's alias; "" when nothing is asked.
        func filter(_ table: String = "", squad squadTable: String? = nil) -> (
            sql: String, arguments: StatementArguments
        ) {
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let athlete {
                conditions.append("\(table)athlete = ?")
                _ = arguments.append(contentsOf: [athlete])
            }
            if let squad, let squadTable {
                conditions.append("\(squadTable).squad = ?")
                _ = arguments.append(contentsOf: [squad])
            }
            if let since {
                conditions.append("\(table)date >= ?")
                _ = arguments.append(contentsOf: [since.description])
            }
            return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
        }
    }

    /// Steps through `statement`'s rows, calling `row` for each.
    static func forEachRow(of statement: Statement, _ db: Database, _ row: () throws -> Void) throws {
        while true {
            let status = sqlite3_step(statement.sqliteStatement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: status),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try row()
        }
    }

    /// What reading one range of ids saw besides its tests.
    struct TestsPart: Sendable {
        var importIds = Set<Int64>()
        var revision: Int64 = 0
        /// The sessions, when this part read them.
        var sessions: [SessionKey: SessionInfo]?
        /// Whether it found more tests than it had room for, and stopped.
        var overflowed = false
    }

    /// A large store's tests read on two cores, the first and second half of the packs' ids each on its
    /// own connection, joined in id order: the same tests in the same order as one read, in half the
    /// time. Each half is its own snapshot, so the halves count only when both saw the same revision
    /// (every change counts it up in its own transaction) as the read that sized them; otherwise nil,
    /// and the caller reads once.
    private func readInHalves(_ request: TestRequest, from halvesFrom: Int64) throws -> StoredTests? {
        // The second reader also reads the sessions (a test day for every fourteen tests, each costing
        // three tests' time), so it takes two fifths of the ids and both finish together.
        let sizes = try pool.read {
            db -> (first: Int64, middle: Int64, last: Int64, head: Int, tail: Int, revision: Int64)? in
            // Subqueries: SQLite reads one end of the ids' B-tree for a lone min() or max(), but scans
            // the whole table for both in one select.
            guard
                let ends = try Row.fetchOne(
                    db, sql: "SELECT (SELECT min(id) FROM testBatch) AS first, (SELECT max(id) FROM testBatch) AS last"),
                let first = ends["first"] as Int64?, let last = ends["last"] as Int64?,
                last - first >= max(1, halvesFrom)
            else { return nil }
            let middle = first + (last - first) * 3 / 5
            let counts = try Row.fetchOne(
                db,
                sql:
                    "SELECT coalesce(sum(tests) FILTER (WHERE id <= ?), 0) AS head, coalesce(sum(tests), 0) AS total FROM testBatch",
                arguments: [middle])
            let head: Int = counts?["head"] ?? 0
            let total: Int = counts?["total"] ?? 0
            return (first, middle, last, head, total - head, try Self.revision(db))
        }
        guard let sizes else { return nil }
        // Each half writes straight into its own region of the one array, sized by the tests its packs
        // held when counted, and the second region is moved down behind the first: no second copy. A
        // half that finds more (a change since) stops, and the store is read once.
        let regions = [(start: 0, capacity: sizes.head), (start: sizes.head, capacity: sizes.tail)]
        let pool = self.pool
        var parts: [TestsPart] = []
        let measurements = try [StrengthModel.Measurement](unsafeUninitializedCapacity: sizes.head + sizes.tail) {
            buffer, count in
            let base = UncheckedPointer(buffer.baseAddress)
            let results = Mutex<[(result: Result<TestsPart, any Error>, written: Int)?]>([nil, nil])
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let region = regions[half]
                var written = 0
                let result = Result {
                    try pool.read { db in
                        var part = try Self.readTests(
                            request, ids: half == 0 ? sizes.first...sizes.middle : (sizes.middle + 1)...sizes.last, db
                        ) {
                            guard written < region.capacity, let pointer = base.pointer else { return false }
                            (pointer + region.start + written).initialize(to: $0)
                            written += 1
                            return true
                        }
                        // The sessions too, while the other half reads its tests.
                        if half == 1, !part.overflowed { part.sessions = try Self.readSessions(request, db) }
                        return part
                    }
                }
                results.withLock { $0[half] = (result, written) }
            }
            let (head, tail) = results.withLock { ($0[0]!, $0[1]!) }
            if let pointer = base.pointer {
                (pointer + head.written).moveInitialize(from: pointer + regions[1].start, count: tail.written)
            }
            count = head.written + tail.written
            parts = [try head.result.get(), try tail.result.get()]
        }
        guard parts.allSatisfy({ !$0.overflowed && $0.revision == sizes.revision }) else { return nil }
        return try pool.read { db in
            guard try Self.revision(db) == sizes.revision else { return nil }
            return try self.assemble(measurements, parts, request, db)
        }
    }

    /// Below this many ids (packs, about fourteen tests each) a second connection costs more than it
    /// saves.
    static let halvesFrom: Int64 = 4_000

    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
    }

    /// The tests of `request` with pack ids in `ids` (all without), in order. No join per pack: the
    /// files come from the few imports, and the squad is the set of its athletes, checked when the
    /// athlete changes. `add` says false when it has no room for a test, and the read stops.
    private static func readTests(
        _ request: TestRequest, ids: ClosedRange<Int64>?, _ db: Database,
        into add: (StrengthModel.Measurement) -> Bool
    ) throws -> TestsPart {
        var part = TestsPart()
        part.revision = try revision(db)
        var files: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, file FROM import") { files[row["id"]] = row["file"] }
        let members = try request.squad.map {
            Set(try String.fetchAll(db, sql: "SELECT id FROM athlete WHERE squad = ?", arguments: [$0]))
        }
        var (filter, arguments) = request.filter()
        if let ids {
            filter += (filter.isEmpty ? "WHERE " : " AND ") + "id BETWEEN ? AND ?"
            _ = arguments.append(contentsOf: [ids.lowerBound, ids.upperBound])
        }
        let statement = try db.makeStatement(
            sql: "SELECT athlete, date, importId, data FROM testBatch \(filter) ORDER BY id")
        try statement.setArguments(arguments)
        var packs = PackReader(statement.sqliteStatement, files: files, members: members)
        try forEachRow(of: statement, db) {
            guard !part.overflowed, packs.isMember() else { return }
            if !packs.forEachTest(add) { part.overflowed = true }
            part.importIds.insert(packs.importId)
        }
        return part
    }

    /// The sessions of `request`'s athletes, column by column (a squad has tens of thousands).
    private static func readSessions(_ request: TestRequest, _ db: Database) throws -> [SessionKey: SessionInfo] {
        let (filter, arguments) = request.filter("s.", squad: "a")
        let statement = try db.makeStatement(
            sql: """
                SELECT s.athlete, s.date, s.name, s.sex, s.age, s.bodyMassKg, s.sport, s.involvedSide,
                s.aclReconstruction, s.sources FROM session s JOIN athlete a ON a.id = s.athlete \(filter)
                """)
        try statement.setArguments(arguments)
        let columns = ColumnReader(statement.sqliteStatement)
        var sessions: [SessionKey: SessionInfo] = [:]
        // Sized once: growing a map of tens of thousands of sessions rehashed it a dozen times.
        sessions.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0)
        // A squad's sessions name the same few files: the list is made once per different text.
        var lastSources: (text: String, list: [String]) = ("", [])
        try forEachRow(of: statement, db) {
            guard let athlete = columns.text(0), let date = columns.text(1).flatMap(TestDate.init(iso:)) else {
                return
            }
            if !columns.equals(9, lastSources.text) {
                let text = columns.text(9) ?? ""
                lastSources = (
                    text,
                    text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                )
            }
            var info = StoredTests.session(
                athlete: athlete, date: date, name: columns.text(2), sex: columns.text(3),
                age: columns.int(4).map(Int.init), bodyMassKg: columns.double(5), sport: columns.text(6),
                involvedSide: columns.text(7), aclReconstruction: columns.int(8).map { $0 != 0 }, sources: "")
            info.sources = lastSources.list
            sessions[SessionKey(athlete: athlete, date: date)] = info
        }
        return sessions
    }

    /// The tests, with the sessions and accounting that go with them.
    private func assemble(
        _ measurements: [StrengthModel.Measurement], _ parts: [TestsPart], _ request: TestRequest, _ db: Database
    ) throws -> StoredTests {
        var importIds = Set<Int64>()
        for part in parts { importIds.formUnion(part.importIds) }
        var sessions = try parts.lazy.compactMap(\.sessions).first ?? Self.readSessions(request, db)
        RecordedDetails.fill(&sessions, of: measurements, from: try recordedDetails(db))
        return StoredTests(
            measurements: measurements, sessions: sessions, summary: try Self.summary(of: importIds, db))
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

/// A pointer handed to the two readers, each writing only its own region (none when both are empty).
private struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<StrengthModel.Measurement>?
    init(_ pointer: UnsafeMutablePointer<StrengthModel.Measurement>?) { self.pointer = pointer }
}

/// A column's bytes (a blob), valid until the statement steps again.
func blob(_ statement: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(
        start: sqlite3_column_blob(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
}

/// Reads the columns of the current row of a statement, straight from SQLite.
struct ColumnReader {
    let statement: OpaquePointer

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

    static func same(_ known: inout String, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        known.withUTF8 { $0.count == count && (count == 0 || memcmp($0.baseAddress!, bytes, count) == 0) }
    }

    /// Whether column `column` holds the bytes of `known`.
    func equals(_ column: Int32, _ known: String) -> Bool {
        guard let bytes = sqlite3_column_text(statement, column) else { return false }
        var known = known
        return Self.same(&known, bytes, Int(sqlite3_column_bytes(statement, column)))
    }
}

/// Reads the packs of `tests`' query (athlete, date, importId, data), keeping the last athlete, file
/// and date so a squad's repeated values are not made again for every pack.
struct PackReader {
    private let columns: ColumnReader
    /// The import ids' files.
    private let files: [Int64: String]
    /// With a squad: its athletes.
    private let members: Set<String>?
    private var athlete = ""
    private var athleteIsMember = true
    private(set) var importId: Int64 = -1
    private var fileNumber = SourceFiles.number("")
    private var dateText = ""
    private var date: TestDate?

    init(_ statement: OpaquePointer, files: [Int64: String], members: Set<String>?) {
        columns = ColumnReader(statement)
        self.files = files
        self.members = members
    }

    /// Whether the current row's athlete is in the squad asked for (always, without one).
    mutating func isMember() -> Bool {
        if !columns.equals(0, athlete) {
            athlete = columns.text(0) ?? ""
            athleteIsMember = members?.contains(athlete) ?? true
        }
        return athleteIsMember
    }

    /// Hands the current pack's tests to `add` in order, until it says false (then false).
    mutating func forEachTest(_ add: (StrengthModel.Measurement) -> Bool) -> Bool {
        if !columns.equals(1, dateText) {
            dateText = columns.text(1) ?? ""
            date = TestDate(iso: dateText)
        }
        let id = sqlite3_column_int64(columns.statement, 2)
        if id != importId {
            importId = id
            fileNumber = SourceFiles.number(files[id] ?? "")
        }
        guard let date else { return true }
        var room = true
        let (athleteNumber, fileNumber) = (AthleteNames.number(athlete), fileNumber)
        TestPack.forEach(in: blob(columns.statement, 3)) { test in
            guard room, let m = test.measurement(athleteNumber: athleteNumber, date: date, fileNumber: fileNumber)
            else { return }
            room = add(m)
        }
        return room
    }
}
