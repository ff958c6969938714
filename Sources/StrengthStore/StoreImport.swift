import Crypto
import Foundation
import GRDB
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
            for info in sessions.values where info.name != nil { athletes[info.athlete] = info.name }
            for (id, name) in athletes.sorted(by: { $0.key < $1.key }) {
                try athleteStatement.execute(arguments: [id, name, squad])
            }
            try Self.storeSessions(sessions, db)
            return try Self.storeTests(measurements, importIds: importIds, hashes: hashes, db)
        }
    }

    private static func storeSessions(_ sessions: [SessionKey: SessionInfo], _ db: Database) throws {
        // What a file says about a session fills what the store lacks; it never replaces what it has.
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction,
                sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(athlete, date) DO UPDATE SET name = coalesce(session.name, excluded.name),
                sex = coalesce(session.sex, excluded.sex), age = coalesce(session.age, excluded.age),
                bodyMassKg = coalesce(session.bodyMassKg, excluded.bodyMassKg),
                sport = coalesce(session.sport, excluded.sport),
                involvedSide = coalesce(session.involvedSide, excluded.involvedSide),
                aclReconstruction = coalesce(session.aclReconstruction, excluded.aclReconstruction)
                """)
        for (key, info) in sessions.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [
                key.athlete, key.date.description, info.name, info.sex?.rawValue, info.age, info.bodyMassKg,
                info.sport, info.involvedSide?.rawValue, info.aclReconstruction, info.sources.joined(separator: "\n"),
            ])
        }
    }

    private static func storeTests(
        _ measurements: [Measurement], importIds: [String: Int64], hashes: [String: String], _ db: Database
    ) throws -> StoreImportOutcome {
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO measurement (athlete, date, protocol, trial, side, muscle, contraction, velocity, angle,
                method, dimension, position, machine, valueSI, sourceUnit, gravityCorrected, repetitions, warmUp,
                dropSet, trainingLog, file, fileSHA256, line, importId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(athlete, date, protocol, trial) DO NOTHING
                """)
        let existing = try db.makeStatement(
            sql:
                "SELECT valueSI, file, line FROM measurement WHERE athlete = ? AND date = ? AND protocol = ? AND trial = ?"
        )
        var outcome = StoreImportOutcome()
        // A test's trial number is its place among the same athlete's same test that day, in its file.
        var trials: [TrialCount: Int] = [:]
        for m in measurements {
            let identity = TestIdentity(m)
            let countKey = TrialCount(file: m.source.file, athlete: m.athlete, date: m.date, test: identity.text)
            let trial = (trials[countKey] ?? 0) + 1
            trials[countKey] = trial
            let date = m.date.description
            try insert.execute(arguments: [
                m.athlete, date, identity.text, trial, m.side?.rawValue, m.muscle.rawValue, m.contraction.rawValue,
                m.velocity, m.angle, m.method.rawValue, m.value.dimension.rawValue, m.position?.rawValue,
                m.machine?.rawValue, m.value.si, m.sourceUnit.rawValue, m.gravityCorrected,
                m.repetitions.map { Int($0) }, m.isWarmUp, m.isDropSet, m.fromTrainingLog, m.source.file,
                hashes[m.source.file] ?? "", m.source.line, importIds[m.source.file],
            ])
            if db.changesCount > 0 {
                outcome.stored += 1
                continue
            }
            guard let row = try Row.fetchOne(existing, arguments: [m.athlete, date, identity.text, trial]) else {
                continue
            }
            let storedValue: Double = row["valueSI"]
            if abs(storedValue - m.value.si) <= 1e-9 * max(1, abs(storedValue)) {
                outcome.alreadyStored += 1
            } else {
                outcome.conflicts.append(
                    StoreImportOutcome.Conflict(
                        athlete: m.athlete, date: m.date, test: identity.words + (trial > 1 ? ", trial \(trial)" : ""),
                        storedValue: storedValue, storedSource: SourceLocation(file: row["file"], line: row["line"]),
                        newValue: m.value.si, newSource: m.source, unit: m.value.dimension.siSymbol))
            }
        }
        return outcome
    }

    private struct TrialCount: Hashable {
        var file: String
        var athlete: String
        var date: TestDate
        var test: String
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
/// drop set). With the trial number it is the identity docs/store.md describes.
struct TestIdentity {
    var text: String
    var words: String

    init(_ m: Measurement) {
        let key = ProtocolKey(m)
        let parts: [String] = [
            key.side?.rawValue ?? "-", key.muscle.rawValue, key.contraction.rawValue,
            key.velocityTenths.map(String.init) ?? "-", key.angle.map(String.init) ?? "-", key.method.rawValue,
            key.dimension.rawValue, key.position?.rawValue ?? "-", m.machine?.rawValue ?? "-",
            m.fromTrainingLog ? "log" : "test", m.isWarmUp ? "warm-up" : "working", m.isDropSet ? "drop" : "straight",
        ]
        text = parts.joined(separator: "|")
        var words = [key.side.map { "\($0.rawValue) " } ?? "", "\(key.muscle.rawValue) \(key.contraction.rawValue)"]
            .joined()
        if let velocity = key.velocity { words += " at \(Int(velocity))°/s" }
        if let angle = key.angle { words += " at \(angle)°" }
        words += " (\(key.method.rawValue))"
        self.words = words
    }
}
