import Foundation
import TestFolders
import Testing

@Suite("hqscreen report")
struct ReportCommandTests {
    @Test("text report on SampleData: team summary, ratios, program, exit 0")
    func sampleText() throws {
        let result = try CLIRunner.run([
            "report", "SampleData/team_long.csv", "SampleData/clinic_wide.csv", "--today", "2026-03-01",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("HQScreen report · 8 athletes · 11 sessions · profile default-v1\n"))
        #expect(result.stdout.contains("Imported 110 of 111 rows from 2 files: 1 skipped (details: hqscreen check)."))
        // One line per athlete, by the latest test: Sam's retest (left 60°/s 0.50, up 0.06 from 0.44) after a
        // red first test, six days before the report's day.
        #expect(
            result.stdout.contains(
                "  Sam Sprinter (A02)   2026-02-23  AMBER   Hcon/Qcon 60°/s 0.50 (left); 5 more amber  +0.06 since "
                    + "2026-01-12  · was RED on 2026-01-12  · 6 days ago\n"))
        // The athlete is the unit: the latest test in full, the first one only in the history.
        #expect(result.stdout.contains("━━ Alex Runner (A01) · 2026-02-23 · 61.5 kg · female · running"))
        #expect(!result.stdout.contains("━━ Alex Runner (A01) · 2026-01-12"))
        #expect(
            result.stdout.contains(
                "   History (2 tests, oldest first)\n   2026-01-12  AMBER   Hcon/Qcon 60°/s 0.52 (left)"))
        #expect(result.stdout.contains("1. Hip raise"))
        #expect(result.stdout.contains("2. Leg curl on a ball or foam roller"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("JSON report on SampleData: accounting and hand-checked ratios")
    func sampleJSON() throws {
        let result = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let importBlock = try #require(document["import"] as? [String: Any])
        #expect(importBlock["rowsRead"] as? Int == 107)
        #expect(importBlock["rowsImported"] as? Int == 106)
        #expect(importBlock["rowsSkipped"] as? Int == 1)
        #expect(importBlock["rowsRejected"] as? Int == 0)
        let assessments = try #require(document["assessments"] as? [[String: Any]])
        #expect(assessments.count == 7)
        let first = assessments[0]
        #expect(first["athlete"] as? String == "A01")
        #expect(first["date"] as? String == "2026-01-12")
        let findings = try #require(first["findings"] as? [[String: Any]])
        // Left 60°/s: hamstrings 74.0 Nm / quadriceps 142.3 Nm = 0.5200
        let left60 = try #require(findings.first { $0["side"] as? String == "left" && $0["velocity"] as? Double == 60 })
        #expect(left60["value"] as? Double == 0.52)
        #expect(left60["band"] as? String == "amber")
    }

    @Test("-o writes the file atomically and prints nothing")
    func outputFile() throws {
        let path = TestFolders.file("report.json").path
        let result = try CLIRunner.run(["report", "SampleData/clinic_wide.csv", "--format", "json", "-o", path])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\"rowsRead\" : 4"))
    }

    @Test("an unwritable output path exits 74")
    func unwritable() throws {
        let result = try CLIRunner.run(["report", "SampleData/clinic_wide.csv", "-o", "/nonexistent-dir/report.txt"])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("hqscreen: cannot write /nonexistent-dir/report.txt"))
    }

    @Test("an unreadable file exits 1 and says why on stderr")
    func unreadable() throws {
        let result = try CLIRunner.run(["report", "SampleData/team_long.csv", "/nonexistent/file.csv"])
        #expect(result.status == 1)
        #expect(
            result.stderr == "hqscreen: /nonexistent/file.csv: error: cannot open the file: No such file or directory\n"
        )
        #expect(result.stdout.contains("1 file unreadable"))
    }

    @Test("rejected rows: exit 0 by default, 1 with --strict")
    func strict() throws {
        let path = try CLIRunner.temporaryFile(
            "strict.csv",
            "athlete,date,side,muscle,velocity,torque (Nm)\nA,2024-01-01,L,Q,60,100\nA,2024-01-01,L,H,60,x\nA,2024-01-01,Q,H,60,1\n"
        )
        let lenient = try CLIRunner.run(["report", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains(":3:6: error: value 'x' is not a number"))
        let strict = try CLIRunner.run(["report", path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr == "hqscreen: \(path):3:6: error: value 'x' is not a number\n")
    }

    @Test("usage errors exit 64 and say what to type")
    func usage() throws {
        let result = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format"))
        let format = try CLIRunner.run(["report", "x.csv", "--input-format", "cybex-xml"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("unknown input format 'cybex-xml'; choose one of: strong, hevy"))
    }

    @Test("colour only when asked or on a terminal; NO_COLOR wins over auto")
    func colour() throws {
        let always = try CLIRunner.run(["report", "SampleData/team_long.csv", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1;31mRED\u{1B}[0m"))
        let auto = try CLIRunner.run(["report", "SampleData/team_long.csv"], environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.contains("\u{1B}["))
    }
}

@Suite("hqscreen report: every measure on SampleData/field_and_gym.csv")
struct FieldAndGymTests {
    func findings(_ athlete: String, date: String) throws -> [[String: Any]] {
        let result = try CLIRunner.run(["report", "SampleData/field_and_gym.csv", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let assessment = try #require(
            (document["assessments"] as? [[String: Any]])?.first {
                $0["athlete"] as? String == athlete && $0["date"] as? String == date
            })
        return try #require(assessment["findings"] as? [[String: Any]])
    }

    @Test("machine 1RM ratio: best Epley estimates, warm-ups and 15-rep sets left out")
    func machine() throws {
        // Curl: 30 × (1 + 7/30) = 37.0 beats 27.5 × (1 + 10/30) = 36.67. Extension: 70 × (1 + 8/30) = 88.67
        // beats 62.5 × (1 + 10/30) = 83.33. 37.0 / 88.67 = 0.4173: green for a woman (≥ 0.37).
        let machine = try #require(
            try findings("R12", date: "2026-03-05").first { $0["measure"] as? String == "machine-1rm-hq" })
        #expect(machine["value"] as? Double == 0.4173)
        #expect(machine["band"] as? String == "green")
        #expect(machine["side"] is NSNull)
        let inputs = try #require(machine["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["value"] as? Double } == [37.0, 88.667])
    }

    @Test("single-leg bridge repetitions and their left/right difference")
    func bridge() throws {
        let all = try findings("R12", date: "2026-03-05")
        let bridge = all.filter { $0["measure"] as? String == "single-leg-bridge" }
        #expect(bridge.map { $0["value"] as? Double } == [22, 27])
        #expect(bridge.map { $0["band"] as? String } == ["amber", "green"])
        // (27 − 22) / 27 × 100 = 18.52%.
        let difference = try #require(all.first { $0["measure"] as? String == "asymmetry" })
        #expect(difference["value"] as? Double == 18.5185)
        // No red for bridge repetitions: amber at most, and the report says why.
        #expect(difference["band"] as? String == "amber")
        #expect(difference["confirmation"] is NSNull)
        #expect(difference["populationNote"] as? String == "the 15% red is not established for bridge repetitions")
    }

    @Test("Nordic force, isometric ratio and Nordic asymmetry for an adult male soccer player")
    func nordic() throws {
        let all = try findings("F07", date: "2026-03-02")
        let nordic = all.filter { $0["measure"] as? String == "nordic-force" }
        #expect(nordic.map { $0["band"] as? String } == ["green", "amber"])
        let isometric = all.filter { $0["measure"] as? String == "isometric-hq" }
        // 285.5 / 560.0 = 0.5098; 270.0 / 575.5 = 0.4692.
        #expect(isometric.map { $0["value"] as? Double } == [0.5098, 0.4692])
        let asymmetry = try #require(
            all.first { $0["measure"] as? String == "asymmetry" && $0["contraction"] as? String == "eccentric" })
        // (412.3 − 331.0) / 412.3 × 100 = 19.72%.
        #expect(asymmetry["value"] as? Double == 19.7187)
        // An adult male soccer player: the red applies, but one test day only says "confirm"; the retest on
        // 2026-04-13 is (425.0 − 398.5) / 425.0 = 6.2%, so it never becomes red.
        #expect(asymmetry["band"] as? String == "amber")
        #expect(asymmetry["confirmation"] as? String == "pending-second-test")
        #expect(asymmetry["weakerSide"] as? String == "right")
        let retest = try #require(
            try findings("F07", date: "2026-04-13").first {
                $0["measure"] as? String == "nordic-force" && $0["side"] as? String == "right"
            })
        let change = try #require(retest["change"] as? [String: Any])
        #expect(change["previousDate"] as? String == "2026-03-02")
        #expect(change["sincePrevious"] as? Double == 67.5)
        #expect(change["verdictSincePrevious"] as? String == "improved")
    }

    @Test("limb symmetry index and torque per kg when an involved side is known")
    func rehab() throws {
        let all = try findings("K03", date: "2026-03-09")
        #expect(all.filter { $0["measure"] as? String == "asymmetry" }.isEmpty)
        let lsi = all.filter { $0["measure"] as? String == "limb-symmetry-index" }
        // Quadriceps 158.4 / 198.0 = 80%; hamstrings 101.4 / 112.9 = 89.81%, below 90% though it rounds to 90.
        #expect(lsi.map { $0["value"] as? Double } == [80.0, 89.8140])
        #expect(lsi.map { $0["band"] as? String } == ["amber", "amber"])
        let involvedQuad = try #require(
            all.first {
                $0["measure"] as? String == "torque-per-body-mass" && $0["side"] as? String == "right"
                    && $0["muscle"] as? String == "quadriceps"
            })
        // 158.4 / 68.0 = 2.3294 Nm/kg, below 3.0.
        #expect(involvedQuad["value"] as? Double == 2.3294)
        #expect(involvedQuad["band"] as? String == "amber")
    }
}

@Suite("hqscreen report: printable and split output")
struct PrintableOutputTests {
    @Test("each --split file keeps --today and --clinic")
    func splitKeepsReportDetails() throws {
        let folder = TestFolders.file("split-day").path
        try? FileManager.default.removeItem(atPath: folder)
        let result = try CLIRunner.run([
            "report", "SampleData/team_long.csv", "--format", "json", "--today", "2026-03-01", "--clinic",
            "SampleData/clinic/northside.yaml", "--split", folder,
        ])
        #expect(result.status == 0)
        let alex = try String(contentsOfFile: folder + "/alex-runner-a01.json", encoding: .utf8)
        // Tested 2026-02-23: six days before --today.
        #expect(alex.contains("\"today\" : \"2026-03-01\""))
        #expect(alex.contains("\"daysSinceTest\" : 6"))
        let text = try CLIRunner.run([
            "report", "SampleData/team_long.csv", "--format", "text", "--clinic", "SampleData/clinic/northside.yaml",
            "--split", folder + "-text",
        ])
        #expect(text.status == 0)
        let page = try String(contentsOfFile: folder + "-text/alex-runner-a01.txt", encoding: .utf8)
        #expect(page.contains("Northside Physio · Jo Smith, physiotherapist"))
    }

    @Test("--split writes one file per athlete under safe names")
    func split() throws {
        let folder = TestFolders.file("split").path
        try? FileManager.default.removeItem(atPath: folder)
        let result = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "html", "--split", folder])
        #expect(result.status == 0)
        #expect(result.stderr == "wrote 5 files and index.html to \(folder)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            files == [
                ".hqscreen-split", "alex-runner-a01.html", "index.html", "jo-keeper-a03.html", "mika-winger-a04.html",
                "sam-sprinter-a02.html", "zoe-o-brien-a05.html",
            ])
        let alex = try String(contentsOfFile: folder + "/alex-runner-a01.html", encoding: .utf8)
        #expect(alex.contains("Alex Runner"))
        #expect(!alex.contains("Sam Sprinter"))
        // The index is the team summary, each athlete linked to their file.
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"alex-runner-a01.html\">Alex Runner</a>"))
        #expect(index.contains("<a href=\"zoe-o-brien-a05.html\">Zoë O&#39;Brien</a>"))
        // A second run into the same folder is refused; with --force it replaces its own files only.
        let again = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "html", "--split", folder])
        #expect(again.status == 64)
        #expect(
            again.stderr
                == "hqscreen: the folder \(folder) already has 6 files in it; choose an empty folder, or pass --force "
                + "to replace what an earlier report wrote there\n")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let forced = try CLIRunner.run([
            "report", "SampleData/field_and_gym.csv", "--format", "html", "--split", folder, "--force",
        ])
        #expect(forced.status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                ".hqscreen-split", "dana-okafor-k03.html", "index.html", "luca-moretti-f07.html",
                "maya-lindqvist-r12.html", "notes.txt",
            ])
    }

    @Test("--format pdf -o writes a PDF; --paper letter changes the page")
    func pdf() throws {
        let path = TestFolders.file("team.pdf").path
        let result = try CLIRunner.run([
            "report", "SampleData/field_and_gym.csv", "--format", "pdf", "--paper", "letter", "-o", path,
        ])
        #expect(result.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(5) == Data("%PDF-".utf8))
        #expect(String(decoding: bytes, as: UTF8.self).contains("/MediaBox [ 0 0 612 792 ]"))
    }

    @Test("csv and markdown through the CLI")
    func otherFormats() throws {
        let csv = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 8)
        let md = try CLIRunner.run(["report", "SampleData/team_long.csv", "--format", "markdown"])
        #expect(md.stdout.hasPrefix("# Hamstring:quadriceps screening — 5 athletes\n"))
    }
}

@Suite("hqscreen report: details a file lacks")
struct MissingDetailTests {
    static let nordbord = "SampleData/exports/nordbord_vald.csv"

    func firstAssessment(_ extra: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(["report", Self.nordbord, "--format", "json"] + extra)
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require((document["assessments"] as? [[String: Any]])?.first)
    }

    @Test("without sex, age and sport the Nordic force is unbanded and the report names the flags")
    func asked() throws {
        let a = try firstAssessment([])
        let nordic = (a["findings"] as? [[String: Any]] ?? []).filter { $0["measure"] as? String == "nordic-force" }
        #expect(nordic.map { $0["band"] as? String } == ["info", "info"])
        #expect(
            (a["notes"] as? [String])?.last
                == "More cut-offs could apply with these details: sex (a 'Sex' column or --sex); age (an 'Age' column or "
                + "--age); sport (a 'Sport' column or --sport); body mass (a 'Body mass (kg)' column or --body-mass)")
        let text = try CLIRunner.run(["report", Self.nordbord])
        #expect(text.stdout.contains("Note: More cut-offs could apply with these details: sex (a 'Sex' column or"))
    }

    @Test("--sex, --age, --sport and --body-mass supply them: 412 N and 366 N are green for an adult male rugby player")
    func supplied() throws {
        let a = try firstAssessment(["--sex", "male", "--age", "25", "--sport", "Rugby Union", "--body-mass", "80"])
        #expect(a["age"] as? Int == 25)
        #expect(a["sport"] as? String == "Rugby Union")
        let nordic = (a["findings"] as? [[String: Any]] ?? []).filter { $0["measure"] as? String == "nordic-force" }
        #expect(nordic.map { $0["band"] as? String } == ["green", "green"])
        #expect((a["notes"] as? [String]) == [])
        let acl = try CLIRunner.run(["report", Self.nordbord, "--acl-reconstruction", "maybe"])
        #expect(acl.status == 64)
        #expect(acl.stderr.contains("--acl-reconstruction"))
    }
}

@Suite("hqscreen report: a runner's training log")
struct TrainingLogCommandTests {
    static let log = "SampleData/runner/alex_strong.csv"

    @Test("28-day windows by default, in the JSON with their span and workouts; --window 1 per workout")
    func windows() throws {
        let result = try CLIRunner.run(["report", Self.log, "--format", "json", "--weight-unit", "kg"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let assessments = try #require(document["assessments"] as? [[String: Any]])
        #expect(assessments.count == 7)
        let last = try #require(assessments.last)
        #expect(last["window"] as? [String: String] == ["start": "2026-04-03", "end": "2026-04-30"])
        #expect((last["workouts"] as? [String])?.count == 8)
        let finding = try #require((last["findings"] as? [[String: Any]])?.first)
        #expect(finding["exercise"] as? String == "lying leg curl")
        #expect(
            (finding["measurements"] as? [[String: Any]])?.map { $0["date"] as? String } == [
                "2026-04-27", "2026-04-30",
            ])
        let program = try #require(last["program"] as? [String: Any])
        #expect(
            program["retestAdvice"] as? String
                == "Keep logging your leg curls and leg extensions on the same machines; the next 28-day window closes on 2026-05-28."
        )
        // 26 Mondays and 26 Thursdays: 52 workouts with knee work, each its own assessment.
        let daily = try CLIRunner.run(["report", Self.log, "--format", "json", "--weight-unit", "kg", "--window", "1"])
        let perWorkout = try #require(try JSONSerialization.jsonObject(with: Data(daily.stdout.utf8)) as? [String: Any])
        #expect((perWorkout["assessments"] as? [[String: Any]])?.count == 52)
        let bad = try CLIRunner.run(["report", Self.log, "--window", "0"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--window takes a number of days from 1 to 365, e.g. --window 28"))
    }

    @Test("the text report shows the trend with the machine change marked")
    func trend() throws {
        let result = try CLIRunner.run(["report", Self.log, "--weight-unit", "kg", "--athlete", "Alex"])
        #expect(result.stdout.contains("   Training log trend (leg curl ÷ leg extension, best estimated 1RMs)"))
        #expect(
            result.stdout.contains(
                "   2026-03-06 – 2026-04-02  lying leg curl   34.8 kg    76.6 kg        0.45  ← new machine: a new trend line"
            ))
    }
}
