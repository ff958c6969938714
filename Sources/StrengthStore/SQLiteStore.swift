import Foundation
import GRDB
import StrengthModel

/// The screening history in an embedded SQLite database (WAL, busy timeout, foreign keys, migrations
/// through GRDB's migrator). See docs/store.md.
public final class SQLiteStore: HistoryStore {
    let pool: DatabasePool
    public let location: String

    /// Opens the store, creating it (readable by its owner only: it holds health data) and bringing
    /// an older schema up to date.
    public init(location: String) throws {
        self.location = location
        if !FileManager.default.fileExists(atPath: location) {
            let fd = open(location, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd < 0 && errno != EEXIST {
                throw StoreOpenError.cannotOpen(location: location, reason: String(cString: strerror(errno)))
            }
            if fd >= 0 { Glibc.close(fd) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync never corrupts and loses at most the last import on a power cut; a
            // larger page cache keeps the test index in memory while a squad's file is stored. A new
            // store gets 16 KB pages (a store made before keeps its 4 KB): a 100 MB import wrote its
            // tests 6 % faster with a third less system time.
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        do {
            pool = try DatabasePool(path: location, configuration: configuration)
        } catch {
            throw StoreOpenError.cannotOpen(location: location, reason: "\(error)")
        }
        let migrator = SQLiteSchema.migrator
        let applied = try pool.write { db in
            let applied = try migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreOpenError.newerSchema(location: location, unknown: unknown.sorted()) }
            return applied
        }
        try migrator.migrate(pool)
        // Packing an older store's tests (v4) frees the pages their rows took: the file is given them
        // back once (a 1.9 M-test store went from 386 MB to 82 MB in 0.4 s) rather than stay that size.
        // Another program reading the store at that moment makes it fail; the store is whole either way,
        // and later imports reuse the free pages.
        if !applied.isEmpty, !applied.contains("v4") { try? pool.vacuum() }
    }

    public func close() async {}

    public func revision() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0 }
    }

    /// Counts a change, inside the transaction that makes it.
    static func bumpRevision(_ db: Database) throws {
        try db.execute(sql: "UPDATE revision SET value = value + 1 WHERE id = 1")
    }
}

/// The tables, one migration per change (`SchemaVersion`); a store is migrated when opened.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "athlete") { t in
                t.primaryKey("id", .text)
                t.column("name", .text)
                t.column("squad", .text)
            }
            try db.create(table: "import") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("importedAt", .text).notNull()
                t.column("format", .text)
                t.column("rowsRead", .integer).notNull()
                t.column("rowsImported", .integer).notNull()
                t.column("rowsSkipped", .integer).notNull()
                t.column("rowsRejected", .integer).notNull()
                t.column("measurements", .integer).notNull()
            }
            try db.create(table: "session") { t in
                t.column("athlete", .text).notNull().references("athlete", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("name", .text)
                t.column("sex", .text)
                t.column("age", .integer)
                t.column("bodyMassKg", .double)
                t.column("sport", .text)
                t.column("involvedSide", .text)
                t.column("aclReconstruction", .boolean)
                t.column("sources", .text).notNull()
                t.primaryKey(["athlete", "date"])
            }
            // Details recorded by hand (`hqscreen athletes set`) for what files lack, with the day recorded.
            try db.create(table: "athleteDetail") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("athlete", .text).notNull().references("athlete", onDelete: .cascade)
                t.column("recordedOn", .text).notNull()
                t.column("sex", .text)
                t.column("birthDate", .text)
                t.column("sport", .text)
                t.column("involvedSide", .text)
                t.column("aclReconstruction", .boolean)
                t.column("bodyMassKg", .double)
            }
            try db.create(table: "measurement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("athlete", .text).notNull().references("athlete", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("protocol", .integer).notNull()
                t.column("trial", .integer).notNull()
                t.column("side", .text)
                t.column("muscle", .text).notNull()
                t.column("contraction", .text).notNull()
                t.column("velocity", .double)
                t.column("angle", .double)
                t.column("method", .text).notNull()
                t.column("dimension", .text).notNull()
                t.column("position", .text)
                t.column("machine", .text)
                t.column("valueSI", .double).notNull()
                t.column("sourceUnit", .text).notNull()
                t.column("gravityCorrected", .boolean)
                t.column("repetitions", .integer)
                t.column("warmUp", .boolean).notNull()
                t.column("dropSet", .boolean).notNull()
                t.column("trainingLog", .boolean).notNull()
                // The file and its SHA-256 are the import's: stored once, not on every test.
                t.column("line", .integer).notNull()
                t.column("importId", .integer).notNull().references("import", onDelete: .cascade)
                t.uniqueKey(["athlete", "date", "protocol", "trial"])
            }
        }
        migrator.registerMigration("v2") { db in
            try db.create(index: "measurement_by_import", on: "measurement", columns: ["importId"])
            try db.create(index: "athleteDetail_by_athlete", on: "athleteDetail", columns: ["athlete"])
            try db.create(index: "athlete_by_squad", on: "athlete", columns: ["squad"])
        }
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO revision (id, value) VALUES (1, 0);
                    """)
        }
        migrator.registerMigration("v4") { db in
            // One row per athlete, day and file, the tests packed (`TestPack`): SQLite's cost is per
            // row, and a squad's file has fourteen tests an athlete-day.
            try db.execute(
                sql: """
                    CREATE TABLE testBatch (
                      id INTEGER PRIMARY KEY,
                      athlete TEXT NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
                      date TEXT NOT NULL,
                      importId INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
                      tests INTEGER NOT NULL,
                      data BLOB NOT NULL);
                    CREATE INDEX testBatch_by_day ON testBatch(athlete, date);
                    CREATE INDEX testBatch_by_import ON testBatch(importId);
                    """)
            try TestRowsPacking.pack(db)
            try db.execute(sql: "DROP TABLE measurement")
        }
        return migrator
    }
}
