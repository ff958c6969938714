import Foundation
import TestFolders
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
        let map = TestFolders.file("clinic.map").path
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

@Suite("Standard input and errors in words")
struct StandardInputTests {
    /// Runs the binary with `input` on its standard input.
    static func run(_ arguments: [String], input: String) throws -> CLIRunner.Output {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.packageRoot
        let stdin = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test("- reads a CSV from standard input once, for check and report; /dev/stdin too")
    func standardInput() throws {
        let csv = try String(contentsOfFile: CLIRunner.packageRoot.path + "/SampleData/team_long.csv", encoding: .utf8)
        let check = try Self.run(["check", "-"], input: csv)
        #expect(check.status == 0)
        #expect(
            check.stdout.hasPrefix(
                "- [generic-long]: 107 rows read, 106 imported, 1 skipped, 0 rejected (106 measurements)\n"))
        let report = try Self.run(["report", "-", "--format", "json"], input: csv)
        #expect(report.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect((document["assessments"] as? [[String: Any]])?.count == 7)
        let device = try Self.run(["check", "/dev/stdin"], input: csv)
        #expect(device.stdout.contains("107 rows read, 106 imported"))
        // A file with no athlete column read from standard input belongs to "stdin".
        let anonymous = try Self.run(
            ["report", "-", "--format", "json"],
            input: "date,side,muscle,velocity,torque_nm\n2026-01-02,L,Q,60,150\n2026-01-02,L,H,60,90\n")
        #expect(anonymous.stdout.contains("\"athlete\" : \"stdin\""))
    }

    @Test("option values in any case; a wrong one lists what is accepted; a decimal comma in --body-mass")
    func options() throws {
        let upper = try CLIRunner.run([
            "report", "SampleData/team_long.csv", "--format", "JSON", "--paper", "A4", "--color", "Never",
        ])
        #expect(upper.status == 0)
        #expect(upper.stdout.hasPrefix("{"))
        let wrong = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "docx"])
        #expect(wrong.status == 64)
        #expect(
            wrong.stderr.contains(
                "The value 'docx' is invalid for '--format <format>'. Please provide one of the following:"))
        #expect(wrong.stderr.contains("  - pdf"))
        let comma = try CLIRunner.run([
            "report", "SampleData/exports/nordbord_vald.csv", "--body-mass", "72,5", "--format", "json",
        ])
        #expect(comma.status == 0)
        #expect(comma.stdout.contains("\"bodyMassKg\" : 72.5"))
    }

    @Test("file-system failures say what failed and what to do")
    func words() throws {
        let missing = try CLIRunner.run([
            "report", "SampleData/team_long.csv", "-o", "/missing/dir/x.pdf", "--format", "pdf",
        ])
        #expect(missing.stderr == "hqscreen: cannot write /missing/dir/x.pdf: the folder /missing/dir does not exist\n")
        let file = try CLIRunner.temporaryFile("a-file.txt", "not a folder")
        let split = try CLIRunner.run(["report", "SampleData/team_long.csv", "--split", file])
        #expect(split.status == 74)
        #expect(split.stderr == "hqscreen: cannot use \(file) as the output folder: it is a file\n")
        let folder = try CLIRunner.run(["report", "SampleData/team_long.csv", "-o", "/tmp"])
        #expect(folder.status == 74)
        #expect(folder.stderr == "hqscreen: cannot write /tmp: it is a folder; name a file inside it\n")
        #expect(!(missing.stderr + split.stderr + folder.stderr).contains("NSCocoaErrorDomain"))
    }
}
