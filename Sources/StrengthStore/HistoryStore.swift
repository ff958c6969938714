import Foundation
import StrengthModel

/// A screening history: an embedded SQLite file (`SQLiteStore`, the default) or a PostgreSQL database
/// a clinic shares (`PostgresStore`). Both keep the same tables in meaning and the same identity of a
/// test (docs/store.md); every command and test runs against either.
public protocol HistoryStore: Sendable {
    /// Where the store is, fit to print: a path, or a URL without its password.
    var location: String { get }

    /// Stores what an import read: its files with their SHA-256 and row accounting, athletes, session
    /// details (filling gaps, never overwriting), and each test once. All or nothing. `fileHashes`
    /// gives each file's SHA-256 by its name when the name is not where the bytes are (an upload);
    /// otherwise the files are read again to hash them.
    func store(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String?, now: Date, fileHashes: [String: String]?
    ) async throws -> StoreImportOutcome

    /// The stored tests, of one athlete, one squad and from one day on when asked, in the order they
    /// were stored.
    func tests(athlete: String?, squad: String?, since: TestDate?) async throws -> StoredTests

    func athletes() async throws -> [StoredAthlete]

    /// Erases a person: their tests, sessions, recorded details and record, and the records of imports
    /// that held only their tests (a file name can name a person). Nil when there is no such athlete.
    func delete(athlete id: String) async throws -> AthleteChange?

    /// Joins two ids that are the same person (see `SQLiteStore.merge`). Nil when either is unknown.
    func merge(athlete from: String, into: String) async throws -> AthleteChange?

    /// Records details for a stored athlete; false when the store has no such athlete.
    func record(_ details: AthleteDetails, athlete: String, on day: TestDate) async throws -> Bool

    /// The stored tests in the generic long layout (`ExportedTest`), in pieces.
    func export(athlete: String?, squad: String?, to emit: (String) throws -> Void) async throws

    /// A number that grows with every change to the store (an import, a merge, an erasure, a recorded
    /// detail), by this process or another: what a cache of reports is keyed by.
    func revision() async throws -> Int64

    /// Lets go of the connection; the SQLite store needs nothing.
    func close() async
}

extension HistoryStore {
    public func store(
        _ measurements: [StrengthModel.Measurement], sessions: [SessionKey: SessionInfo], files: [FileImportSummary],
        squad: String? = nil, fileHashes: [String: String]? = nil
    ) async throws -> StoreImportOutcome {
        try await store(
            measurements, sessions: sessions, files: files, squad: squad, now: Date(), fileHashes: fileHashes)
    }

    public func tests(athlete: String? = nil, squad: String? = nil, since: TestDate? = nil) async throws
        -> StoredTests
    {
        try await tests(athlete: athlete, squad: squad, since: since)
    }

    public func export(to emit: (String) throws -> Void) async throws {
        try await export(athlete: nil, squad: nil, to: emit)
    }
}

/// Opening a store: where it is, and what can go wrong in words.
public enum HistoryStores {
    /// `--db`, else `HQSCREEN_DB`, else `hqscreen.sqlite` in the current folder.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["HQSCREEN_DB"], !path.isEmpty { return path }
        return "hqscreen.sqlite"
    }

    /// Whether `location` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The store at `location`: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` for a server, else
    /// a SQLite file path. Either is created or migrated to the current schema when opened.
    public static func open(_ location: String) async throws -> any HistoryStore {
        if isPostgres(location) { return try await PostgresStore(url: location) }
        return try SQLiteStore(location: location)
    }
}

public enum StoreOpenError: Error, CustomStringConvertible {
    case newerSchema(location: String, unknown: [String])
    case cannotOpen(location: String, reason: String)

    public var description: String {
        switch self {
        case .newerSchema(let location, let unknown):
            "the store \(location) was written by a newer HQScreen (schema \(unknown.joined(separator: ", "))); "
                + "update HQScreen to use it"
        case .cannotOpen(let location, let reason): "cannot open the store \(location): \(reason)"
        }
    }
}

/// The schema's versions, oldest first: both stores apply the same ones, each in its own SQL.
enum SchemaVersion {
    /// v1: athletes, imports, sessions, recorded details, tests. v2: indexes for erasing a person or an
    /// import and for a squad's report (without them each erased import scanned every test). v3: the
    /// store's revision, counted up by every change. v4 (SQLite's only): tests packed one row per
    /// athlete, day and file; PostgreSQL keeps a row per test.
    static let all = ["v1", "v2", "v3", "v4"]
}

public enum StoreErrors {
    /// An error from either store in words: PostgreSQL's own message rather than postgres-nio's
    /// summary, which leaves it out.
    public static func words(_ error: any Error) -> String { PostgresStore.words(error) }
}
