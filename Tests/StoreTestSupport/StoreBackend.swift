import Foundation
import GRDB
import Logging
import PostgresNIO

/// The two kinds of store the store tests run against. PostgreSQL joins when
/// `HQSCREEN_TEST_POSTGRES` names a server the tests may create databases on (`.ci/postgres start`
/// prints one; `.ci/run` sets it).
public enum StoreBackend: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    public static let postgresServer: String? = {
        let url = ProcessInfo.processInfo.environment["HQSCREEN_TEST_POSTGRES"] ?? ""
        return url.isEmpty ? nil : url
    }()

    public static var available: [StoreBackend] { postgresServer == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// Where a new, empty store for the test `name` is: a file in `folder`, or a database made afresh.
    public func freshLocation(_ name: String, in folder: URL) async throws -> String {
        switch self {
        case .sqlite:
            return folder.appendingPathComponent("\(name).sqlite").path
        case .postgres:
            let database =
                "hqscreen_test_\(getpid())_" + name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
            try await Self.withServer(Self.postgresServer!) { connection, logger in
                try await connection.query(
                    PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database)"), logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), logger: logger)
            }
            var url = URLComponents(string: Self.postgresServer!)!
            url.path = "/" + database
            return url.string!
        }
    }

    /// Every row of `table` as text, for looking into a store from outside it.
    public static func rows(of table: String, at location: String) async throws -> [String] {
        if location.hasPrefix("postgres") {
            var rows: [String] = []
            try await withServer(location) { connection, logger in
                let sequence = try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT t::text FROM \(table) t"), logger: logger)
                for try await text in sequence.decode(String.self) { rows.append(text) }
            }
            return rows
        }
        return try await DatabaseQueue(path: location).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description)
        }
    }

    /// Runs one statement on the store at `location`.
    public static func execute(_ sql: String, at location: String) async throws {
        if location.hasPrefix("postgres") {
            try await withServer(location) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        } else {
            try await DatabaseQueue(path: location).write { try $0.execute(sql: sql) }
        }
    }

    static func withServer(
        _ url: String, _ body: (PostgresConnection, Logger) async throws -> Void
    ) async throws {
        let parts = URLComponents(string: url)!
        let logger = Logger(label: "hqscreen.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: parts.host ?? "127.0.0.1", port: parts.port ?? 5432, username: parts.user ?? "postgres",
                password: parts.password, database: String(parts.path.dropFirst()), tls: .disable),
            id: 1, logger: logger)
        do {
            try await body(connection, logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
