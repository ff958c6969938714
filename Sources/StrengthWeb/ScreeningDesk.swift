import Foundation
import Hummingbird
import Logging
import StrengthStore

/// `hqscreen serve`: the screening desk — import, squad, athlete, thresholds, and `/api/` — on one
/// store, rendered on the server, working without JavaScript.
public enum ScreeningDesk {
    public static func router(store: any HistoryStore, options: DeskOptions) -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: CSRFProtection())
        let reports = DeskReports(store: store, options: options)
        StaticAssets.add(to: router)
        ReportRoutes(store: store, reports: reports, options: options).add(to: router)
        ImportRoutes(store: store, staging: UploadStaging(folder: options.stagingFolder), options: options)
            .add(to: router)
        APIRoutes(store: store, reports: reports).add(to: router)
        return router
    }

    /// The server on `host`:`port`; `onRunning` is told the port it listens on (useful with port 0).
    public static func application(
        store: any HistoryStore, options: DeskOptions, host: String, port: Int,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "hqscreen.serve")
        logger.logLevel = .warning
        return Application(
            router: router(store: store, options: options),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Whether `host` is this machine only: the desk serves health data without a login only there.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
