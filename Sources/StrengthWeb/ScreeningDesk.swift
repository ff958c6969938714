import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import StrengthStore

/// `hqscreen serve`: the screening desk — import, squad, athlete, thresholds, and `/api/` — on one
/// store, rendered on the server, working without JavaScript.
public enum ScreeningDesk {
    public static func router(store: any HistoryStore, options: DeskOptions) -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: CSRFProtection())
        if let login = options.login {
            let sessions = SessionStore()
            router.add(middleware: LoginGate(login: login, sessions: sessions))
            LoginRoutes(login: login, sessions: sessions).add(to: router)
        }
        let reports = DeskReports(store: store, options: options)
        StaticAssets.add(to: router)
        ReportRoutes(store: store, reports: reports, options: options).add(to: router)
        ImportRoutes(store: store, staging: UploadStaging(folder: options.stagingFolder), options: options)
            .add(to: router)
        APIRoutes(store: store, reports: reports).add(to: router)
        return router
    }

    /// The server on `host`:`port`, over HTTPS when `tls` names a PEM certificate chain and key;
    /// `onRunning` is told the port it listens on (useful with port 0).
    public static func application(
        store: any HistoryStore, options: DeskOptions, host: String, port: Int,
        tls: (certificate: String, key: String)? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        var logger = Logger(label: "hqscreen.serve")
        logger.logLevel = .warning
        var server = HTTPServerBuilder.http1()
        if let tls {
            let configuration: TLSConfiguration
            do {
                configuration = TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(tls.certificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.key, format: .pem)))
            } catch {
                throw DeskError.certificate("cannot use \(tls.certificate) and \(tls.key) for HTTPS (\(error))")
            }
            server = try .tls(.http1(), tlsConfiguration: configuration)
        }
        return Application(
            router: router(store: store, options: options), server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Builds the server and runs it until SIGINT or SIGTERM; uploads never confirmed go with it.
    public static func serve(
        store: any HistoryStore, options: DeskOptions, host: String, port: Int,
        tls: (certificate: String, key: String)? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        defer { try? FileManager.default.removeItem(at: options.stagingFolder) }
        try await application(store: store, options: options, host: host, port: port, tls: tls, onRunning: onRunning)
            .runService()
    }

    /// Whether `host` is this machine only: the desk serves health data without a login only there.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

public enum DeskError: Error, CustomStringConvertible {
    case certificate(String)

    public var description: String {
        switch self {
        case .certificate(let words): words
        }
    }
}
