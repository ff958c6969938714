import PostgresNIO
import StrengthModel

extension PostgresStore {
    /// The filter `tests` and `export` share, on measurement `m` and athlete `a`, with its binds.
    private static func filter(athlete: String?, squad: String?, since: TestDate?) -> (sql: String, binds: [String]) {
        var conditions: [String] = []
        var binds: [String] = []
        if let athlete {
            binds.append(athlete)
            conditions.append("m.athlete = $\(binds.count)")
        }
        if let squad {
            binds.append(squad)
            conditions.append("a.squad = $\(binds.count)")
        }
        if let since {
            binds.append(since.description)
            conditions.append("m.date >= $\(binds.count)::date")
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), binds)
    }

    public func tests(athlete: String?, squad: String?, since: TestDate?) async throws -> StoredTests {
        try await serial.withLock {
            let filter = Self.filter(athlete: athlete, squad: squad, since: since)
            // One row per athlete, day and file, its tests packed by the server (`PostgresTestRecords`),
            // put in the order their first test was stored here (the order SQLite's packs give): the
            // server's grouping by import first took 0.75 s for 500 k tests whatever its statistics,
            // where grouping in the unique index's order and sorting by first id took up to 1.15 s.
            var files: [Int64: UInt32] = [:]
            for try await (id, file) in try await execute("SELECT id, file FROM import").decode((Int64, String).self) {
                files[id] = SourceFiles.number(file)
            }
            let rows = try await execute(
                Self.query(
                    """
                    SELECT min(m.id), m.athlete, m.date::text, m.importId, \(PostgresTestRecords.aggregate)
                    FROM measurement m JOIN athlete a ON a.id = m.athlete
                    \(filter.sql) GROUP BY m.importId, m.athlete, m.date
                    """, filter.binds))
            // Each pack's bytes copied out: a buffer from the connection keeps the whole read it came in alive.
            var packs: [(first: Int64, athlete: String, date: String, importId: Int64, tests: [UInt8])] = []
            for try await (first, athlete, date, importId, tests) in rows.decode(
                (Int64, String, String, Int64, ByteBuffer).self)
            {
                packs.append((first, athlete, date, importId, Array(tests.readableBytesView)))
            }
            packs.sort { $0.first < $1.first }
            var measurements: [StrengthModel.Measurement] = []
            measurements.reserveCapacity(packs.reduce(0) { $0 + $1.tests.count / PostgresTestRecords.recordSize })
            var importIds = Set<Int64>()
            for pack in packs {
                importIds.insert(pack.importId)
                guard let date = TestDate(iso: pack.date) else { continue }
                let fileNumber = files[pack.importId] ?? SourceFiles.number("")
                pack.tests.withUnsafeBytes { bytes in
                    PostgresTestRecords.forEach(in: bytes, athlete: pack.athlete, date: date, fileNumber: fileNumber) {
                        measurements.append($0)
                    }
                }
            }
            packs = []
            var sessions: [SessionKey: SessionInfo] = [:]
            let sessionRows = try await execute(
                Self.query(
                    """
                    SELECT s.athlete, s.date::text, s.name, s.sex, s.age, s.bodyMassKg, s.sport, s.involvedSide,
                    s.aclReconstruction, s.sources FROM session s JOIN athlete a ON a.id = s.athlete
                    \(filter.sql.replacingOccurrences(of: "m.", with: "s."))
                    """, filter.binds))
            for try await (athlete, dateText, name, sex, age, bodyMass, sport, side, acl, sources)
                in sessionRows.decode(
                    (String, String, String?, String?, Int?, Double?, String?, String?, Bool?, String).self)
            {
                guard let date = TestDate(iso: dateText) else { continue }
                sessions[SessionKey(athlete: athlete, date: date)] = StoredTests.session(
                    athlete: athlete, date: date, name: name, sex: sex, age: age, bodyMassKg: bodyMass, sport: sport,
                    involvedSide: side, aclReconstruction: acl, sources: sources)
            }
            RecordedDetails.fill(&sessions, of: measurements, from: try await recordedDetails())
            var imports: [StoredImport] = []
            let importRows = try await execute(
                """
                SELECT id, file, sha256, format, rowsRead, rowsImported, rowsSkipped, rowsRejected, measurements
                FROM import ORDER BY id
                """)
            for try await (id, file, sha256, format, read, imported, skipped, rejected, count) in importRows.decode(
                (Int64, String, String, String?, Int, Int, Int, Int, Int).self)
            where importIds.contains(id) {
                imports.append(
                    StoredImport(
                        file: file, sha256: sha256, format: format,
                        counts: RowCounts(
                            rowsRead: read, rowsImported: imported, rowsSkipped: skipped, rowsRejected: rejected),
                        measurements: count))
            }
            return StoredTests(
                measurements: measurements, sessions: sessions, summary: StoredImport.summary(of: imports))
        }
    }

    func recordedDetails() async throws -> RecordedDetails.ByAthlete {
        var all: RecordedDetails.ByAthlete = [:]
        let rows = try await execute(
            """
            SELECT athlete, recordedOn::text, sex, birthDate::text, sport, involvedSide, aclReconstruction, bodyMassKg
            FROM athleteDetail ORDER BY recordedOn, id
            """)
        for try await (athlete, recordedOn, sex, birthDate, sport, side, acl, bodyMass) in rows.decode(
            (String, String, String?, String?, String?, String?, Bool?, Double?).self)
        {
            guard let day = TestDate(iso: recordedOn) else { continue }
            let details = RecordedDetails.details(
                sex: sex, birthDate: birthDate, sport: sport, involvedSide: side, aclReconstruction: acl,
                bodyMassKg: bodyMass)
            all[athlete, default: []].append((day, details))
        }
        return all
    }

    public func athletes() async throws -> [StoredAthlete] {
        try await serial.withLock {
            let rows = try await execute(
                """
                SELECT a.id, a.name, a.squad, count(DISTINCT m.date)::bigint, count(m.id)::bigint, max(m.date)::text
                FROM athlete a LEFT JOIN measurement m ON m.athlete = a.id GROUP BY a.id ORDER BY a.id COLLATE "C"
                """)
            var athletes: [StoredAthlete] = []
            for try await (id, name, squad, sessions, tests, latest) in rows.decode(
                (String, String?, String?, Int, Int, String?).self)
            {
                athletes.append(
                    StoredAthlete(
                        id: id, name: name, squad: squad, sessions: sessions, tests: tests,
                        latestTest: latest.flatMap { TestDate(iso: $0) }))
            }
            return athletes
        }
    }

    public func export(athlete: String?, squad: String?, to emit: (String) throws -> Void) async throws {
        try await serial.withLock {
            let filter = Self.filter(athlete: athlete, squad: squad, since: nil)
            try emit(ExportedTest.columns.joined(separator: ",") + "\r\n")
            let rows = try await execute(
                Self.query(
                    """
                    SELECT m.athlete, coalesce(s.name, a.name), m.date::text, s.sex, s.age, s.bodyMassKg, s.sport,
                    s.involvedSide, s.aclReconstruction, m.side, m.muscle, m.contraction, m.velocity, m.angle, m.position,
                    m.method, m.gravityCorrected, m.machine, m.trainingLog, m.warmUp, m.dropSet, m.repetitions, m.valueSI,
                    m.sourceUnit
                    FROM measurement m JOIN athlete a ON a.id = m.athlete
                    LEFT JOIN session s ON s.athlete = m.athlete AND s.date = m.date
                    \(filter.sql) ORDER BY m.athlete COLLATE "C", m.date, m.protocol, m.trial
                    """, filter.binds))
            var batch = ""
            for try await row in rows {
                let (athlete, name, date, sex, age, bodyMass, sport, involvedSide, acl, side, muscle, contraction) =
                    try row.decode(
                        (
                            String, String?, String, String?, Int?, Double?, String?, String?, Bool?, String?, String,
                            String
                        )
                        .self)
                let (velocity, angle, position, method, gravity, machine, log, warmUp, dropSet, reps, value, unit) =
                    try PostgresRowTail(row, from: 12).decode(
                        (Double?, Double?, String?, String, Bool?, String?, Bool, Bool, Bool, Int?, Double, String).self
                    )
                batch +=
                    ExportedTest(
                        athlete: athlete, name: name, date: date, sex: sex, age: age, bodyMassKg: bodyMass,
                        sport: sport,
                        involvedSide: involvedSide, aclReconstruction: acl, side: side, muscle: muscle,
                        contraction: contraction, velocity: velocity, angle: angle, position: position, method: method,
                        gravityCorrected: gravity, machine: machine, trainingLog: log, warmUp: warmUp, dropSet: dropSet,
                        repetitions: reps, valueSI: value, sourceUnit: unit
                    ).line
                if batch.utf8.count >= 1 << 20 {
                    try emit(batch)
                    batch = ""
                }
            }
            try emit(batch)
        }
    }
}

/// The columns of a row from `from` on, so a wide row can be decoded in two tuples.
struct PostgresRowTail {
    let row: PostgresRandomAccessRow
    let from: Int

    init(_ row: PostgresRow, from: Int = 10) {
        self.row = row.makeRandomAccess()
        self.from = from
    }

    func decode<each Column: PostgresDecodable>(_: (repeat each Column).Type) throws -> (repeat each Column) {
        var index = from
        func next<T: PostgresDecodable>(_: T.Type) throws -> T {
            defer { index += 1 }
            return try row[index].decode(T.self)
        }
        return (repeat try next((each Column).self))
    }
}
