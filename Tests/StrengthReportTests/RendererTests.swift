import Foundation
import StrengthAnalysis
import StrengthModel
import Testing

@testable import StrengthReport

@Suite("Renderers")
struct RendererTests {
    @Test("text: one block per session with ratios, bands and program; no colour unless asked")
    func text() {
        let report = ReportFixture.report([ReportFixture.assessment()])
        let plain = TextReport.render(report, style: TextStyle(color: false))
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("Imported 4 of 5 rows from 1 file: 1 skipped (details: hqscreen check)."))
        #expect(plain.contains("━━ Alex Runner (A01) · 2026-01-12 · 61.5 kg · female"))
        #expect(plain.contains("   Hcon/Qcon 60°/s               0.44  RED           0.62  green"))
        // (62 − 44) ÷ 62 = 29%: amber, since the 15% red is not established for a woman of unknown age and sport.
        #expect(plain.contains("   Hamstrings con 60°/s          29%         AMBER  left weaker"))
        #expect(
            plain.contains(
                "   • Left hamstrings produce 0.44 of the quadriceps' torque at 60°/s (hamstrings vs quadriceps,\n"
                    + "     slow speed): below the 0.47 cut-off. Make the hamstrings a priority. Cut-off from\n"
                    + "     professional soccer players."))
        #expect(plain.contains("Retest in 6 weeks (around 2026-02-23)"))
        #expect(plain.contains("weak predictors of injury"))
        let coloured = TextReport.render(report, style: TextStyle(color: true))
        #expect(coloured.contains("\u{1B}[1;31mRED\u{1B}[0m"))
    }

    @Test("text: a team summary sorts the most urgent first")
    func team() {
        var green = ReportFixture.assessment(leftHamstrings: 65, rightHamstrings: 66, name: "Jo Keeper")
        green.athlete = "A02"
        let red = ReportFixture.assessment(leftHamstrings: 44, rightHamstrings: 62, name: "Zed Last")
        let plain = TextReport.render(ReportFixture.report([green, red]), style: TextStyle(color: false))
        let summary = plain.components(separatedBy: "\n").drop { !$0.hasPrefix("Team summary") }.prefix(3)
        #expect(
            Array(summary.dropFirst()) == [
                // The Croisier-style rule (0.71 bilateral and 0.44 Hcon/Qcon) is the other red; the 29% is amber.
                "  Zed Last (A01)   2026-01-12  RED     Hcon/Qcon 60°/s 0.44 (left); 1 more red  · 20 days ago",
                "  Jo Keeper (A02)  2026-01-12  green   all measures with a cut-off in range  · 20 days ago",
            ])
    }

    @Test("JSON: the documented contract")
    func json() throws {
        let text = try JSONReport.render(ReportFixture.report([ReportFixture.assessment()]))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let importBlock = try #require(document["import"] as? [String: Any])
        #expect(importBlock["rowsRead"] as? Int == 5)
        #expect(importBlock["rowsImported"] as? Int == 4)
        #expect(importBlock["rowsSkipped"] as? Int == 1)
        #expect(importBlock["rowsRejected"] as? Int == 0)
        let diagnostic = try #require((importBlock["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(diagnostic.keys) == ["file", "line", "column", "severity", "message", "athlete"])
        #expect(diagnostic["column"] is NSNull)
        let assessment = try #require((document["assessments"] as? [[String: Any]])?.first)
        #expect(assessment["athlete"] as? String == "A01")
        #expect(assessment["name"] as? String == "Alex Runner")
        #expect(assessment["date"] as? String == "2026-01-12")
        let finding = try #require((assessment["findings"] as? [[String: Any]])?.first)
        #expect(finding["measure"] as? String == "conventional-hq")
        #expect(finding["side"] as? String == "left")
        #expect(finding["velocity"] as? Double == 60)
        #expect(finding["muscle"] is NSNull)
        #expect(finding["value"] as? Double == 0.44)
        #expect(finding["band"] as? String == "red")
        #expect(
            Set(finding.keys) == [
                "measure", "side", "velocity", "velocityPair", "angle", "muscle", "contraction", "weakerSide", "value",
                "band", "reason", "threshold", "inputs", "caveats", "change", "measurements", "populationNote",
                "missingDetails", "confirmation", "exercise", "squadPercentile", "squadSize",
            ])
        let threshold = try #require(finding["threshold"] as? [String: Any])
        #expect(threshold["green"] as? Double == 0.6)
        #expect(threshold["red"] as? Double == 0.47)
        #expect(threshold["higherIsBetter"] as? Bool == true)
        #expect(threshold["unit"] as? String == "ratio")
        let formulaInputs = try #require(finding["inputs"] as? [[String: Any]])
        #expect(formulaInputs.map { $0["value"] as? Double } == [44, 100])
        #expect(finding["change"] is NSNull)
        let inputs = try #require(finding["measurements"] as? [[String: Any]])
        #expect(inputs.map { $0["line"] as? Int } == [3, 2])
        #expect(inputs.map { $0["unit"] as? String } == ["Nm", "Nm"])
        let program = try #require(assessment["program"] as? [String: Any])
        #expect(program["sets"] as? Int == 3)
    }

    @Test("check text lists accounting then diagnostics as file:line: severity: message")
    func check() {
        let text = CheckReport.render(ReportFixture.report([]).importSummary, style: TextStyle(color: false))
        #expect(
            text == """
                team.csv [generic-long]: 5 rows read, 4 imported, 1 skipped, 0 rejected (4 measurements)
                Total: 5 rows read = 4 imported + 1 skipped + 0 rejected

                team.csv:6: warning: skipped 1 row: value is 0 (test not performed?)

                """)
    }
}
