import Foundation
import NIOCore
import PostgresNIO
import StrengthModel

extension PostgresStore {
    /// One transaction: tests, sessions and athletes are streamed with COPY into temporary tables,
    /// then added with the same rules as SQLite's (first come stays; a session's details fill gaps).
    public func store(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String?, now: Date, fileHashes: [String: String]?
    ) async throws -> StoreImportOutcome {
        try await serial.withLock {
            let hashes = fileHashes ?? FileHashes.sha256(of: files)
            return try await transaction {
                var importIds: [String: Int64] = [:]
                for file in files {
                    let rows = try await execute(
                        """
                        INSERT INTO import (file, sha256, importedAt, format, rowsRead, rowsImported, rowsSkipped,
                        rowsRejected, measurements) VALUES (\(file.path), \(hashes[file.path] ?? ""), \(now), \(file.format),
                        \(file.counts.rowsRead), \(file.counts.rowsImported), \(file.counts.rowsSkipped),
                        \(file.counts.rowsRejected), \(file.measurements)) RETURNING id
                        """)
                    for try await id in rows.decode(Int64.self) { importIds[file.path] = id }
                }
                try await bumpRevision()
                try await storeAthletes(ImportedAthletes.names(measurements, sessions), squad: squad)
                try await storeSessions(sessions)
                return try await storeTests(measurements, importIds: importIds)
            }
        }
    }

    private func storeAthletes(_ athletes: [(String, String?)], squad: String?) async throws {
        try await execute("CREATE TEMP TABLE incoming_athlete (id text, name text) ON COMMIT DROP")
        try await copy(into: "incoming_athlete", columns: ["id", "name"], athletes) { rows, athlete in
            rows.text(athlete.0)
            rows.text(athlete.1)
        }
        try await execute(
            """
            INSERT INTO athlete (id, name, squad) SELECT id, name, \(squad) FROM incoming_athlete ORDER BY id
            ON CONFLICT (id) DO UPDATE SET name = coalesce(athlete.name, excluded.name),
            squad = coalesce(excluded.squad, athlete.squad)
            """)
    }

    private func storeSessions(_ sessions: [SessionKey: SessionInfo]) async throws {
        let columns = [
            "athlete", "date", "name", "sex", "age", "bodymasskg", "sport", "involvedside", "aclreconstruction",
            "sources",
        ]
        try await execute(
            """
            CREATE TEMP TABLE incoming_session (athlete text, date date, name text, sex text, age integer,
            bodyMassKg double precision, sport text, involvedSide text, aclReconstruction boolean, sources text)
            ON COMMIT DROP
            """)
        try await copy(into: "incoming_session", columns: columns, sessions.sorted { $0.key < $1.key }) {
            rows, session in rows.session(session.value)
        }
        try await execute(
            """
            INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction,
            sources) SELECT athlete, date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction, sources
            FROM incoming_session
            \(unescaped: SessionFill.onConflict)
            """)
    }

    static let testColumns = [
        "athlete", "date", "protocol", "trial", "side", "muscle", "contraction", "velocity", "angle", "method",
        "dimension", "position", "machine", "valuesi", "sourceunit", "gravitycorrected", "repetitions", "warmup",
        "dropset", "traininglog", "line", "importid",
    ]

    private func storeTests(_ measurements: [Measurement], importIds: [String: Int64]) async throws
        -> StoreImportOutcome
    {
        // The tests' own columns and types, without the table's constraints.
        try await execute(
            PostgresQuery(
                unsafeSQL: """
                    CREATE TEMP TABLE incoming_test ON COMMIT DROP AS
                    SELECT 0::bigint AS seq, \(Self.testColumns.joined(separator: ", ")) FROM measurement WITH NO DATA
                    """))

        var numbering = TrialNumbering()
        var trials: [Int32] = []
        trials.reserveCapacity(measurements.count)
        try await copy(into: "incoming_test", columns: ["seq"] + Self.testColumns, measurements.indices) {
            rows, index in
            let m = measurements[index]
            let (identity, trial) = numbering.next(m)
            trials.append(Int32(trial))
            rows.number(Int64(index))
            rows.test(m, date: m.date.description, identity: identity, trial: trial, importId: importIds[m.source.file])
        }
        let columns = Self.testColumns.joined(separator: ", ")
        var outcome = StoreImportOutcome()
        // In the file's order, so the first of two same tests in one import is the one kept.
        let inserted = try await execute(
            PostgresQuery(
                unsafeSQL: """
                    WITH inserted AS (INSERT INTO measurement (\(columns)) SELECT \(columns) FROM incoming_test
                    ORDER BY seq ON CONFLICT (athlete, date, protocol, trial) DO NOTHING RETURNING 1)
                    SELECT count(*) FROM inserted
                    """))
        for try await count in inserted.decode(Int.self) { outcome.stored = count }
        guard outcome.stored < measurements.count else { return outcome }
        // The rest were there before this file: the same test from another import (one file holds
        // each identity once, so a test stored from this file's import is this very row).
        let earlier = try await execute(
            """
            SELECT i.seq, m.valueSI, f.file, m.line FROM incoming_test i
            JOIN measurement m ON m.athlete = i.athlete AND m.date = i.date AND m.protocol = i.protocol
              AND m.trial = i.trial
            JOIN import f ON f.id = m.importId
            WHERE m.importId <> i.importId ORDER BY i.seq
            """)
        for try await (seq, value, file, line) in earlier.decode((Int, Double, String, Int).self) {
            let m = measurements[seq]
            outcome.compare(
                m, identity: TestIdentity(m), trial: Int(trials[seq]), storedValue: value,
                storedSource: SourceLocation(file: file, line: line))
        }
        return outcome
    }

    /// Streams `items` to `table` with COPY, a megabyte at a time.
    func copy<Items: Sequence>(
        into table: String, columns: [String], _ items: Items, _ row: (inout CopyRows, Items.Element) -> Void
    ) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var rows = CopyRows()
            for item in items {
                row(&rows, item)
                rows.endRow()
                if rows.buffer.readableBytes >= 1 << 20 {
                    try await writer.write(rows.buffer)
                    rows.buffer.clear()
                }
            }
            if rows.buffer.readableBytes > 0 { try await writer.write(rows.buffer) }
        }
    }
}

/// Rows in COPY's text format: fields separated by tabs, `\N` for nothing, and a backslash before
/// what would end a field or a row.
struct CopyRows: TestColumnSink {
    var buffer = ByteBuffer()
    private var startsRow = true

    private mutating func separate() {
        if !startsRow { buffer.writeInteger(UInt8(ascii: "\t")) }
        startsRow = false
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        startsRow = true
    }

    private mutating func null() { buffer.writeStaticString("\\N") }

    mutating func text(_ value: String?) {
        separate()
        guard var value else { return null() }
        value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    mutating func number(_ value: Int64?) {
        separate()
        guard let value else { return null() }
        buffer.writeString(String(value))
    }

    mutating func number(_ value: Double?) {
        separate()
        guard let value else { return null() }
        // Shortest text that reads back as the same double.
        buffer.writeString(value.description)
    }

    mutating func flag(_ value: Bool?) {
        separate()
        guard let value else { return null() }
        buffer.writeInteger(UInt8(ascii: value ? "t" : "f"))
    }
}
