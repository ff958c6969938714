import Foundation
import Testing

/// Text from input files reaches a terminal as visible escapes, never as control sequences.
@Suite("Terminal escaping")
struct TerminalEscapingTests {
    static let hostile: String = {
        let folder = "Tests/Corpus/files"
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.path + "/" + folder)) ?? []
        return folder + "/" + (names.first { $0.hasSuffix("-hostile-name-escape-sequences.csv") } ?? "missing.csv")
    }()

    @Test("a name that would retitle the terminal, clear it and forge a line is shown escaped")
    func textReport() throws {
        let result = try CLIRunner.run(["report", Self.hostile, "--color", "always"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\\x1b]0;pwned\\x07\\x1b[2J\\x1b[1;32mAll athletes GREEN"))
        // What remains of ESC is only HQScreen's own colour codes: ESC [ digits/semicolons m.
        let own = result.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(!own.contains("\u{1B}") && !own.contains("\u{07}"))
    }

    @Test("newlines and bidirectional overrides in names, ids and cells stay visible and on one line")
    func newlinesAndBidi() throws {
        let file = try CLIRunner.temporaryFile(
            "bidi.csv",
            "athlete,name,date,side,muscle,contraction,velocity,torque_nm\n"
                + "\"A\n1\",\"Eve\u{202E}lyn\nAll athletes GREEN\",2026-01-02,left,quadriceps,concentric,60,150\n"
                + "A2,Bo,2026-01-02,\"le\u{1B}[2Jft\",quadriceps,concentric,60,150\n")
        let report = try CLIRunner.run(["report", file])
        #expect(report.stdout.contains("Eve\\u202elyn\\nAll athletes GREEN (A\\n1)"))
        #expect(!report.stdout.contains("\u{202E}"))
        #expect(report.stderr.contains("unknown side 'le\\x1b[2Jft'"))
        #expect(!report.stderr.contains("\u{1B}"))
        let markdown = try CLIRunner.run(["report", file, "--format", "markdown"])
        #expect(markdown.stdout.contains("## Eve\\\\u202elyn\\\\nAll athletes GREEN — 2026-01-02"))
        let check = try CLIRunner.run(["check", file])
        #expect(check.stdout.contains("unknown side 'le\\x1b[2Jft' (expected L, R, left, right or both)"))
        #expect(!check.stdout.contains("\u{1B}"))
    }
}
