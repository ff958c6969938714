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
            Serves the screening history (--db) on this machine: http://127.0.0.1:8080 by default. Serving other \
            machines needs a login (--password-file, from `hqscreen password-hash`) and HTTPS (--tls-cert, \
            --tls-key). Stop it with Ctrl-C.
            """)

    @OptionGroup var store: StoreArgument
    @OptionGroup var profileOptions: ProfileArgument

    @Option(help: "The address to listen on; beyond this machine only with --password-file and HTTPS.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The largest upload, all files together.", valueName: "MB"))
    var maxUploadMb = 200

    @Option(
        help: ArgumentHelp(
            "A file with the desk's password as a bcrypt hash (hqscreen password-hash).", valueName: "path"))
    var passwordFile: String?

    @Option(help: ArgumentHelp("The server's certificate chain (PEM), for HTTPS.", valueName: "path"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The certificate's private key (PEM).", valueName: "path"))
    var tlsKey: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: 0 to 65535") }
        guard (1...4096).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb: 1 to 4096") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        if !ScreeningDesk.isLoopback(host) && (passwordFile == nil || tlsCert == nil) {
            throw ValidationError(
                "the desk holds health data: beyond this machine it needs a login and HTTPS — "
                    + "--password-file FILE (hqscreen password-hash > FILE) and --tls-cert, --tls-key; "
                    + "or keep --host 127.0.0.1")
        }
    }

    func run() async throws {
        let profile = try profileOptions.load()
        var login: DeskLogin?
        if let passwordFile {
            do {
                login = DeskLogin(passwordHash: try DeskLogin.hash(inFile: passwordFile), secureCookies: tlsCert != nil)
            } catch {
                FileHandleOutput.standardError("hqscreen: \(TerminalSafe.escape(error.description))\n")
                throw ExitCode(1)
            }
        }
        let withLogin = login != nil
        let tls = tlsCert.flatMap { cert in tlsKey.map { (certificate: cert, key: $0) } }
        let host = host
        let port = port
        let options = DeskOptions(
            profile: profile, maxUploadBytes: maxUploadMb << 20, generator: "hqscreen \(HQScreen.version)",
            login: login)
        try await store.using { opened in
            let location = opened.location
            let scheme = tls == nil ? "http" : "https"
            do {
                try await ScreeningDesk.serve(store: opened, options: options, host: host, port: port, tls: tls) {
                    bound in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    try? FileHandleOutput.standardOutput(
                        "HQScreen desk at \(scheme)://\(shown):\(bound)/ (store \(TerminalSafe.escape(location)))"
                            + "\(withLogin ? ", with a login" : ""); Ctrl-C stops it.\n")
                }
            } catch let error as DeskError {
                FileHandleOutput.standardError("hqscreen: \(TerminalSafe.escape(error.description))\n")
                throw ExitCode(1)
            }
        }
    }
}
