import ArgumentParser
import Foundation
import StrengthReport
import StrengthStore
import StrengthWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The screening desk in a browser: import, squad, athletes, thresholds (docs/serve.md).",
        discussion: """
            Serves the screening history (--db) on this machine only: http://127.0.0.1:8080 by default. Stop it \
            with Ctrl-C.
            """)

    @OptionGroup var store: StoreArgument
    @OptionGroup var profileOptions: ProfileArgument

    @Option(help: "The address to listen on. Only this machine (127.0.0.1, ::1, localhost) for now.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The largest upload, all files together.", valueName: "MB"))
    var maxUploadMb = 200

    func validate() throws {
        guard ScreeningDesk.isLoopback(host) else {
            throw ValidationError(
                "the desk serves health data without a login, so only on this machine: use --host 127.0.0.1 "
                    + "(from elsewhere, through an SSH tunnel)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port: 0 to 65535") }
        guard (1...4096).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb: 1 to 4096") }
    }

    func run() async throws {
        let profile = try profileOptions.load()
        let host = host
        let port = port
        let options = DeskOptions(
            profile: profile, maxUploadBytes: maxUploadMb << 20, generator: "hqscreen \(HQScreen.version)")
        try await store.using { opened in
            let location = opened.location
            let app = ScreeningDesk.application(store: opened, options: options, host: host, port: port) { bound in
                let shown = host.contains(":") ? "[\(host)]" : host
                try? FileHandleOutput.standardOutput(
                    "HQScreen desk at http://\(shown):\(bound)/ (store \(TerminalSafe.escape(location))); Ctrl-C stops it.\n"
                )
            }
            try await app.runService()
        }
    }
}
