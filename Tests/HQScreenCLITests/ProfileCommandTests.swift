import Foundation
import TestFolders
import Testing

@Suite("hqscreen profile")
struct ProfileCommandTests {
    @Test("show prints every threshold with its source")
    func show() throws {
        let result = try CLIRunner.run(["profile", "show"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Profile default-v1\n"))
        #expect(result.stdout.contains("60°/s    green ≥ 0.60  red < 0.47   0.60 target: Coombs & Garbutt 2002"))
        #expect(result.stdout.contains("180°/s   green ≥ 0.72  no red band"))
        #expect(result.stdout.contains("Functional Hecc 30°/s ÷ Qcon 240°/s: green ≥ 1.00, red < 0.80"))
    }

    @Test("init writes an editable copy; report --profile uses the edit")
    func initAndUse() throws {
        let directory = TestFolders.file("profile")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("strict.yaml").path
        try? FileManager.default.removeItem(atPath: path)
        let written = try CLIRunner.run(["profile", "init", path])
        #expect(written.status == 0)
        #expect(written.stderr == "wrote \(path); use it with --profile \(path)\n")
        let again = try CLIRunner.run(["profile", "init", path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("exists; pass --force to replace it"))

        // Raise the 60°/s target to 0.62: Alex Runner's right side (0.61) turns amber.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "    green: 0.6\n", with: "    green: 0.62\n")
        text = text.replacingOccurrences(of: "name: \"default-v1\"", with: "name: \"club-strict\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try CLIRunner.run(["report", "SampleData/team_long.csv", "--profile", path, "--format", "json"])
        #expect(report.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(document["profile"] as? String == "club-strict")
        let first = try #require((document["assessments"] as? [[String: Any]])?.first)
        let right60 = try #require(
            (first["findings"] as? [[String: Any]])?.first {
                $0["measure"] as? String == "conventional-hq" && $0["side"] as? String == "right"
                    && $0["velocity"] as? Double == 60
            })
        #expect(right60["band"] as? String == "amber")
    }

    @Test("a broken profile stops the report with the key and line")
    func broken() throws {
        let path = try CLIRunner.temporaryFile("broken.yaml", "name: x\nretestWeeks: soon\n")
        let result = try CLIRunner.run(["report", "SampleData/team_long.csv", "--profile", path])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "hqscreen: \(path):1: description: is missing; every key is required (hqscreen profile init writes a complete file)\n"
        )
        #expect(result.stdout == "")
    }
}
