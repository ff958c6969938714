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
            ])
    }

    @Test("beyond this machine, the desk refuses to start without a login")
    func loopbackOnly() throws {
        let result = try CLIRunner.run(["serve", "--host", "0.0.0.0"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "the desk serves health data without a login, so only on this machine: use --host 127.0.0.1 "
                    + "(from elsewhere, through an SSH tunnel)"))
    }
}
