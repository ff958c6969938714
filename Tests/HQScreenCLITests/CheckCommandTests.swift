import Foundation
import Testing

@Suite("hqscreen check")
struct CheckCommandTests {
    @Test("clean SampleData: accounting per file, exit 0")
    func clean() throws {
        let result = try CLIRunner.run(["check", "SampleData/clinic_wide.csv"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                SampleData/clinic_wide.csv [generic-wide]: 4 rows read, 4 imported, 0 skipped, 0 rejected (40 measurements)
                  delimiter ';', decimal ',', utf-8, CRLF, header on line 3
                  reads: 1 'Athlete' as athlete, 2 'Name' as name, 3 'Date' as test date,
                         4 'Body mass (kg)' as body mass (kg),
                         5 'Quad L 60 [Nm]' as quadriceps left concentric 60°/s (Nm),
                         6 'Quad R 60 [Nm]' as quadriceps right concentric 60°/s (Nm),
                         7 'Ham L 60 [Nm]' as hamstrings left concentric 60°/s (Nm),
                         8 'Ham R 60 [Nm]' as hamstrings right concentric 60°/s (Nm),
                         9 'Quad L 180 [Nm]' as quadriceps left concentric 180°/s (Nm),
                         10 'Quad R 180 [Nm]' as quadriceps right concentric 180°/s (Nm),
                         11 'Ham L 180 [Nm]' as hamstrings left concentric 180°/s (Nm),
                         12 'Ham R 180 [Nm]' as hamstrings right concentric 180°/s (Nm),
                         13 'Ham L Ecc 30 [Nm]' as hamstrings left eccentric 30°/s (Nm),
                         14 'Ham R Ecc 30 [Nm]' as hamstrings right eccentric 30°/s (Nm)
                Total: 4 rows read = 4 imported + 0 skipped + 0 rejected

                """)
    }

    @Test("malformed files: a message with line and column, exit 1, no crash")
    func malformed() throws {
        let unterminated = try CLIRunner.temporaryFile(
            "unterminated.csv",
            "athlete,date,side,muscle,velocity,torque (Nm)\nA,2024-01-01,L,Q,60,100\nA,2024-01-01,\"L,H,60,50\n")
        let empty = try CLIRunner.temporaryFile("empty.csv", "")
        let headerOnly = try CLIRunner.temporaryFile("header.csv", "athlete,date,side,muscle,velocity,torque (Nm)\n")
        let binary = try CLIRunner.temporaryFile("binary.csv", "PK\u{3}\u{4}\u{0}\u{0}junk")
        let result = try CLIRunner.run(["check", unterminated, empty, headerOnly, binary])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(unterminated):3:3: error: a quoted field opened here is never closed; the last 1 line of the file could not be read"
            ))
        #expect(result.stdout.contains("\(empty): error: the file is empty"))
        #expect(result.stdout.contains("\(headerOnly):1: error: the file has a header row but no data rows"))
        #expect(result.stdout.contains("\(binary): error: the file is not text (a NUL byte at offset 4)"))
        #expect(result.stdout.contains("Total: 2 rows read = 1 imported + 0 skipped + 1 rejected"))
    }

    @Test("JSON check output keeps the import contract")
    func json() throws {
        let result = try CLIRunner.run(["check", "SampleData/team_long.csv", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let importBlock = try #require(document["import"] as? [String: Any])
        let files = try #require(importBlock["files"] as? [[String: Any]])
        #expect(files.map { $0["format"] as? String } == ["generic-long"])
        let dialect = try #require(files[0]["dialect"] as? [String: Any])
        #expect(dialect["delimiter"] as? String == ",")
        #expect(importBlock["rowsRead"] as? Int == 107)
    }

    @Test("formats lists every layout")
    func formats() throws {
        let result = try CLIRunner.run(["formats"])
        #expect(result.status == 0)
        for name in [
            "strong", "hevy", "fitnotes", "fitbod", "vald-nordbord", "vald-forceframe", "isokinetic-report",
            "hand-held-log", "generic-long", "generic-wide",
        ] {
            #expect(result.stdout.contains("\n  \(name) "), "\(name)")
        }
    }

    @Test("formats --template writes a mapping that report --mapping reads")
    func template() throws {
        let csv = try CLIRunner.temporaryFile(
            "clinic.csv", "Clinic\nID;Tested;Leg;Group;Torque\nP1;14.02.2026;L;Q;150,5\nP1;14.02.2026;L;H;80,0\n")
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("hqscreen-\(getpid())-clinic.map").path
        let written = try CLIRunner.run(["formats", "--template", csv, "-o", map])
        #expect(written.status == 0)
        var text = try String(contentsOfFile: map, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "columns ID, -, Leg, -, Torque", with: "columns athlete, date, side, muscle, value")
        text += "unit Nm\nconstant velocity 60\n"
        try text.write(toFile: map, atomically: true, encoding: .utf8)
        let report = try CLIRunner.run(["report", csv, "--mapping", map, "--format", "json"])
        #expect(report.status == 0)
        // 80.0 / 150.5 = 0.5316.
        #expect(report.stdout.contains("\"value\" : 0.5316"))
    }
}
