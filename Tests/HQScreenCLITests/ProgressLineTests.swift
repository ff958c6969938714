import Foundation
import Testing

@Suite("Progress line")
struct ProgressLineTests {
    /// Runs the report under `script`, so standard error is a terminal, as it is for a person.
    @Test("at a terminal: rows read and athletes assessed and written, then the line is cleared")
    func terminal() throws {
        let folder = try CLIRunner.freshFolder("progress")
        let output = folder.appendingPathComponent("squad.csv").path
        let command =
            "\(CLIRunner.binary.path) report Tests/Golden/squad.csv --format csv -o \(output) --today 2026-03-01"
        let result = try CLIRunner.runProgram(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["HQSCREEN_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r").map(String.init)
        #expect(lines.contains { $0.contains("hqscreen: 406 rows read · ") && $0.contains(" of 8 athletes assessed") })
        #expect(result.stdout.hasSuffix("\r\u{1B}[K"))
    }

    @Test("not a terminal: nothing on standard error")
    func pipe() throws {
        let folder = try CLIRunner.freshFolder("progress-pipe")
        let result = try CLIRunner.run(
            ["report", "Tests/Golden/squad.csv", "--format", "csv", "-o", folder.appendingPathComponent("s.csv").path],
            environment: ["HQSCREEN_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }
}
