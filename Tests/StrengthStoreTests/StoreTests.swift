import Foundation
import GRDB
import StoreTestSupport
import StrengthImport
import StrengthModel
import TestFolders
import Testing

@testable import StrengthStore

/// Every test here runs against each store: SQLite, and PostgreSQL when `HQSCREEN_TEST_POSTGRES`
/// names a server (`.ci/run` starts one).
@Suite("The screening history store")
struct StoreTests {
    static let header = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"

    static func folder(_ name: String) throws -> URL {
        try TestFolders.fresh("store-\(name)")
    }

    static func file(_ folder: URL, _ name: String, _ rows: [String]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    static func importInto(_ store: any HistoryStore, _ paths: [String]) async throws -> StoreImportOutcome {
        var importer = Importer()
        importer.foldsTrials = false
        let result = importer.importFiles(paths)
        return try await store.store(result.measurements, sessions: result.sessions, files: result.summary.files)
    }

    /// A new, empty store of `backend` for the test `name`, with a folder for its files.
    static func fresh(_ backend: StoreBackend, _ name: String) async throws -> (any HistoryStore, String, URL) {
        let folder = try Self.folder("\(name)-\(backend)")
        let location = try await backend.freshLocation(name, in: folder)
        return (try await HistoryStores.open(location), location, folder)
    }

    static let january = [
        "A1,2026-01-12,L,hamstrings,concentric,60,104", "A1,2026-01-12,L,quadriceps,concentric,60,200",
        "A1,2026-01-12,L,hamstrings,concentric,60,101",
    ]
    static let february = [
        "A1,2026-02-12,L,hamstrings,concentric,60,110", "A1,2026-02-12,L,quadriceps,concentric,60,205",
    ]

    @Test("a new SQLite store is its owner's only")
    func ownerOnly() throws {
        let location = try Self.folder("owner-only").appendingPathComponent("h.sqlite").path
        _ = try SQLiteStore(location: location)
        let attributes = try FileManager.default.attributesOfItem(atPath: location)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("the same file imported twice stores each test once", arguments: StoreBackend.available)
    func idempotent(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "idempotent")
        defer { Task { await store.close() } }
        let path = try Self.file(folder, "jan.csv", Self.january)
        #expect(try await Self.importInto(store, [path]) == StoreImportOutcome(stored: 3, alreadyStored: 0))
        #expect(try await Self.importInto(store, [path]) == StoreImportOutcome(stored: 0, alreadyStored: 3))
        let tests = try await store.tests()
        // Both trials are kept, each a test of its own; the file is counted once however often it came.
        #expect(tests.measurements.map(\.value.si) == [104, 200, 101])
        #expect(tests.summary.files.count == 1)
    }

    @Test("a later export that repeats January stores only February", arguments: StoreBackend.available)
    func overlapping(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "overlap")
        defer { Task { await store.close() } }
        _ = try await Self.importInto(store, [try Self.file(folder, "jan.csv", Self.january)])
        let both = try Self.file(folder, "jan-feb.csv", Self.january + Self.february)
        #expect(try await Self.importInto(store, [both]) == StoreImportOutcome(stored: 2, alreadyStored: 3))
        #expect(try await store.tests(since: TestDate(year: 2026, month: 2, day: 1)).measurements.count == 2)
        // Both files in one import: the second's January is already there from the first.
        let (again, _, _) = try await Self.fresh(backend, "overlap-one-import")
        defer { Task { await again.close() } }
        let january = try Self.file(folder, "jan-only.csv", Self.january)
        #expect(try await Self.importInto(again, [january, both]) == StoreImportOutcome(stored: 5, alreadyStored: 3))
    }

    @Test(
        "another value for a stored test is a conflict naming both sources; the stored value stays",
        arguments: StoreBackend.available)
    func conflict(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "conflict")
        defer { Task { await store.close() } }
        let first = try Self.file(folder, "a.csv", Self.january)
        _ = try await Self.importInto(store, [first])
        var edited = Self.january
        edited[0] = "A1,2026-01-12,L,hamstrings,concentric,60,99"
        let second = try Self.file(folder, "b.csv", edited)
        let outcome = try await Self.importInto(store, [second])
        #expect(outcome.stored == 0)
        #expect(outcome.alreadyStored == 2)
        let conflict = try #require(outcome.conflicts.first)
        #expect(conflict.test == "left hamstrings concentric at 60°/s (isokinetic)")
        #expect((conflict.storedValue, conflict.newValue) == (104, 99))
        #expect(conflict.storedSource == SourceLocation(file: first, line: 2))
        #expect(conflict.newSource == SourceLocation(file: second, line: 2))
        #expect(try await store.tests().measurements.map(\.value.si) == [104, 200, 101])
    }

    @Test("a store written by a newer HQScreen is refused in words", arguments: StoreBackend.available)
    func newer(_ backend: StoreBackend) async throws {
        let (store, location, _) = try await Self.fresh(backend, "newer")
        await store.close()
        let table = backend == .sqlite ? "grdb_migrations" : "hqscreen_schema"
        try await StoreBackend.execute("INSERT INTO \(table) (identifier) VALUES ('v99')", at: location)
        await #expect {
            _ = try await HistoryStores.open(location)
        } throws: { error in
            "\(error)"
                == "the store \(location) was written by a newer HQScreen (schema v99); update HQScreen to use it"
        }
    }

    @Test(
        "merging two spellings of one id moves the tests, drops the shared ones, and removes the other id",
        arguments: StoreBackend.available)
    func merge(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "merge")
        defer { Task { await store.close() } }
        _ = try await Self.importInto(store, [try Self.file(folder, "jan.csv", Self.january)])
        let spelled = (Self.january.prefix(1) + Self.february).map { $0.replacingOccurrences(of: "A1,", with: "a-1,") }
        _ = try await Self.importInto(store, [try Self.file(folder, "club.csv", Array(spelled))])
        _ = try await store.record(
            AthleteDetails(sex: .female), athlete: "a-1", on: TestDate(year: 2026, month: 1, day: 1)!)
        let change = try #require(try await store.merge(athlete: "a-1", into: "A1"))
        #expect(change == AthleteChange(sessions: 2, tests: 2, imports: 0, duplicates: 1, conflicts: 0))
        #expect(try await store.athletes().map(\.id) == ["A1"])
        let merged = try await store.tests(athlete: "A1")
        #expect(merged.measurements.count == 5)
        // What was recorded for the other spelling is the person's too.
        #expect(Set(merged.sessions.values.map(\.sex)) == [.female])
        #expect(try await store.merge(athlete: "nobody", into: "A1") == nil)
    }

    @Test("two ids with different values for one test are not merged", arguments: StoreBackend.available)
    func mergeRefused(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "merge-refused")
        defer { Task { await store.close() } }
        _ = try await Self.importInto(store, [try Self.file(folder, "jan.csv", Self.january)])
        let other = ["B2,2026-01-12,L,hamstrings,concentric,60,90", "B2,2026-02-12,L,hamstrings,concentric,60,95"]
        _ = try await Self.importInto(store, [try Self.file(folder, "b.csv", other)])
        let change = try #require(try await store.merge(athlete: "B2", into: "A1"))
        #expect(change == AthleteChange(sessions: 0, tests: 0, imports: 0, duplicates: 0, conflicts: 1))
        #expect(try await store.athletes().map(\.id) == ["A1", "B2"])
        #expect(try await store.tests(athlete: "B2").measurements.map(\.value.si) == [90, 95])
    }

    @Test("erasing a person leaves nothing of them in any table, and says what went", arguments: StoreBackend.available)
    func erase(_ backend: StoreBackend) async throws {
        let (store, location, folder) = try await Self.fresh(backend, "erase")
        defer { Task { await store.close() } }
        let own = try Self.file(folder, "sam-only.csv", ["S9,2026-01-12,L,hamstrings,concentric,60,90"])
        _ = try await Self.importInto(store, [own, try Self.file(folder, "jan.csv", Self.january)])
        _ = try await store.record(
            AthleteDetails(sport: "S9's sport"), athlete: "S9", on: TestDate(year: 2026, month: 1, day: 1)!)
        let change = try #require(try await store.delete(athlete: "S9"))
        #expect(change == AthleteChange(sessions: 1, tests: 1, imports: 1, duplicates: 0, conflicts: 0))
        for table in [
            "athlete", "session", backend == .sqlite ? "testBatch" : "measurement", "import", "athleteDetail",
        ] {
            let text = try await StoreBackend.rows(of: table, at: location).joined()
            #expect(!text.contains("S9"), "S9 left in \(table)")
            #expect(!text.contains("sam-only"), "sam-only.csv left in \(table)")
        }
        #expect(try await StoreBackend.rows(of: "import", at: location).count == 1)
        #expect(try await store.athletes().map(\.id) == ["A1"])
        #expect(try await store.delete(athlete: "S9") == nil)
    }

    @Test(
        "recorded details fill what files lack: age on each test day, body mass only from the day it was recorded",
        arguments: StoreBackend.available)
    func details(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "details")
        defer { Task { await store.close() } }
        _ = try await Self.importInto(store, [try Self.file(folder, "both.csv", Self.january + Self.february)])
        let recorded = AthleteDetails(
            sex: .female, birthDate: TestDate(year: 2000, month: 2, day: 1), sport: "soccer", involvedSide: .some(nil),
            bodyMassKg: 61.5)
        #expect(try await store.record(recorded, athlete: "A1", on: TestDate(year: 2026, month: 2, day: 1)!))
        #expect(
            try await store.record(recorded, athlete: "nobody", on: TestDate(year: 2026, month: 2, day: 1)!) == false)
        let sessions = try await store.tests().sessions
        let january = try #require(sessions[SessionKey(athlete: "A1", date: TestDate(year: 2026, month: 1, day: 12)!)])
        let february = try #require(sessions[SessionKey(athlete: "A1", date: TestDate(year: 2026, month: 2, day: 12)!)])
        // Born 2000-02-01: 25 on 12 January 2026, 26 on 12 February.
        #expect((january.age, february.age) == (25, 26))
        #expect((january.sex, january.sport, january.involvedSide) == (.female, "soccer", nil))
        // Weighed on 1 February: not before.
        #expect((january.bodyMassKg, february.bodyMassKg) == (nil, 61.5))
    }

    @Test("what a file says wins over a recorded detail", arguments: StoreBackend.available)
    func fileWins(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "file-wins")
        defer { Task { await store.close() } }
        let path = folder.appendingPathComponent("sexed.csv")
        try Data(
            ("athlete_id,sex,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
                + "A1,male,2026-01-12,L,hamstrings,concentric,60,104\n").utf8
        ).write(to: path)
        _ = try await Self.importInto(store, [path.path])
        _ = try await store.record(
            AthleteDetails(sex: .female), athlete: "A1", on: TestDate(year: 2026, month: 1, day: 1)!)
        #expect(try await store.tests().sessions.values.map(\.sex) == [.male])
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every stored test with its identity and attributes, provenance aside, in a comparable form.
    static func contents(_ location: String) async throws -> [String] {
        if !location.hasPrefix("postgres") { return try await sqliteContents(location) }
        let tests = try await StoreBackend.rows(
            of: """
                (SELECT athlete, date, protocol, trial, side, muscle, contraction, velocity, angle, method, dimension,
                position, machine, round(CAST(valueSI AS NUMERIC), 9) AS value, sourceUnit, gravityCorrected,
                repetitions, warmUp, dropSet, trainingLog FROM measurement ORDER BY athlete, date, protocol, trial)
                """, at: location)
        let days = try await StoreBackend.rows(
            of: """
                (SELECT s.athlete, s.date, s.name, s.sex, s.age, s.bodyMassKg, s.sport, s.involvedSide,
                s.aclReconstruction FROM session s
                WHERE EXISTS (SELECT 1 FROM measurement m WHERE m.athlete = s.athlete AND m.date = s.date)
                ORDER BY s.athlete, s.date)
                """, at: location)
        let athletes = try await StoreBackend.rows(of: "(SELECT id, name FROM athlete ORDER BY id)", at: location)
        return athletes + days + tests
    }

    /// The same for SQLite's packed tests, each unpacked into the columns of a test's row.
    static func sqliteContents(_ location: String) async throws -> [String] {
        try await DatabaseQueue(path: location).read { db in
            var tests: [(key: (String, String, Int64, Int), text: String)] = []
            for row in try Row.fetchAll(db, sql: "SELECT athlete, date, data FROM testBatch") {
                let (athlete, date): (String, String) = (row["athlete"], row["date"])
                for test in TestPack.tests(in: row["data"] as Data) {
                    let m = try #require(
                        test.measurement(
                            athleteNumber: AthleteNames.number(athlete), date: TestDate(iso: date)!, fileNumber: 0))
                    let value = (m.value.si * 1e9).rounded() / 1e9
                    tests.append(
                        (
                            (athlete, date, test.code, test.trial),
                            "\(athlete) \(date) \(test.code) \(test.trial) \(String(describing: m.side)) \(m.muscle) "
                                + "\(m.contraction) \(String(describing: m.velocity)) \(String(describing: m.angle)) "
                                + "\(m.method) \(m.value.dimension) \(String(describing: m.position)) "
                                + "\(String(describing: m.machine)) \(value) \(m.sourceUnit) "
                                + "\(String(describing: m.gravityCorrected)) \(String(describing: m.repetitions)) "
                                + "\(m.isWarmUp) \(m.isDropSet) \(m.fromTrainingLog)"
                        ))
                }
            }
            let days = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.athlete, s.date, s.name, s.sex, s.age, s.bodyMassKg, s.sport, s.involvedSide,
                    s.aclReconstruction FROM session s
                    WHERE EXISTS (SELECT 1 FROM testBatch b WHERE b.athlete = s.athlete AND b.date = s.date)
                    ORDER BY s.athlete, s.date
                    """
            ).map(\.description)
            let athletes = try Row.fetchAll(db, sql: "SELECT id, name FROM athlete ORDER BY id").map(\.description)
            return athletes + days + tests.sorted { $0.key < $1.key }.map(\.text)
        }
    }

    @Test(
        "export, then import into a new store: the same athletes, test days and tests",
        arguments: StoreBackend.available)
    func roundTrip(_ backend: StoreBackend) async throws {
        let (store, original, folder) = try await Self.fresh(backend, "round-trip")
        defer { Task { await store.close() } }
        var inputs: [String] = []
        for sub in ["SampleData", "SampleData/exports", "SampleData/runner"] {
            let dir = Self.packageRoot.appendingPathComponent(sub)
            inputs += try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
                .sorted().map { dir.appendingPathComponent($0).path }
        }
        let first = try await Self.importInto(store, inputs)
        #expect(first.stored == 740)
        var exported = ""
        try await store.export { exported += $0 }
        let file = folder.appendingPathComponent("export.csv")
        try Data(exported.utf8).write(to: file)

        let (copy, copyLocation, _) = try await Self.fresh(backend, "round-trip-copy")
        defer { Task { await copy.close() } }
        #expect(try await Self.importInto(copy, [file.path]) == StoreImportOutcome(stored: 740))
        #expect(try await Self.contents(copyLocation) == (try await Self.contents(original)))
        var again = ""
        try await copy.export { again += $0 }
        #expect(again == exported)
        // And into the store it came from: every test is already there.
        #expect(try await Self.importInto(store, [file.path]) == StoreImportOutcome(stored: 0, alreadyStored: 740))
    }

    @Test(
        "both stores hold the same tests and report the same",
        .enabled(
            if: StoreBackend.postgresServer != nil, "needs a server in HQSCREEN_TEST_POSTGRES (.ci/postgres start)"))
    func sameInBoth() async throws {
        let (sqlite, _, _) = try await Self.fresh(.sqlite, "same")
        let (postgres, _, _) = try await Self.fresh(.postgres, "same")
        defer { Task { await postgres.close() } }
        let inputs = ["SampleData/team_long.csv", "SampleData/clinic_wide.csv", "SampleData/runner/alex_strong.csv"]
            .map { Self.packageRoot.appendingPathComponent($0).path }
        #expect(try await Self.importInto(sqlite, inputs) == (try await Self.importInto(postgres, inputs)))
        let fromSQLite = try await sqlite.tests()
        let fromPostgres = try await postgres.tests()
        #expect(fromSQLite.measurements == fromPostgres.measurements)
        #expect(fromSQLite.sessions == fromPostgres.sessions)
        #expect(fromSQLite.summary.files.map(\.path) == fromPostgres.summary.files.map(\.path))
        #expect(try await sqlite.athletes() == (try await postgres.athletes()))
    }

    @Test("read on two cores, a store gives the same tests in the same order, sessions and files as read on one")
    func halves() async throws {
        let (store, location, _) = try await Self.fresh(.sqlite, "halves")
        let inputs = ["SampleData/team_long.csv", "SampleData/clinic_wide.csv", "SampleData/runner/alex_strong.csv"]
            .map { Self.packageRoot.appendingPathComponent($0).path }
        _ = try await Self.importInto(store, inputs)
        await store.close()
        let sqlite = try SQLiteStore(location: location)
        for (squad, since) in [(nil, nil), ("nobody", nil), (nil, TestDate(year: 2026, month: 1, day: 20))]
            as [(String?, TestDate?)]
        {
            let once = try sqlite.tests(athlete: nil, squad: squad, since: since, halvesFrom: .max)
            let twice = try sqlite.tests(athlete: nil, squad: squad, since: since, halvesFrom: 2)
            #expect(twice.measurements == once.measurements)
            #expect(twice.measurements.map(\.source) == once.measurements.map(\.source))
            #expect(twice.sessions == once.sessions)
            #expect(twice.summary.files.map(\.path) == once.summary.files.map(\.path))
        }
        let all = try sqlite.tests(athlete: nil, squad: nil, since: nil, halvesFrom: 2)
        #expect(all.measurements.count == 406)
        #expect(all.summary.files.count == 3)
        #expect(try sqlite.tests(athlete: nil, squad: "nobody", since: nil, halvesFrom: 2).measurements.isEmpty)
        // Packs holding more tests than they were counted with (as a change between the count and the
        // reads would make): each half stops at its region's end, and the store is read once instead.
        try await StoreBackend.execute("UPDATE testBatch SET tests = 1", at: location)
        let miscounted = try sqlite.tests(athlete: nil, squad: nil, since: nil, halvesFrom: 2)
        #expect(miscounted.measurements == all.measurements)
        #expect(miscounted.measurements.map(\.source) == all.measurements.map(\.source))
    }

    /// The schema versions a store has applied, and whether the index of tests by import is there (v2's;
    /// SQLite's v4 packs tests into another table, with its own).
    static func schema(_ backend: StoreBackend, _ location: String) async throws -> (versions: Int, index: Bool) {
        let versions = try await StoreBackend.rows(
            of: backend == .sqlite ? "grdb_migrations" : "hqscreen_schema", at: location)
        let index = try await StoreBackend.rows(
            of: backend == .sqlite
                ? """
                (SELECT name FROM sqlite_master WHERE type = 'index'
                AND name IN ('measurement_by_import', 'testBatch_by_import'))
                """
                : "(SELECT indexname FROM pg_indexes WHERE indexname = 'measurement_by_import')", at: location)
        return (versions.count, index.count == 1)
    }

    @Test(
        "a store with the first schema is brought up to date when opened, its history kept",
        arguments: StoreBackend.available)
    func migration(_ backend: StoreBackend) async throws {
        let folder = try Self.folder("migration-\(backend)")
        let location = try await backend.freshLocation("migration", in: folder)
        let old = try await HistoryStores.open(location)
        _ = try await Self.importInto(old, [try Self.file(folder, "jan.csv", Self.january)])
        _ = try await old.record(
            AthleteDetails(sex: .female), athlete: "A1", on: TestDate(year: 2026, month: 1, day: 1)!)
        await old.close()
        // Back to what the first schema had: its tables and data, none of what later versions added.
        let versions = backend == .sqlite ? "grdb_migrations" : "hqscreen_schema"
        if backend == .sqlite { try await Self.unpackTests(location) }
        for statement in [
            backend == .sqlite ? "DROP TABLE testBatch" : "DROP INDEX measurement_by_import",
            "DROP INDEX athleteDetail_by_athlete", "DROP INDEX athlete_by_squad",
            "DROP TABLE revision", "DELETE FROM \(versions) WHERE identifier <> 'v1'",
        ] {
            try await StoreBackend.execute(statement, at: location)
        }
        #expect(try await Self.schema(backend, location) == (1, false))
        let store = try await HistoryStores.open(location)
        defer { Task { await store.close() } }
        #expect(try await Self.schema(backend, location) == (backend == .sqlite ? 4 : 3, true))
        let tests = try await store.tests()
        #expect(tests.measurements.map(\.value.si) == [104, 200, 101])
        #expect(tests.sessions.values.map(\.sex) == [.female])
        #expect(try await store.revision() == 0)
        let later = try Self.file(folder, "feb.csv", Self.february)
        #expect(try await Self.importInto(store, [later]) == StoreImportOutcome(stored: 2))
        #expect(try await store.revision() == 1)
    }

    /// SQLite's packed tests back into the first schema's table, a row each.
    static func unpackTests(_ location: String) async throws {
        try await DatabaseQueue(path: location).write { db in
            try db.create(table: "measurement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("athlete", .text).notNull().references("athlete", onDelete: .cascade)
                for column in ["date", "muscle", "contraction", "method", "dimension", "sourceUnit"] {
                    t.column(column, .text).notNull()
                }
                for column in ["side", "position", "machine"] { t.column(column, .text) }
                for column in ["protocol", "trial", "warmUp", "dropSet", "trainingLog", "line"] {
                    t.column(column, .integer).notNull()
                }
                for column in ["velocity", "angle"] { t.column(column, .double) }
                t.column("valueSI", .double).notNull()
                t.column("gravityCorrected", .boolean)
                t.column("repetitions", .integer)
                t.column("importId", .integer).notNull().references("import", onDelete: .cascade)
                t.uniqueKey(["athlete", "date", "protocol", "trial"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT athlete, date, importId, data FROM testBatch ORDER BY id") {
                let (athlete, date): (String, String) = (row["athlete"], row["date"])
                for test in TestPack.tests(in: row["data"] as Data) {
                    let m = try #require(
                        test.measurement(
                            athleteNumber: AthleteNames.number(athlete), date: TestDate(iso: date)!, fileNumber: 0))
                    try db.execute(
                        sql: """
                            INSERT INTO measurement (athlete, date, protocol, trial, side, muscle, contraction,
                            velocity, angle, method, dimension, position, machine, valueSI, sourceUnit,
                            gravityCorrected, repetitions, warmUp, dropSet, trainingLog, line, importId)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            athlete, date, test.code, test.trial, m.side?.rawValue, m.muscle.rawValue,
                            m.contraction.rawValue, m.velocity, m.angle, m.method.rawValue, m.value.dimension.rawValue,
                            m.position?.rawValue, m.machine?.rawValue, m.value.si, m.sourceUnit.rawValue,
                            m.gravityCorrected, m.repetitions.map { Int($0) }, m.isWarmUp, m.isDropSet,
                            m.fromTrainingLog, test.line, row["importId"] as Int64,
                        ])
                }
            }
        }
    }

    @Test("the store HQScreen 0.1 wrote (schema v1, kept as a file) opens migrated, with its whole history")
    func firstRelease() async throws {
        let folder = try Self.folder("first-release")
        let location = folder.appendingPathComponent("v1.sqlite").path
        try FileManager.default.copyItem(
            atPath: Self.packageRoot.appendingPathComponent("Tests/StrengthStoreTests/Fixtures/store-v1.sqlite").path,
            toPath: location)
        #expect(try await Self.schema(.sqlite, location) == (1, false))
        let store = try SQLiteStore(location: location)
        #expect(try await Self.schema(.sqlite, location) == (4, true))
        // The pages the tests' rows took are given back once they are packed.
        #expect(try await StoreBackend.rows(of: "pragma_freelist_count", at: location) == ["[freelist_count:0]"])
        #expect(try store.revision() == 0)
        let athletes = try store.athletes()
        #expect(athletes.count == 8)
        #expect(athletes.map(\.tests).reduce(0, +) == 146)
        #expect(athletes.first { $0.id == "P-101" }?.squad == "firsts")
        // Recorded with `athletes set` in 0.1: female, born 1999-05-04, so 26 on 17 March 2026.
        let noor = try await store.tests(athlete: "P-101", squad: nil, since: nil)
        let latest = try #require(
            noor.sessions[SessionKey(athlete: "P-101", date: TestDate(year: 2026, month: 3, day: 17)!)])
        #expect((latest.sex, latest.age) == (.female, 26))
        #expect(noor.summary.files.map(\.path) == ["SampleData/clinic_wide.csv"])
    }

    @Test("the revision counts every change and nothing else", arguments: StoreBackend.available)
    func revision(_ backend: StoreBackend) async throws {
        let (store, _, folder) = try await Self.fresh(backend, "revision")
        defer { Task { await store.close() } }
        #expect(try await store.revision() == 0)
        let january = try Self.file(folder, "jan.csv", Self.january)
        _ = try await Self.importInto(store, [january])
        #expect(try await store.revision() == 1)
        _ = try await store.tests()
        _ = try await store.athletes()
        try await store.export { _ in }
        #expect(try await store.revision() == 1)
        _ = try await store.record(
            AthleteDetails(sex: .male), athlete: "A1", on: TestDate(year: 2026, month: 1, day: 1)!)
        #expect(try await store.revision() == 2)
        #expect(
            try await store.record(
                AthleteDetails(sex: .male), athlete: "nobody", on: TestDate(year: 2026, month: 1, day: 1)!) == false)
        #expect(try await store.revision() == 2)
        _ = try await Self.importInto(
            store, [try Self.file(folder, "b.csv", ["B2,2026-03-02,L,hamstrings,concentric,60,90"])])
        _ = try await store.merge(athlete: "B2", into: "A1")
        #expect(try await store.revision() == 4)
        _ = try await store.delete(athlete: "A1")
        #expect(try await store.revision() == 5)
    }
}
