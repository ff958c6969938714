import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// The screening history in a PostgreSQL database a clinic shares: the same tables in meaning as
/// `SQLiteStore` (dates as `date`, flags as `boolean`), the same migrations, one connection.
/// Access control is the server's (roles, `pg_hba.conf`), not a file's permissions.
public final class PostgresStore: HistoryStore {
    let connection: PostgresConnection
    let logger: Logger
    public let location: String
    /// Each public operation holds it throughout: one connection, one conversation at a time.
    let serial = AsyncMutex()

    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require][&host=/socket/dir]`;
    /// the password may come from `PGPASSWORD` instead, so it stays out of the command line.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        let target = try PostgresLocation(url: url, environment: environment)
        location = target.printable
        // Nothing is logged: errors reach the user as thrown errors, in words.
        logger = Logger(label: "hqscreen.store", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            connection = try await PostgresConnection.connect(
                configuration: try target.configuration(), id: 1, logger: logger)
        } catch {
            throw StoreOpenError.cannotOpen(location: location, reason: Self.words(error))
        }
        do {
            try await PostgresSchema.migrate(self)
        } catch {
            try? await connection.close()
            if error is StoreOpenError { throw error }
            throw StoreOpenError.cannotOpen(location: location, reason: Self.words(error))
        }
    }

    public func close() async {
        try? await connection.close()
    }

    public func revision() async throws -> Int64 {
        try await serial.withLock {
            var value: Int64 = 0
            for try await current in try await execute("SELECT value FROM revision WHERE id = 1").decode(Int64.self) {
                value = current
            }
            return value
        }
    }

    /// Counts a change, inside the transaction that makes it.
    func bumpRevision() async throws {
        try await execute("UPDATE revision SET value = value + 1 WHERE id = 1")
    }

    /// The server's own message rather than postgres-nio's summary, which hides it for privacy.
    static func words(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "cannot reach the server (\(underlying))" }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.commitError ?? error.beginError { return words(inner) }
        }
        return "\(error)"
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        do {
            let result = try await body()
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// A query with binds built piece by piece (a filter that depends on the options given).
    static func query(_ sql: String, _ values: [String]) -> PostgresQuery {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}

/// Where a PostgreSQL store is, from its URL.
struct PostgresLocation {
    var host: String?
    var socketDirectory: String?
    var port: Int
    var user: String
    var password: String?
    var database: String
    var sslMode: String
    /// The URL without its password, for messages.
    var printable: String

    init(url: String, environment: [String: String]) throws {
        guard let parts = URLComponents(string: url), parts.scheme == "postgres" || parts.scheme == "postgresql" else {
            throw StoreOpenError.cannotOpen(
                location: url, reason: "expected postgres://USER@HOST[:PORT]/DATABASE")
        }
        var printable = parts
        printable.password = nil
        self.printable = printable.string ?? "postgres://"
        let query = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        port = parts.port ?? 5432
        user = parts.user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = parts.password ?? environment["PGPASSWORD"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? user : path
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw StoreOpenError.cannotOpen(
                location: self.printable, reason: "sslmode \(sslMode) is not one of disable, prefer, require")
        }
        if let socket = query["host"], socket.hasPrefix("/") {
            socketDirectory = socket
        } else {
            host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        }
    }

    func configuration() throws -> PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: tls)
    }
}

/// The tables in PostgreSQL's words, one migration per `SchemaVersion`, applied when a store is
/// opened, under a lock so two clinicians opening a new database at once do not both create it.
/// A test's athlete and import are not foreign keys here: PostgreSQL checks those row by row, which
/// took 60 % of a 2-million-test import. An import adds the athletes and its own record first, in the
/// same transaction (the athlete rows it upserts stay locked against an erasure until it commits),
/// and `delete` removes a person's tests itself.
enum PostgresSchema {
    static let migrations: [(String, String)] = [
        (
            "v1",
            """
            CREATE TABLE athlete (id text PRIMARY KEY, name text, squad text);
            CREATE TABLE import (
              id bigserial PRIMARY KEY, file text NOT NULL, sha256 text NOT NULL, importedAt timestamptz NOT NULL,
              format text, rowsRead bigint NOT NULL, rowsImported bigint NOT NULL, rowsSkipped bigint NOT NULL,
              rowsRejected bigint NOT NULL, measurements bigint NOT NULL);
            CREATE TABLE session (
              athlete text NOT NULL REFERENCES athlete ON DELETE CASCADE, date date NOT NULL, name text, sex text,
              age integer, bodyMassKg double precision, sport text, involvedSide text, aclReconstruction boolean,
              sources text NOT NULL, PRIMARY KEY (athlete, date));
            CREATE TABLE athleteDetail (
              id bigserial PRIMARY KEY, athlete text NOT NULL REFERENCES athlete ON DELETE CASCADE,
              recordedOn date NOT NULL, sex text, birthDate date, sport text, involvedSide text,
              aclReconstruction boolean, bodyMassKg double precision);
            CREATE TABLE measurement (
              id bigserial PRIMARY KEY, athlete text NOT NULL,
              date date NOT NULL, protocol bigint NOT NULL, trial integer NOT NULL, side text, muscle text NOT NULL,
              contraction text NOT NULL, velocity double precision, angle double precision, method text NOT NULL,
              dimension text NOT NULL, position text, machine text, valueSI double precision NOT NULL,
              sourceUnit text NOT NULL, gravityCorrected boolean, repetitions integer, warmUp boolean NOT NULL,
              dropSet boolean NOT NULL, trainingLog boolean NOT NULL, line integer NOT NULL,
              importId bigint NOT NULL, UNIQUE (athlete, date, protocol, trial));
            """
        ),
        (
            "v2",
            """
            CREATE INDEX measurement_by_import ON measurement (importId);
            CREATE INDEX athleteDetail_by_athlete ON athleteDetail (athlete);
            CREATE INDEX athlete_by_squad ON athlete (squad);
            """
        ),
        (
            "v3",
            """
            CREATE TABLE revision (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
            INSERT INTO revision (id, value) VALUES (1, 0);
            """
        ),
    ]

    static func migrate(_ store: PostgresStore) async throws {
        try await store.transaction {
            // Any number that no other program on the server is likely to lock: "HQSc" in ASCII.
            try await store.execute("SELECT pg_advisory_xact_lock(1213420387)")
            try await store.execute("CREATE TABLE IF NOT EXISTS hqscreen_schema (identifier text PRIMARY KEY)")
            var applied = Set<String>()
            for try await identifier in try await store.execute("SELECT identifier FROM hqscreen_schema")
                .decode(String.self)
            {
                applied.insert(identifier)
            }
            let unknown = applied.subtracting(migrations.map(\.0))
            if !unknown.isEmpty {
                throw StoreOpenError.newerSchema(location: store.location, unknown: unknown.sorted())
            }
            for (identifier, sql) in migrations where !applied.contains(identifier) {
                for statement in sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try await store.execute(PostgresQuery(unsafeSQL: String(statement)))
                }
                try await store.execute("INSERT INTO hqscreen_schema (identifier) VALUES (\(identifier))")
            }
        }
    }
}
