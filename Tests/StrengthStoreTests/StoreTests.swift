import Foundation
import GRDB
import StrengthImport
import StrengthModel
import Testing

@testable import StrengthStore

@Suite("The screening history store")
struct StoreTests {
    static let header = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hqscreen-store-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func file(_ folder: URL, _ name: String, _ rows: [String]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    static func importInto(_ store: Store, _ paths: [String]) throws -> StoreImportOutcome {
        var importer = Importer()
        importer.foldsTrials = false
        let result = importer.importFiles(paths)
        return try store.store(result.measurements, sessions: result.sessions, files: result.summary.files)
    }

    static let january = [
        "A1,2026-01-12,L,hamstrings,concentric,60,104", "A1,2026-01-12,L,quadriceps,concentric,60,200",
        "A1,2026-01-12,L,hamstrings,concentric,60,101",
    ]
    static let february = [
        "A1,2026-02-12,L,hamstrings,concentric,60,110", "A1,2026-02-12,L,quadriceps,concentric,60,205",
    ]

    @Test("a new store is its owner's only, and the same file imported twice stores each test once")
    func idempotent() throws {
        let folder = try Self.folder("idempotent")
        let location = folder.appendingPathComponent("h.sqlite").path
        let store = try Store(location: location)
        let attributes = try FileManager.default.attributesOfItem(atPath: location)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let path = try Self.file(folder, "jan.csv", Self.january)
        #expect(try Self.importInto(store, [path]) == StoreImportOutcome(stored: 3, alreadyStored: 0))
        #expect(try Self.importInto(store, [path]) == StoreImportOutcome(stored: 0, alreadyStored: 3))
        let tests = try store.tests()
        // Both trials are kept, each a test of its own; the file is counted once however often it came.
        #expect(tests.measurements.map(\.value.si) == [104, 200, 101])
        #expect(tests.summary.files.count == 1)
    }

    @Test("a later export that repeats January stores only February")
    func overlapping() throws {
        let folder = try Self.folder("overlap")
        let store = try Store(location: folder.appendingPathComponent("h.sqlite").path)
        _ = try Self.importInto(store, [try Self.file(folder, "jan.csv", Self.january)])
        let both = try Self.file(folder, "jan-feb.csv", Self.january + Self.february)
        #expect(try Self.importInto(store, [both]) == StoreImportOutcome(stored: 2, alreadyStored: 3))
        #expect(try store.tests(since: TestDate(year: 2026, month: 2, day: 1)).measurements.count == 2)
    }

    @Test("another value for a stored test is a conflict naming both sources; the stored value stays")
    func conflict() throws {
        let folder = try Self.folder("conflict")
        let store = try Store(location: folder.appendingPathComponent("h.sqlite").path)
        let first = try Self.file(folder, "a.csv", Self.january)
        _ = try Self.importInto(store, [first])
        var edited = Self.january
        edited[0] = "A1,2026-01-12,L,hamstrings,concentric,60,99"
        let second = try Self.file(folder, "b.csv", edited)
        let outcome = try Self.importInto(store, [second])
        #expect(outcome.stored == 0)
        #expect(outcome.alreadyStored == 2)
        let conflict = try #require(outcome.conflicts.first)
        #expect(conflict.test == "left hamstrings concentric at 60°/s (isokinetic)")
        #expect((conflict.storedValue, conflict.newValue) == (104, 99))
        #expect(conflict.storedSource == SourceLocation(file: first, line: 2))
        #expect(conflict.newSource == SourceLocation(file: second, line: 2))
        #expect(try store.tests().measurements.map(\.value.si) == [104, 200, 101])
    }

    @Test("a store written by a newer HQScreen is refused in words")
    func newer() throws {
        let folder = try Self.folder("newer")
        let location = folder.appendingPathComponent("h.sqlite").path
        _ = try Store(location: location)
        let queue = try DatabaseQueue(path: location)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect {
            _ = try Store(location: location)
        } throws: { error in
            "\(error)"
                == "the store \(location) was written by a newer HQScreen (schema v99); update HQScreen to use it"
        }
    }

    @Test("merging two spellings of one id moves the tests, drops the shared ones, and removes the other id")
    func merge() throws {
        let folder = try Self.folder("merge")
        let store = try Store(location: folder.appendingPathComponent("h.sqlite").path)
        _ = try Self.importInto(store, [try Self.file(folder, "jan.csv", Self.january)])
        let spelled = (Self.january.prefix(1) + Self.february).map { $0.replacingOccurrences(of: "A1,", with: "a-1,") }
        _ = try Self.importInto(store, [try Self.file(folder, "club.csv", Array(spelled))])
        let change = try #require(try store.merge(athlete: "a-1", into: "A1"))
        #expect(change == AthleteChange(sessions: 2, tests: 2, imports: 0, duplicates: 1, conflicts: 0))
        #expect(try store.athletes().map(\.id) == ["A1"])
        #expect(try store.tests(athlete: "A1").measurements.count == 5)
        #expect(try store.merge(athlete: "nobody", into: "A1") == nil)
    }

    @Test("erasing a person leaves nothing of them in any table, and says what went")
    func erase() throws {
        let folder = try Self.folder("erase")
        let location = folder.appendingPathComponent("h.sqlite").path
        let store = try Store(location: location)
        let own = try Self.file(folder, "sam-only.csv", ["S9,2026-01-12,L,hamstrings,concentric,60,90"])
        _ = try Self.importInto(store, [own, try Self.file(folder, "jan.csv", Self.january)])
        let change = try #require(try store.delete(athlete: "S9"))
        #expect(change == AthleteChange(sessions: 1, tests: 1, imports: 1, duplicates: 0, conflicts: 0))
        let queue = try DatabaseQueue(path: location)
        try queue.read { db in
            for table in ["athlete", "session", "measurement", "import"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                let text = rows.map { $0.description }.joined()
                #expect(!text.contains("S9"), "S9 left in \(table)")
                #expect(!text.contains("sam-only"), "sam-only.csv left in \(table)")
            }
        }
        #expect(try store.athletes().map(\.id) == ["A1"])
        #expect(try store.delete(athlete: "S9") == nil)
    }

    @Test("recorded details fill what files lack: age on each test day, body mass only from the day it was recorded")
    func details() throws {
        let folder = try Self.folder("details")
        let store = try Store(location: folder.appendingPathComponent("h.sqlite").path)
        _ = try Self.importInto(store, [try Self.file(folder, "both.csv", Self.january + Self.february)])
        let recorded = AthleteDetails(
            sex: .female, birthDate: TestDate(year: 2000, month: 2, day: 1), sport: "soccer", involvedSide: .some(nil),
            bodyMassKg: 61.5)
        #expect(try store.record(recorded, athlete: "A1", on: TestDate(year: 2026, month: 2, day: 1)!))
        #expect(try store.record(recorded, athlete: "nobody", on: TestDate(year: 2026, month: 2, day: 1)!) == false)
        let sessions = try store.tests().sessions
        let january = try #require(sessions[SessionKey(athlete: "A1", date: TestDate(year: 2026, month: 1, day: 12)!)])
        let february = try #require(sessions[SessionKey(athlete: "A1", date: TestDate(year: 2026, month: 2, day: 12)!)])
        // Born 2000-02-01: 25 on 12 January 2026, 26 on 12 February.
        #expect((january.age, february.age) == (25, 26))
        #expect((january.sex, january.sport, january.involvedSide) == (.female, "soccer", nil))
        // Weighed on 1 February: not before.
        #expect((january.bodyMassKg, february.bodyMassKg) == (nil, 61.5))
    }

    @Test("what a file says wins over a recorded detail")
    func fileWins() throws {
        let folder = try Self.folder("file-wins")
        let store = try Store(location: folder.appendingPathComponent("h.sqlite").path)
        let path = folder.appendingPathComponent("sexed.csv")
        try Data(
            ("athlete_id,sex,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
                + "A1,male,2026-01-12,L,hamstrings,concentric,60,104\n").utf8
        ).write(to: path)
        _ = try Self.importInto(store, [path.path])
        _ = try store.record(AthleteDetails(sex: .female), athlete: "A1", on: TestDate(year: 2026, month: 1, day: 1)!)
        #expect(try store.tests().sessions.values.map(\.sex) == [.male])
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every stored test with its identity and attributes, provenance aside, in a comparable form.
    static func contents(_ location: String) throws -> [String] {
        let queue = try DatabaseQueue(path: location)
        return try queue.read { db in
            let tests = try Row.fetchAll(
                db,
                sql: """
                    SELECT athlete, date, protocol, trial, side, muscle, contraction, velocity, angle, method, dimension,
                    position, machine, round(valueSI, 9) AS value, sourceUnit, gravityCorrected, repetitions, warmUp,
                    dropSet, trainingLog FROM measurement ORDER BY athlete, date, protocol, trial
                    """
            ).map { $0.description }
            let days = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.athlete, s.date, s.name, s.sex, s.age, s.bodyMassKg, s.sport, s.involvedSide,
                    s.aclReconstruction FROM session s
                    WHERE EXISTS (SELECT 1 FROM measurement m WHERE m.athlete = s.athlete AND m.date = s.date)
                    ORDER BY s.athlete, s.date
                    """
            ).map { $0.description }
            let athletes = try Row.fetchAll(db, sql: "SELECT id, name FROM athlete ORDER BY id").map { $0.description }
            return athletes + days + tests
        }
    }

    @Test("export, then import into a new store: the same athletes, test days and tests")
    func roundTrip() throws {
        let folder = try Self.folder("round-trip")
        let original = folder.appendingPathComponent("original.sqlite").path
        let store = try Store(location: original)
        var inputs: [String] = []
        for sub in ["SampleData", "SampleData/exports", "SampleData/runner"] {
            let dir = Self.packageRoot.appendingPathComponent(sub)
            inputs += try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
                .sorted().map { dir.appendingPathComponent($0).path }
        }
        let first = try Self.importInto(store, inputs)
        #expect(first.stored == 740)
        var exported = ""
        try store.export { exported += $0 }
        let file = folder.appendingPathComponent("export.csv")
        try Data(exported.utf8).write(to: file)

        let copy = folder.appendingPathComponent("copy.sqlite").path
        #expect(try Self.importInto(try Store(location: copy), [file.path]) == StoreImportOutcome(stored: 740))
        #expect(try Self.contents(copy) == (try Self.contents(original)))
        // And into the store it came from: every test is already there.
        #expect(try Self.importInto(store, [file.path]) == StoreImportOutcome(stored: 0, alreadyStored: 740))
    }
}
