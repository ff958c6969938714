import Foundation
import Testing

@Suite("hqscreen serve")
struct ServeCommandTests {
    /// Headless Chromium, its driver, and Selenium for Python: `.ci/run` installs them.
    static let browserReady: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        else { return false }
        return (try? CLIRunner.runProgram("/usr/bin/env", ["python3", "-c", "import selenium"]).status) == 0
    }()

    @Test(
        "in headless Chromium: import a sample file, check the preview, store it, see the squad, open an athlete, print",
        .enabled(if: browserReady, "needs chromium, chromium-driver and Python's selenium (.ci/run installs them)"))
    func browser() throws {
        let out = try CLIRunner.freshFolder("browser")
        let result = try CLIRunner.runProgram(
            "/usr/bin/env",
            [
                "python3", CLIRunner.packageRoot.appendingPathComponent("Tests/Browser/desk_in_chromium.py").path,
                CLIRunner.binary.path, CLIRunner.packageRoot.path, out.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let pictures = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            pictures == [
                "desk-athlete.pdf", "desk-athlete.png", "desk-import.png", "desk-preview.png", "desk-squad.png",
                "desk-thresholds.png",
            ])
    }

    @Test("beyond this machine, the desk refuses to start without a login and HTTPS")
    func loopbackOnly() throws {
        for extra in [[], ["--password-file", "x"], ["--tls-cert", "c", "--tls-key", "k"]] {
            let result = try CLIRunner.run(["serve", "--host", "0.0.0.0"] + extra)
            #expect(result.status == 64)
            #expect(
                result.stderr.contains(
                    "the desk holds health data: beyond this machine it needs a login and HTTPS — --password-file FILE "
                        + "(hqscreen password-hash > FILE) and --tls-cert, --tls-key; or keep --host 127.0.0.1"))
        }
    }

    @Test("password-hash: a bcrypt hash of a long enough password; a password file must hold one")
    func passwordHash() throws {
        let folder = try CLIRunner.freshFolder("password-hash")
        let input = folder.appendingPathComponent("password.txt")
        try Data("short\n".utf8).write(to: input)
        let short = try CLIRunner.run(["password-hash"], standardInput: FileHandle(forReadingFrom: input))
        #expect(short.status == 1)
        #expect(short.stderr == "hqscreen: the password is shorter than 12 characters\n")
        try Data("correct horse battery\n".utf8).write(to: input)
        let made = try CLIRunner.run(["password-hash"], standardInput: FileHandle(forReadingFrom: input))
        #expect(made.status == 0)
        #expect(made.stdout.count == 61 && made.stdout.hasPrefix("$2"))
        let plain = folder.appendingPathComponent("plain.password")
        try Data("correct horse battery\n".utf8).write(to: plain)
        let refused = try CLIRunner.run(["serve", "--password-file", plain.path, "--port", "0"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr == "hqscreen: the password file \(plain.path) must hold a bcrypt hash, not a password: "
                + "hqscreen password-hash > \(plain.path) makes one\n")
    }

    static let tlsToolsReady =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    @Test(
        "over HTTPS with a login, on a real socket: pages need the password, the session cookie is Secure",
        .enabled(if: tlsToolsReady, "needs openssl and curl"))
    func httpsWithLogin() throws {
        let folder = try CLIRunner.freshFolder("https")
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let made = try CLIRunner.runProgram(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj",
                "/CN=localhost",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let input = folder.appendingPathComponent("typed.txt")
        try Data("correct horse battery\n".utf8).write(to: input)
        let hash = try CLIRunner.run(["password-hash"], standardInput: FileHandle(forReadingFrom: input))
        let passwordFile = folder.appendingPathComponent("desk.password")
        try Data(hash.stdout.utf8).write(to: passwordFile)

        let server = Process()
        server.executableURL = CLIRunner.binary
        server.arguments = [
            "serve", "--db", folder.appendingPathComponent("desk.sqlite").path, "--port", "0", "--password-file",
            passwordFile.path, "--tls-cert", cert, "--tls-key", key,
        ]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let printed = String(decoding: line, as: UTF8.self)
        #expect(printed.hasPrefix("HQScreen desk at https://127.0.0.1:") && printed.contains(", with a login;"))
        let address = try #require(printed.split(separator: " ").first { $0.hasPrefix("https://") })
        func curl(_ arguments: [String]) throws -> CLIRunner.Output {
            try CLIRunner.runProgram("/usr/bin/curl", ["-sk", "-D", "-", "-o", "/dev/null"] + arguments)
        }
        let squad = try curl([address + "squad"])
        #expect(squad.stdout.hasPrefix("HTTP/1.1 303"))
        #expect(squad.stdout.contains("location: /login") || squad.stdout.contains("Location: /login"))
        let jar = folder.appendingPathComponent("cookies.txt").path
        let page = try CLIRunner.runProgram("/usr/bin/curl", ["-sk", "-c", jar, address + "login"])
        let tokenStart = try #require(page.stdout.range(of: "name=\"csrf\" value=\"")).upperBound
        let token = String(page.stdout[tokenStart...].prefix(64))
        let signedIn = try curl([
            "-b", jar, "-c", jar, "--data", "csrf=\(token)&password=correct+horse+battery", address + "login",
        ])
        #expect(signedIn.stdout.hasPrefix("HTTP/1.1 303"))
        #expect(signedIn.stdout.lowercased().contains("set-cookie: hqscreen_session="))
        #expect(signedIn.stdout.contains("Secure"))
        let inside = try curl(["-b", jar, address + "squad"])
        #expect(inside.stdout.hasPrefix("HTTP/1.1 200"))
    }
}
