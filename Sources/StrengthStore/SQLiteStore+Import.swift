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
        let hashes = fileHashes ?? FileHashes.sha256(of: files)
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
                    measurements, sessions: sessions, files: files, squad: squad, importedAt: importedAt,
                    hashes: hashes, db)
                return .commit
            }
            return outcome
        }
    }

    private static func storeInTransaction(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String?, importedAt: String, hashes: [String: String], _ db: Database
    ) throws -> StoreImportOutcome {
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
        for (id, name) in ImportedAthletes.names(measurements, sessions) {
            try athleteStatement.execute(arguments: [id, name, squad])
        }
        try Self.bumpRevision(db)
        try Self.storeSessions(sessions, db)
        return try Self.storeTests(measurements, importIds: importIds, db)
    }

    /// A session's details: what a file (or a merged id) says fills what the store lacks, and never
    /// replaces what it has.
    static let sessionUpsert = """
        INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction,
        sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        \(SessionFill.onConflict)
        """

    private static func storeSessions(_ sessions: [SessionKey: SessionInfo], _ db: Database) throws {
        let statement = try db.makeStatement(sql: sessionUpsert)
        for (key, info) in sessions.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [
                key.athlete, key.date.description, info.name, info.sex?.rawValue, info.age, info.bodyMassKg,
                info.sport, info.involvedSide?.rawValue, info.aclReconstruction, info.sources.joined(separator: "\n"),
            ])
        }
    }

    private static func storeTests(
        _ measurements: [Measurement], importIds: [String: Int64], _ db: Database
    ) throws -> StoreImportOutcome {
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO measurement (athlete, date, protocol, trial, side, muscle, contraction, velocity, angle,
                method, dimension, position, machine, valueSI, sourceUnit, gravityCorrected, repetitions, warmUp,
                dropSet, trainingLog, line, importId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(athlete, date, protocol, trial) DO NOTHING
                """)
        let existing = try db.makeStatement(
            sql: """
                SELECT valueSI, importId, line FROM measurement
                WHERE athlete = ? AND date = ? AND protocol = ? AND trial = ?
                """)
        var storedFiles: [Int64: UInt32]?
        var outcome = StoreImportOutcome()
        var numbering = TrialNumbering()
        var row = RowBinder(insert.sqliteStatement)
        for m in measurements {
            let (identity, trial) = numbering.next(m)
            let date = m.date.description
            // Bound straight to SQLite: two million rows through `StatementArguments` took most of an import.
            row.reset()
            row.test(m, date: date, identity: identity, trial: trial, importId: importIds[m.source.file])
            let status = sqlite3_step(insert.sqliteStatement)
            guard status == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: status),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if sqlite3_changes(db.sqliteConnection) > 0 {
                outcome.stored += 1
                continue
            }
            // Already stored (a repeated file, a month exported again): the stored value, read straight
            // from the statement, as most tests of a repeated export come this way.
            var lookup = RowBinder(existing.sqliteStatement)
            lookup.reset()
            lookup.text(m.athlete)
            lookup.text(date)
            lookup.number(identity.code)
            lookup.number(Int64(trial))
            guard sqlite3_step(existing.sqliteStatement) == SQLITE_ROW else { continue }
            if storedFiles == nil {
                storedFiles = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, file FROM import") {
                    storedFiles?[row["id"]] = SourceFiles.number(row["file"])
                }
            }
            let storedSource = SourceLocation(
                fileNumber: storedFiles?[sqlite3_column_int64(existing.sqliteStatement, 1)] ?? SourceFiles.number(""),
                line: Int(sqlite3_column_int64(existing.sqliteStatement, 2)))
            outcome.compare(
                m, identity: identity, trial: trial, storedValue: sqlite3_column_double(existing.sqliteStatement, 0),
                storedSource: storedSource)
        }
        return outcome
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

    /// SQLite's booleans are the integers 0 and 1.
    mutating func flag(_ value: Bool?) { number(value.map { $0 ? Int64(1) : 0 }) }
}
