import Foundation
import StrengthAnalysis
import StrengthModel
import Testing

@testable import StrengthReport

@Suite("HTML, CSV and Markdown")
struct PrintableRendererTests {
    static let hostile = "<script>alert(1)</script> & \"Bob\""

    @Test("HTML: self-contained, charts and figures inline, every input string escaped")
    func html() {
        let html = HTMLReport.render(ReportFixture.report([ReportFixture.assessment(name: Self.hostile)]))
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bob&quot;"))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
        #expect(html.components(separatedBy: "<svg class=\"figure\"").count - 1 == 4)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("section.athlete { break-before: page;"))
        // Nothing is fetched from anywhere.
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("@import"))
        #expect(
            HTMLReport.render(ReportFixture.report([ReportFixture.assessment()]), paper: .letter).contains(
                "@page { size: Letter;"))
    }

    @Test("HTML: a team page sorted by severity when there are several athletes")
    func team() {
        var green = ReportFixture.assessment(leftHamstrings: 65, rightHamstrings: 66, name: "Jo Keeper")
        green.athlete = "A02"
        let red = ReportFixture.assessment(leftHamstrings: 44, rightHamstrings: 62, name: "Zed Last")
        let html = HTMLReport.render(ReportFixture.report([green, red]))
        let team = html.components(separatedBy: "<section class=\"team\" id=\"team\">")[1].components(
            separatedBy: "</section>")[0]
        #expect(team.range(of: "Zed Last")!.lowerBound < team.range(of: "Jo Keeper")!.lowerBound)
        // Each athlete is linked from the summary, and links back; the sections follow the summary's order.
        #expect(team.contains("<a href=\"#athlete-1\">Zed Last</a>"))
        #expect(team.contains("<a href=\"#athlete-2\">Jo Keeper</a>"))
        #expect(
            html.contains(
                "<section class=\"athlete\" id=\"athlete-1\"><p class=\"back\"><a href=\"#team\">↑ Team summary</a></p><h2>Zed Last"
            ))
        #expect(team.contains("1 red · 1 green"))
        // A team pack prints the program in brief; the drawings are the athletes' handouts.
        #expect(html.components(separatedBy: "<div class=\"flow brief\"><h3>Home program: ").count - 1 == 2)
        #expect(!html.contains("<svg class=\"figure\""))
        #expect(html.contains("is the athlete's handout: <code>--audience athlete</code>"))
    }

    @Test("SVG: numbers without locale, text escaped")
    func svg() {
        var d = Drawing(width: 100, height: 20, title: "a < b")
        d.add(.text(x: 1.234, y: 10, text: "L & R", size: 9, colour: .ink))
        #expect(
            SVGWriter.svg(d)
                == "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\" width=\"100\" height=\"20\" "
                + "role=\"img\" aria-label=\"a &lt; b\"><title>a &lt; b</title><text x=\"1.23\" y=\"10\" font-size=\"9\" "
                + "fill=\"#1f2933\">L &amp; R</text></svg>")
    }

    @Test("CSV: one row per session, fixed columns, formulas neutralised, quotes doubled")
    func csv() throws {
        let csv = CSVSummary.render(ReportFixture.report([ReportFixture.assessment(name: "=HYPERLINK(\"x\")")]))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines[0].split(separator: ",").count == CSVSummary.columns.count)
        #expect(lines[1].hasPrefix("A01,\"'=HYPERLINK(\"\"x\"\")\",2026-01-12,female,61.5,red,"))
        #expect(lines[1].contains(",0.4400,0.6200,"))
        #expect(CSVSummary.text("+1 555") == "'+1 555")
        #expect(CSVSummary.text("-cmd") == "'-cmd")
        #expect(CSVSummary.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVSummary.text("a,b") == "\"a,b\"")
        #expect(CSVSummary.text("plain") == "plain")
        #expect(CSVSummary.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVSummary.text("=\"x\",y") == "\"'=\"\"x\"\",y\"")
        #expect(CSVSummary.text("Núñez, \"Ñ\"") == "\"Núñez, \"\"Ñ\"\"\"")
    }

    @Test("Markdown: names cannot inject markup")
    func markdown() {
        let md = MarkdownReport.render(ReportFixture.report([ReportFixture.assessment(name: "*Bold* | pipe")]))
        #expect(md.contains("## \\*Bold\\* \\| pipe — 2026-01-12"))
        #expect(md.contains("| Hcon/Qcon 60°/s | left | 0.44 | RED |  |"))
    }

    @Test("safe file names for --split")
    func fileNames() {
        #expect(SafeFileName.make(["Zoë O'Brien", "A05"]) == "zoe-o-brien-a05")
        #expect(SafeFileName.make(["../../etc/passwd"]) == "etc-passwd")
        #expect(SafeFileName.make(["???"]) == "athlete")
        #expect(SafeFileName.unique(["a", "b", "a"]) == ["a", "b", "a-2"])
    }
}

@Suite("Team rows")
struct TeamRowTests {
    @Test("one row per athlete: the latest test decides, the earlier one is named")
    func latestPerAthlete() {
        var later = ReportFixture.assessment(leftHamstrings: 65, rightHamstrings: 66)
        later.date = TestDate(year: 2026, month: 2, day: 23)!
        let first = ReportFixture.assessment(leftHamstrings: 44, rightHamstrings: 62)
        var other = ReportFixture.assessment(leftHamstrings: 55, rightHamstrings: 56, name: "Bea")
        other.athlete = "A02"
        let rows = ReportFixture.report([first, later, other]).teamRows
        #expect(rows.map(\.latest.athlete) == ["A02", "A01"])
        #expect(rows.map(\.latest.worstBand) == [.amber, .green])
        #expect(rows[1].previous?.date == ReportFixture.day)
        #expect(TextReport.earlierText(rows[1]) == "was RED on 2026-01-12")
        #expect(TextReport.earlierText(rows[0]) == nil)
    }
}
