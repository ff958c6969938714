import Crypto
import Foundation
import GRDB
import GRDBSQLite
import StrengthModel

typealias Measurement = StrengthModel.Measurement

/// What an import did to the store.
public struct StoreImportOutcome: Sendable, Equatable {
    /// Tests the store did not have.
    public var stored = 0
    /// Tests it already had, with the same value: a repeated file or an export that repeats months.
    public var alreadyStored = 0
    public var conflicts: [Conflict] = []

    /// The same test (athlete, day, protocol, trial) with another value than the stored one.
    public struct Conflict: Sendable, Equatable {
        public var athlete: String
        public var date: TestDate
        public var test: String
        public var storedValue: Double
        public var storedSource: SourceLocation
        public var newValue: Double
        public var newSource: SourceLocation
        public var unit: String
    }
}

extension Store {
    /// Stores what an import read: its files with their SHA-256 and row accounting, athletes,
    /// session details (filling gaps, never overwriting), and each test once. One transaction: an
    /// import interrupted half-way leaves the store as it was.
    public func store(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String? = nil, now: Date = Date()
    ) throws -> StoreImportOutcome {
        var hashes: [String: String] = [:]
        for file in files where !file.failed { hashes[file.path] = Self.sha256(ofFile: file.path) ?? "" }
        let importedAt = ISO8601DateFormatter().string(from: now)
        return try pool.write { db in
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
            var athletes: [String: String?] = [:]
            for m in measurements where athletes[m.athlete] == nil { athletes[m.athlete] = .some(nil) }
            // A session can outlive its rows (all rejected or skipped): its athlete is stored too.
            for info in sessions.values where athletes[info.athlete] == nil || info.name != nil {
                athletes[info.athlete] = info.name
            }
            for (id, name) in athletes.sorted(by: { $0.key < $1.key }) {
                try athleteStatement.execute(arguments: [id, name, squad])
            }
            try Self.storeSessions(sessions, db)
            return try Self.storeTests(measurements, importIds: importIds, db)
        }
    }

    /// A session's details: what a file (or a merged id) says fills what the store lacks, and never
    /// replaces what it has.
    static let sessionUpsert = """
        INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction,
        sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(athlete, date) DO UPDATE SET name = coalesce(session.name, excluded.name),
        sex = coalesce(session.sex, excluded.sex), age = coalesce(session.age, excluded.age),
        bodyMassKg = coalesce(session.bodyMassKg, excluded.bodyMassKg),
        sport = coalesce(session.sport, excluded.sport),
        involvedSide = coalesce(session.involvedSide, excluded.involvedSide),
        aclReconstruction = coalesce(session.aclReconstruction, excluded.aclReconstruction)
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
                SELECT m.valueSI, i.file, m.line FROM measurement m JOIN import i ON i.id = m.importId
                WHERE m.athlete = ? AND m.date = ? AND m.protocol = ? AND m.trial = ?
                """)
        var outcome = StoreImportOutcome()
        // A test's trial number is its place among the same athlete's same test that day, in its file:
        // counted per file, athletes numbered as they come (rows of one athlete follow each other, so
        // the id is compared with the last one before it is hashed).
        var trials: [TrialCount: Int] = [:]
        var athleteNumbers: [String: Int32] = [:]
        var currentFile: String?
        var last: (athlete: String, number: Int32)?
        var row = RowBinder(insert.sqliteStatement)
        for m in measurements {
            if m.source.file != currentFile {
                currentFile = m.source.file
                trials.removeAll(keepingCapacity: true)
            }
            let number: Int32
            if let last, last.athlete == m.athlete {
                number = last.number
            } else {
                number = athleteNumbers[m.athlete] ?? Int32(athleteNumbers.count)
                athleteNumbers[m.athlete] = number
                last = (m.athlete, number)
            }
            let identity = TestIdentity(m)
            let countKey = TrialCount(athlete: number, day: Int32(m.date.daysSinceEpoch), test: identity.code)
            let trial = (trials[countKey] ?? 0) + 1
            trials[countKey] = trial
            let date = m.date.description
            // Bound straight to SQLite: two million rows through `StatementArguments` took most of an import.
            row.reset()
            row.bind(m.athlete)
            row.bind(date)
            row.bind(identity.code)
            row.bind(Int64(trial))
            row.bind(m.side?.rawValue)
            row.bind(m.muscle.rawValue)
            row.bind(m.contraction.rawValue)
            row.bind(m.velocity)
            row.bind(m.angle)
            row.bind(m.method.rawValue)
            row.bind(m.value.dimension.rawValue)
            row.bind(m.position?.rawValue)
            row.bind(m.machine?.rawValue)
            row.bind(m.value.si)
            row.bind(m.sourceUnit.rawValue)
            row.bind(m.gravityCorrected.map { $0 ? Int64(1) : 0 })
            row.bind(m.repetitions.map { Int64($0) })
            row.bind(Int64(m.isWarmUp ? 1 : 0))
            row.bind(Int64(m.isDropSet ? 1 : 0))
            row.bind(Int64(m.fromTrainingLog ? 1 : 0))
            row.bind(Int64(m.source.line))
            row.bind(importIds[m.source.file])
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
            guard let stored = try Row.fetchOne(existing, arguments: [m.athlete, date, identity.code, trial]) else {
                continue
            }
            let storedValue: Double = stored["valueSI"]
            if abs(storedValue - m.value.si) <= 1e-9 * max(1, abs(storedValue)) {
                outcome.alreadyStored += 1
            } else {
                outcome.conflicts.append(
                    StoreImportOutcome.Conflict(
                        athlete: m.athlete, date: m.date, test: identity.words + (trial > 1 ? ", trial \(trial)" : ""),
                        storedValue: storedValue,
                        storedSource: SourceLocation(file: stored["file"], line: stored["line"]),
                        newValue: m.value.si, newSource: m.source, unit: m.value.dimension.siSymbol))
            }
        }
        return outcome
    }

    private struct TrialCount: Hashable {
        var athlete: Int32
        var day: Int32
        var test: Int64
    }

    /// The file's SHA-256 in hex, read in pieces; nil when it cannot be read again (standard input).
    static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// What makes two stored rows the same test: athlete and day (columns of their own), and this —
/// the protocol (side, muscle, contraction, speed to a tenth of a degree per second, knee angle to a
/// degree, device, what was measured, position, machine) and the kind of row (training log, warm-up,
/// drop set), packed exactly into one integer (`code`, the `protocol` column). With the trial number
/// it is the identity docs/store.md describes.
struct TestIdentity {
    var code: Int64
    var words: String

    init(_ m: Measurement) {
        let key = ProtocolKey(m)
        func ordinal<T: CaseIterable & Equatable>(_ value: T?) -> Int64 where T.AllCases: RandomAccessCollection {
            guard let value, let i = T.allCases.firstIndex(of: value) else { return 0 }
            return Int64(T.allCases.distance(from: T.allCases.startIndex, to: i) + 1)
        }
        // Bits from the lowest: side 2, muscle 2, contraction 2, method 4, dimension 3, position 3,
        // machine 3, training log 1, warm-up 1, drop set 1, angle 10 (0 none, else degrees + 361),
        // speed 24 (0 none, else tenths + 1).
        var code = ordinal(key.side)
        code |= ordinal(key.muscle) << 2
        code |= ordinal(key.contraction) << 4
        code |= ordinal(key.method) << 6
        code |= ordinal(key.dimension) << 10
        code |= ordinal(key.position) << 13
        code |= ordinal(m.machine) << 16
        code |= (m.fromTrainingLog ? 1 : 0) << 19
        code |= (m.isWarmUp ? 1 : 0) << 20
        code |= (m.isDropSet ? 1 : 0) << 21
        code |= Int64(key.angle.map { min(max($0, -360), 360) + 361 } ?? 0) << 22
        code |= Int64(key.velocityTenths.map { min(max($0, 0), (1 << 24) - 2) + 1 } ?? 0) << 32
        self.code = code
        var words = [key.side.map { "\($0.rawValue) " } ?? "", "\(key.muscle.rawValue) \(key.contraction.rawValue)"]
            .joined()
        if let velocity = key.velocity {
            words += " at \(velocity.rounded() == velocity ? String(Int(velocity)) : String(velocity))°/s"
        }
        if let angle = key.angle { words += " at \(angle)°" }
        words += " (\(key.method.rawValue))"
        self.words = words
    }
}

/// Binds one row's values to a prepared statement, in order.
struct RowBinder {
    let statement: OpaquePointer
    var index: Int32 = 0
    // SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) { self.statement = statement }

    mutating func reset() {
        sqlite3_reset(statement)
        index = 0
    }

    mutating func bind(_ text: String?) {
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

    mutating func bind(_ number: Int64?) {
        index += 1
        if let number { sqlite3_bind_int64(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ number: Double?) {
        index += 1
        if let number { sqlite3_bind_double(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }
}
