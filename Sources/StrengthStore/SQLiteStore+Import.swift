import Foundation
import GRDB
import GRDBSQLite
import StrengthModel

extension SQLiteStore {
    /// One transaction: an import interrupted half-way leaves the store as it was.
    public func store(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String?, now: Date, fileHashes: [String: String]?
    ) throws -> StoreImportOutcome {
        // The tests are packed on the other core while this one hashes the files, names the athletes,
        // puts the sessions in order and writes them; the write waits for the packs only when it
        // comes to the tests.
        let batches = Pending { TestBatches(measurements) }
        let work = Prepared(
            hashes: fileHashes ?? FileHashes.sha256(of: files),
            athletes: ImportedAthletes.names(measurements, sessions),
            sessions: sessions.sorted { $0.key < $1.key }.map(\.value))
        let importedAt = ISO8601DateFormatter().string(from: now)
        return try pool.writeWithoutTransaction { db in
            // The tests' parents (their athlete and import) are written first in the same transaction,
            // so checking both for every one of millions of tests proves nothing: foreign keys are off
            // while the tests go in, on again for every other statement (the setting is the
            // connection's, and cannot change inside a transaction).
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var outcome = StoreImportOutcome()
            try db.inTransaction {
                outcome = try Self.storeInTransaction(
                    batches, work, files: files, squad: squad, importedAt: importedAt, db)
                return .commit
            }
            return outcome
        }
    }

    /// An import's files' hashes, athletes (with the names files gave them) and sessions in order.
    private struct Prepared: Sendable {
        var hashes: [String: String]
        var athletes: [(String, String?)]
        var sessions: [SessionInfo]
    }

    private static func storeInTransaction(
        _ batches: Pending<TestBatches>, _ work: Prepared, files: [FileImportSummary], squad: String?,
        importedAt: String,
        _ db: Database
    ) throws -> StoreImportOutcome {
        let hashes = work.hashes
        var importIds: [String: Int64] = [:]
        for file in files {
            try db.execute(
                sql: """
                    INSERT INTO import (file, sha256, importedAt, format, rowsRead, rowsImported, rowsSkipped,
                    rowsRejected, measurements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    file.path, hashes[file.path] ?? "", importedAt, file.format, file.counts.rowsRead,
                    file.counts.rowsImported, file.counts.rowsSkipped, file.counts.rowsRejected, file.measurements,
                ])
            importIds[file.path] = db.lastInsertedRowID
        }
        let athleteStatement = try db.makeStatement(
            sql: """
                INSERT INTO athlete (id, name, squad) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = coalesce(athlete.name, excluded.name),
                squad = coalesce(excluded.squad, athlete.squad)
                """)
        for (id, name) in work.athletes {
            try athleteStatement.execute(arguments: [id, name, squad])
        }
        try Self.bumpRevision(db)
        try Self.storeSessions(work.sessions, db)
        return try Self.storeTests(batches.value(), importIds: importIds, db)
    }

    /// A session's details: what a file (or a merged id) says fills what the store lacks, and never
    /// replaces what it has.
    static let sessionUpsert = """
        INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction,
        sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        \(SessionFill.onConflict)
        """

    private static func storeSessions(_ sessions: [SessionInfo], _ db: Database) throws {
        let statement = try db.makeStatement(sql: sessionUpsert)
        // Bound straight to SQLite, as the tests are: a squad's file has a hundred thousand sessions.
        var row = RowBinder(statement.sqliteStatement)
        for info in sessions {
            row.reset()
            row.session(info)
            try step(statement, db)
        }
    }

    /// The tests go in packed, one row per athlete, day and file (`TestBatches`): a row per test cost
    /// SQLite about two microseconds each, most of a 100 MB import. A test the store already has (an
    /// earlier import, or an earlier file of this one, on the same athlete's same day) is compared
    /// rather than stored again.
    private static func storeTests(
        _ batches: TestBatches, importIds: [String: Int64], _ db: Database
    ) throws -> StoreImportOutcome {
        let storeHadTests = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM testBatch)") ?? false
        let insert = try db.makeStatement(
            sql: "INSERT INTO testBatch (athlete, date, importId, tests, data) VALUES (?, ?, ?, ?, ?)")
        let stored = try db.makeStatement(sql: "SELECT importId, data FROM testBatch WHERE athlete = ? AND date = ?")
        var storedFiles: [Int64: UInt32]?
        var outcome = StoreImportOutcome()
        for batch in batches.batches {
            var pack = batch.pack
            // Only a day the store had before, or that another file of this import gave too, is looked up.
            if storeHadTests || batch.sharesDay {
                var earlier: [TestKey: (value: Double, importId: Int64, line: Int)] = [:]
                var lookup = RowBinder(stored.sqliteStatement)
                lookup.reset()
                lookup.text(batch.athlete)
                lookup.text(batch.date.description)
                // Nothing but this look-up keeps a test from being stored twice: a failed step is an error,
                // not the end of the day's packs.
                try forEachRow(of: stored, db) {
                    let importId = sqlite3_column_int64(stored.sqliteStatement, 0)
                    TestPack.forEach(in: blob(stored.sqliteStatement, 1)) { test in
                        earlier[TestKey(code: test.code, trial: test.trial)] = (test.valueSI, importId, test.line)
                    }
                }
                if !earlier.isEmpty {
                    if storedFiles == nil { storedFiles = try importedFiles(db) }
                    pack = TestPack()
                    for test in TestPack.tests(in: batch.pack.bytes) {
                        guard let known = earlier[TestKey(code: test.code, trial: test.trial)] else {
                            pack.append(test)
                            continue
                        }
                        guard
                            let m = test.measurement(
                                athleteNumber: AthleteNames.number(batch.athlete), date: batch.date,
                                fileNumber: batch.fileNumber)
                        else { continue }
                        outcome.compare(
                            m, identity: TestIdentity(m), trial: test.trial, storedValue: known.value,
                            storedSource: SourceLocation(
                                fileNumber: storedFiles?[known.importId] ?? SourceFiles.number(""), line: known.line))
                    }
                }
            }
            guard pack.count > 0 else { continue }
            var row = RowBinder(insert.sqliteStatement)
            row.reset()
            row.text(batch.athlete)
            row.text(batch.date.description)
            row.number(importIds[SourceFiles.name(batch.fileNumber)])
            row.number(Int64(pack.count))
            row.blob(pack.bytes)
            try step(insert, db)
            outcome.stored += pack.count
        }
        return outcome
    }

    /// The imports' files by id, as numbers.
    static func importedFiles(_ db: Database) throws -> [Int64: UInt32] {
        var files: [Int64: UInt32] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, file FROM import") {
            files[row["id"]] = SourceFiles.number(row["file"])
        }
        return files
    }

    /// Runs a statement that returns no rows.
    static func step(_ statement: Statement, _ db: Database) throws {
        let status = sqlite3_step(statement.sqliteStatement)
        guard status == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// Binds one row's values to a prepared statement, in order.
struct RowBinder: TestColumnSink {
    let statement: OpaquePointer
    var index: Int32 = 0
    // SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) { self.statement = statement }

    mutating func reset() {
        sqlite3_reset(statement)
        index = 0
    }

    mutating func text(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                statement, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), Self.transient)
        }
    }

    mutating func number(_ number: Int64?) {
        index += 1
        if let number { sqlite3_bind_int64(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func number(_ number: Double?) {
        index += 1
        if let number { sqlite3_bind_double(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func blob(_ bytes: [UInt8]) {
        index += 1
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// SQLite's booleans are the integers 0 and 1.
    mutating func flag(_ value: Bool?) { number(value.map { $0 ? Int64(1) : 0 }) }
}
