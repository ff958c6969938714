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
            let part = try Self.readTests(request, ids: nil, db) { measurements.append($0) }
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
    private static func forEachRow(of statement: Statement, _ db: Database, _ row: () throws -> Void) throws {
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
    }

    /// A large store's tests read on two cores, the first and second half of the ids each on its own
    /// connection, joined in id order: the same tests in the same order as one read, in half the time
    /// (reading was a third of a squad report's work, on one core). Each half is its own snapshot, so
    /// the halves count only when both saw the same revision (every change counts it up in its own
    /// transaction); otherwise nil, and the caller reads once.
    private func readInHalves(_ request: TestRequest, from halvesFrom: Int64) throws -> StoredTests? {
        let (first, last, count) = try pool.read { db in
            // Subqueries: SQLite reads one end of the ids' B-tree for a lone min() or max(), but scans
            // the whole table for both in one select.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT min(id) FROM measurement) AS first, (SELECT max(id) FROM measurement) AS last,
                    (SELECT count(*) FROM measurement) AS count
                    """)
            return (row?["first"] as Int64?, row?["last"] as Int64?, row?["count"] as Int64? ?? 0)
        }
        // The array is sized by the ids' span: a store whose ids are mostly gone (erasures, merges) is
        // read once rather than reserve room for tests it no longer has.
        guard let first, let last, last - first >= max(1, halvesFrom), last - first < 2 * count else { return nil }
        // The second reader also reads the sessions (about a test day for every fourteen tests, each
        // costing three tests' time), so it takes two fifths of the ids and both finish together.
        let middle = first + (last - first) * 3 / 5
        // Each half writes straight into its own region of the one array (a range of ids holds at most
        // that many tests), and the second region is moved down behind the first: no second copy.
        let secondStart = Int(middle - first + 1)
        let capacity = Int(last - first + 1)
        let pool = self.pool
        var parts: [TestsPart] = []
        let measurements = try [StrengthModel.Measurement](unsafeUninitializedCapacity: capacity) { buffer, count in
            let base = UncheckedPointer(buffer.baseAddress!)
            let results = Mutex<[(result: Result<TestsPart, any Error>, written: Int)?]>([nil, nil])
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let start = half == 0 ? 0 : secondStart
                var written = 0
                let result = Result {
                    try pool.read { db in
                        var part = try Self.readTests(
                            request, ids: half == 0 ? first...middle : (middle + 1)...last, db
                        ) {
                            (base.pointer + start + written).initialize(to: $0)
                            written += 1
                        }
                        // The sessions too, while the other half reads its tests.
                        if half == 1 { part.sessions = try Self.readSessions(request, db) }
                        return part
                    }
                }
                results.withLock { $0[half] = (result, written) }
            }
            let (head, tail) = results.withLock { ($0[0]!, $0[1]!) }
            (base.pointer + head.written).moveInitialize(from: base.pointer + secondStart, count: tail.written)
            count = head.written + tail.written
            parts = [try head.result.get(), try tail.result.get()]
        }
        guard parts[0].revision == parts[1].revision else { return nil }
        return try pool.read { db in
            guard try Self.revision(db) == parts[0].revision else { return nil }
            return try self.assemble(measurements, parts, request, db)
        }
    }

    /// Below this many ids a second connection costs more than it saves.
    static let halvesFrom: Int64 = 50_000

    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
    }

    /// The tests of `request` with ids in `ids` (all without), read column by column: a squad's tests
    /// through `Row` subscripts by name took longer than analysing them. No join per test: the files
    /// come from the few imports, and the squad is the set of its athletes, checked when the athlete
    /// changes.
    private static func readTests(
        _ request: TestRequest, ids: ClosedRange<Int64>?, _ db: Database,
        into add: (StrengthModel.Measurement) -> Void
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
            sql: """
                SELECT athlete, date, side, muscle, contraction, velocity, angle, method, dimension, position,
                machine, valueSI, sourceUnit, gravityCorrected, repetitions, warmUp, dropSet, trainingLog, importId,
                line FROM measurement \(filter) ORDER BY id
                """)
        try statement.setArguments(arguments)
        var columns = ColumnReader(statement.sqliteStatement, files: files, members: members)
        try forEachRow(of: statement, db) {
            guard columns.isMember() else { return }
            if let m = columns.measurement() { add(m) }
            part.importIds.insert(columns.importId)
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
        let columns = ColumnReader(statement.sqliteStatement, files: [:], members: nil)
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

/// A pointer handed to the two readers, each writing only its own region.
private struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<StrengthModel.Measurement>
    init(_ pointer: UnsafeMutablePointer<StrengthModel.Measurement>) { self.pointer = pointer }
}

/// Reads the columns of the current row of `tests`' query, keeping the last athlete, file, date and
/// words so a squad's repeated values are not made again for every test.
struct ColumnReader {
    let statement: OpaquePointer
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
    // The columns of few values (side, muscle, …), each word read once and remembered with its meaning.
    private var sides = WordCache<Side>()
    private var muscles = WordCache<MuscleGroup>()
    private var contractions = WordCache<Contraction>()
    private var methods = WordCache<TestMethod>()
    private var dimensions = WordCache<PhysicalDimension>()
    private var positions = WordCache<BodyPosition>()
    private var machines = WordCache<MachineVariant>()
    private var units = WordCache<MeasurementUnit>()

    init(_ statement: OpaquePointer, files: [Int64: String], members: Set<String>?) {
        self.statement = statement
        self.files = files
        self.members = members
    }

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

    /// What column `column` says, from the words already seen in it; nil for NULL or a word this
    /// version does not know.
    private static func meaning<Value: RawRepresentable>(
        _ statement: OpaquePointer, _ column: Int32, _ cache: inout WordCache<Value>
    ) -> Value? where Value.RawValue == String {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return cache.meaning(bytes, Int(sqlite3_column_bytes(statement, column)))
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

    /// Whether the current row's athlete is in the squad asked for (always, without one).
    mutating func isMember() -> Bool {
        if !equals(0, athlete) {
            athlete = text(0) ?? ""
            athleteIsMember = members?.contains(athlete) ?? true
        }
        return athleteIsMember
    }

    mutating func measurement() -> StrengthModel.Measurement? {
        if !equals(1, dateText) {
            dateText = text(1) ?? ""
            date = TestDate(iso: dateText)
        }
        let id = sqlite3_column_int64(statement, 18)
        if id != importId {
            importId = id
            fileNumber = SourceFiles.number(files[id] ?? "")
        }
        let statement = self.statement
        guard let date, let muscle = Self.meaning(statement, 3, &muscles),
            let contraction = Self.meaning(statement, 4, &contractions),
            let method = Self.meaning(statement, 7, &methods), let dimension = Self.meaning(statement, 8, &dimensions),
            let sourceUnit = Self.meaning(statement, 12, &units)
        else { return nil }
        return StrengthModel.Measurement(
            athlete: athlete, date: date, side: Self.meaning(statement, 2, &sides), muscle: muscle,
            contraction: contraction, velocity: double(5), angle: double(6),
            value: Quantity(dimension: dimension, si: sqlite3_column_double(statement, 11)), sourceUnit: sourceUnit,
            method: method,
            gravityCorrected: int(13).map { $0 != 0 }, repetitions: int(14).map { UInt16(clamping: $0) },
            // The columns declared NOT NULL are read without asking their type first.
            isWarmUp: sqlite3_column_int64(statement, 15) == 1, position: Self.meaning(statement, 9, &positions),
            source: SourceLocation(fileNumber: fileNumber, line: Int(sqlite3_column_int64(statement, 19))),
            isDropSet: sqlite3_column_int64(statement, 16) == 1,
            fromTrainingLog: sqlite3_column_int64(statement, 17) == 1, machine: Self.meaning(statement, 10, &machines))
    }
}

/// The words of one column seen so far and what each means (nil: not a word this version knows). A
/// column of a squad's tests holds a handful of words; at most 16 are kept, the rest made each time.
struct WordCache<Value: RawRepresentable> where Value.RawValue == String {
    private var entries: [(word: String, value: Value?)] = []

    mutating func meaning(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Value? {
        for i in entries.indices where ColumnReader.same(&entries[i].word, bytes, count) { return entries[i].value }
        let word = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        let value = Value(rawValue: word)
        if entries.count < 16 { entries.append((word, value)) }
        return value
    }
}
