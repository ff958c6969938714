import Foundation
import StrengthAnalysis
import StrengthModel

/// One self-contained, printable HTML file: a team page when there are several sessions, then a
/// page per athlete-session with charts, findings, sources and the exercise sheet. Every string
/// from the input is escaped; there are no external images, scripts or fonts.
public enum HTMLReport {
    public static func render(_ report: ScreeningReport, paper: Paper = .a4, audience: Audience = .clinician) -> String
    {
        var out = ""
        write(report, paper: paper, audience: audience) { out += $0 }
        return out
    }

    /// The page handed to `emit` in pieces: the head and team table, then each athlete (rendered on
    /// every core, in order), then the footer.
    /// `navigation` (HTML, already safe) goes first in the page and is not printed: the web desk's menu.
    public static func write(
        _ report: ScreeningReport, paper: Paper = .a4, audience: Audience = .clinician, navigation: String? = nil,
        to emit: (String) throws -> Void
    ) rethrows {
        if audience == .athlete { return try handout(report, paper: paper, to: emit) }
        var html = documentHead(report, paper: paper, navigation: navigation)
        html += "<header>" + clinicBlock(report.clinic) + "<h1>\(e(title(report)))</h1>"
        html +=
            "<p class=\"muted\">\(e(TextReport.importLine(report.importSummary))) Profile \(e(report.profileName)).</p>"
        html += "<p class=\"evidence\">\(e(ScreeningReport.evidenceNote))</p></header>\n"
        for advice in TrainingLogText.guidance(report.importSummary) { html += "<p class=\"note\">\(e(advice))</p>" }
        let sections = report.athleteSections
        if sections.count > 1 { html += teamTable(report) }
        if report.sessionCount == 0 {
            html +=
                "<p>No knee strength measurements to assess. Run <code>hqscreen check</code> on the files to see why.</p>"
        }
        try emit(html)
        let many = sections.count > 1
        try OrderedParallel.forEach(
            sections.indices,
            { index in
                athletePage(sections[index], anchor: many ? "athlete-\(index + 1)" : nil, report: report)
            }, consume: emit)
        try emit(footer(report) + "</main></body></html>\n")
    }

    /// Everything before the report's content: a self-contained page with its stylesheet.
    static func documentHead(_ report: ScreeningReport, paper: Paper, navigation: String? = nil) -> String {
        page(title: title(report), paper: paper, navigation: navigation)
    }

    /// The start of a page in the report's style, up to its content.
    public static func page(title: String, paper: Paper = .a4, navigation: String? = nil) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>\(HTMLStyle.css(paper: paper))</style>
        </head><body>\(navigation ?? "")<main>

        """
    }

    /// The team summary table alone, each athlete linked to `href(athlete id)`, only the rows `include`
    /// keeps (the band counts above it are the whole squad's).
    public static func teamSummary(
        _ report: ScreeningReport, href: (String) -> String, include: (ScreeningReport.TeamRow) -> Bool = { _ in true }
    ) -> String {
        teamTable(report, link: { row, _ in HTMLText.escape(href(row.latest.athlete)) }, include: include)
    }

    /// The page's end: the report's footer.
    public static func pageEnd(_ report: ScreeningReport) -> String { footer(report) + "</main></body></html>\n" }

    /// The index of a `--split` folder: the team summary, each athlete linked to their own file.
    public static func index(_ report: ScreeningReport, paper: Paper = .a4, files: [String: String]) -> String {
        var html = documentHead(report, paper: paper)
        html += "<header><h1>\(e(title(report)))</h1>"
        html +=
            "<p class=\"muted\">\(e(TextReport.importLine(report.importSummary))) Profile \(e(report.profileName)).</p>"
        html += "<p class=\"evidence\">\(e(ScreeningReport.evidenceNote))</p></header>\n"
        html += teamTable(report) { row, _ in files[row.latest.athlete].map { HTMLText.escape(percentEncoded($0)) } }
        html += footer(report)
        return html + "</main></body></html>\n"
    }

    /// The athlete's handout: per athlete one page of what was found and one trend, then the sheet.
    static func handout(_ report: ScreeningReport, paper: Paper, to emit: (String) throws -> Void) rethrows {
        try emit(documentHead(report, paper: paper))
        try OrderedParallel.forEach(
            report.athleteSections,
            { section in
                let a = section.latest.assessment
                var html =
                    "<section class=\"athlete\">" + clinicBlock(report.clinic)
                    + "<h2>Your hamstring check — \(e(a.displayName)) \(badge(a.worstBand?.rawValue ?? "info"))</h2>"
                html += "<p class=\"facts\">Tested \(a.date)</p><h3>What we found</h3><ul class=\"findings\">"
                for item in Handout.found(a) {
                    html += "<li class=\"\(item.band.rawValue)\">\(e(item.text))</li>"
                }
                html += "</ul>"
                if let trend = Handout.trend(latest: a, history: section.history),
                    let chart = Charts.trend(
                        label: trend.label,
                        points: trend.points.map { ($0.date, $0.left ?? $0.both, $0.right) },
                        threshold: trend.finding.threshold)
                {
                    html += "<div class=\"keep\"><h3>How it has changed</h3>\(SVGWriter.svg(chart))</div>"
                }
                html += "<p class=\"evidence\">\(e(Handout.note))</p>"
                html += programSheet(section.latest.program, date: a.date, name: a.displayName)
                html += "</section>\n"
                return html
            }, consume: emit)
        try emit(footer(report) + "</main></body></html>\n")
    }

    /// Text as one URL path segment or query value: every byte but ASCII letters, digits and `-._~`
    /// percent-encoded (a file name as a relative link, an athlete id in the desk's addresses).
    public static func percentEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isLetter && byte < 0x80 || c.isNumber && byte < 0x80 || "-._~".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The clinic's logo and line, as the report's letterhead.
    static func clinicBlock(_ clinic: ClinicDetails?) -> String {
        guard let clinic else { return "" }
        var out = "<div class=\"clinic\">"
        if let logo = clinic.logo, let kind = clinic.logoKind {
            let mime = kind == .png ? "image/png" : "image/svg+xml"
            out += "<img class=\"logo\" alt=\"\" src=\"data:\(mime);base64,\(Data(logo).base64EncodedString())\">"
        }
        return out + "<span>\(e(clinic.line))</span></div>"
    }

    static func footer(_ report: ScreeningReport) -> String {
        var out = "<footer>"
        if let note = report.clinic?.footer { out += "<p>\(e(note))</p>" }
        return out + "\(e(report.generator)) · thresholds: profile \(e(report.profileName))</footer>"
    }

    public static func title(_ report: ScreeningReport) -> String {
        let athletes = report.athleteCount
        if athletes == 1, let only = report.firstDisplayName { return "Hamstring:quadriceps screening — \(only)" }
        return "Hamstring:quadriceps screening — \(athletes) athletes"
    }

    static func e(_ text: String) -> String { HTMLText.escape(text) }

    static func badge(_ band: String) -> String {
        "<span class=\"badge \(band)\">\(BandLabel(band).text.uppercased())</span>"
    }

    /// The team summary table; `link` gives each row's target (an anchor in this file by default).
    static func teamTable(
        _ report: ScreeningReport,
        link: (ScreeningReport.TeamRow, Int) -> String? = { _, index in "#athlete-\(index + 1)" },
        include: (ScreeningReport.TeamRow) -> Bool = { _ in true }
    ) -> String {
        var out =
            "<section class=\"team\" id=\"team\"><h3>Team summary: latest test per athlete, most urgent first</h3>"
        out += "<p class=\"counts\">\(e(TextReport.bandCountsText(report)))</p><div class=\"scroll\"><table>"
        out += "<tr><th>Athlete</th><th>Band</th><th>Deciding measure</th><th>Change</th><th>Last test</th>"
        out += "<th>Earlier</th></tr>"
        for (index, row) in report.teamRows.enumerated() where include(row) {
            let a = row.latest
            let name = link(row, index).map { "<a href=\"\($0)\">\(e(a.displayName))</a>" } ?? e(a.displayName)
            let id = a.displayName == a.athlete ? "" : " <small class=\"muted\">\(e(a.athlete))</small>"
            out += "<tr><td>\(name)\(id)</td>"
            out += "<td>\(badge(a.worstBand?.rawValue ?? "info"))</td>"
            out += "<td>\(e(TextReport.headline(a)))</td><td>\(e(TextReport.changeText(row) ?? ""))</td>"
            out += "<td class=\"last\"><span class=\"nowrap\">\(a.date)</span><br><small class=\"muted\">"
            out += "\(TextReport.plural(row.daysSinceTest, "day")) ago</small>"
            if row.overdue { out += "<br><small class=\"overdue\">overdue since \(row.retestDue)</small>" }
            out += "</td><td class=\"muted\"><small>\(e(TextReport.earlierText(row) ?? ""))</small></td></tr>"
        }
        return out + "</table></div></section>\n"
    }

    static func athletePage(_ section: ScreeningReport.AthleteSection, anchor: String?, report: ScreeningReport)
        -> String
    {
        let entry = section.latest
        let a = entry.assessment
        // Only a team pack links its athletes to the summary.
        let inPack = anchor != nil
        var out = "<section class=\"athlete\"\(anchor.map { " id=\"\($0)\"" } ?? "")>"
        if anchor != nil { out += "<p class=\"back\"><a href=\"#team\">↑ Team summary</a></p>" }
        var title = e(a.displayName)
        if a.info?.name != nil && a.info?.name != a.athlete { title += " <small>\(e(a.athlete))</small>" }
        out += "<h2>\(title) \(badge(a.worstBand?.rawValue ?? "info"))</h2>"
        var facts =
            ["Tested \(a.date)"] + FindingText.details(a) + ["from " + FindingText.sources(a).joined(separator: ", ")]
        if let window = TrainingLogText.window(a) { facts.append(window) }
        out += "<p class=\"facts\">\(e(facts.joined(separator: " · ")))</p>"
        for source in a.findings.compactMap(TrainingLogText.sources) {
            out += "<p class=\"facts\">1RMs from \(e(source))</p>"
        }

        if a.findings.isEmpty {
            out += "<p>No hamstring:quadriceps measure could be computed for this session.</p>"
        } else {
            if let chart = Charts.bands(a.findings) {
                out += "<div class=\"keep\"><h3>Against the bands</h3>\(SVGWriter.svg(chart))</div>"
            }
            if let chart = Charts.leftRight(a.findings) {
                out += "<div class=\"keep\"><h3>Left against right</h3>\(SVGWriter.svg(chart))</div>"
            }
            out += measuresTable(a.findings)
            out += meaning(a.findings)
        }
        if !a.notes.isEmpty {
            out += "<p class=\"note\">" + a.notes.map { e($0) + "." }.joined(separator: "<br>") + "</p>"
        }
        if let standing = SquadStanding.sentence(a) { out += "<p class=\"note\">\(e(standing)).</p>" }
        out += history(section.history, report: report)
        if inPack {
            // A team pack is for triage, as in the PDF: the program in brief; the sheet with the drawings is
            // the athlete's handout (--audience athlete, or --split).
            out += programInBrief(entry.program, date: a.date)
        } else {
            out += programSheet(entry.program, date: a.date, name: a.displayName)
        }
        out += "<p class=\"signature\">Clinician: <span></span> Date: <span></span></p>"
        return out + "</section>\n"
    }

    /// Earlier tests: one table row each, the trend charts of every banded measure, a training log's trend.
    static func history(_ history: [Assessment], report: ScreeningReport) -> String {
        guard history.count > 1, let latest = history.last else { return "" }
        var out = "<div class=\"flow\"><h3>History: \(history.count) tests</h3><div class=\"scroll\"><table>"
        out += "<tr><th>Test</th><th>Band</th><th>Deciding measure</th></tr>"
        for a in history {
            let period = a.window.map { "\($0.start) – \($0.end)" } ?? a.date.description
            out += "<tr><td class=\"nowrap\">\(period)</td><td>\(badge(a.worstBand?.rawValue ?? "info"))</td>"
            out += "<td>\(e(TextReport.headline(a)))</td></tr>"
        }
        out += "</table></div></div>"
        out += trends(latest, history: history)
        out += trainingLogTrend(latest, history: history)
        return out
    }

    /// Trend lines for each banded measure tested on two or more dates up to this one.
    static func trends(_ a: Assessment, history: [Assessment]) -> String {
        let charts = Charts.trends(for: a, history: history).map { SVGWriter.svg($0) }
        guard !charts.isEmpty else { return "" }
        return "<div class=\"keep\"><h3>Across test dates</h3><div class=\"trends\">\(charts.joined())</div></div>"
    }

    /// The runner's windows: the machine ratio and both 1RMs, with machine changes marked.
    static func trainingLogTrend(_ a: Assessment, history: [Assessment]) -> String {
        guard history.last?.date == a.date else { return "" }
        let rows = TrainingLogText.trend(history)
        guard !rows.isEmpty else { return "" }
        let target = a.findings.first { $0.measure == .machine1RMHQ }?.threshold?.green
        var out = "<div class=\"keep\"><h3>Training log trend</h3>"
        if let chart = Charts.trainingLog(rows, target: target) { out += SVGWriter.svg(chart) }
        out += "<table><tr><th>Window</th><th>Curl machine</th>"
        out += "<th class=\"num\">Curl 1RM</th><th class=\"num\">Extension 1RM</th><th class=\"num\">Ratio</th></tr>"
        for row in rows {
            out += "<tr><td>\(e(row.period))</td><td>\(e(row.machine))"
            if row.machineChanged { out += " <b>new machine: a new trend line</b>" }
            out += "</td><td class=\"num\">\(Formatting.fixed(row.curl, digits: 1)) kg</td>"
            out += "<td class=\"num\">\(Formatting.fixed(row.legExtension, digits: 1)) kg</td>"
            out += "<td class=\"num\">\(Formatting.ratio(row.ratio))</td></tr>"
        }
        return out + "</table></div>"
    }

    static func measuresTable(_ findings: [Finding]) -> String {
        var out = "<div class=\"flow\"><h3>All measures</h3><table><tr><th>Measure</th><th>Side</th>"
        out += "<th class=\"num\">Value</th><th>Band</th><th>Change</th></tr>"
        for f in findings {
            let side = FindingText.side(f)
            let change = FindingText.change(f)
            out +=
                "<tr><td>\(e(FindingText.label(f)))</td><td>\(e(side))</td><td class=\"num\">\(e(FindingText.value(f)))</td>"
            out += "<td>\(badge(f.band.rawValue))</td><td>\(e(change))</td></tr>"
        }
        return out + "</table></div>"
    }

    static func meaning(_ findings: [Finding]) -> String {
        let flagged = findings.filter { $0.band == .red || $0.band == .amber }.sorted {
            $0.band.severity > $1.band.severity
        }
        var out = "<div class=\"flow\"><h3>What it means</h3>"
        if flagged.isEmpty {
            out +=
                findings.contains { $0.band == .green }
                ? "<p>Every measure with a cut-off is in the usual range.</p>"
                : "<p>No cut-off applies to these measures; they are shown for information.</p>"
        } else {
            out +=
                "<ul class=\"findings\">"
                + flagged.map { "<li class=\"\($0.band.rawValue)\">\(e($0.reason))</li>" }.joined() + "</ul>"
        }
        var caveats: [String] = []
        for caveat in findings.filter({ $0.band != .info }).flatMap(\.caveats) where !caveats.contains(caveat) {
            caveats.append(caveat)
        }
        if !caveats.isEmpty { out += "<p class=\"note\">" + caveats.map(e).joined(separator: "<br>") + "</p>" }
        var sources: [String] = []
        for source in flagged.compactMap(\.threshold?.source) where !sources.contains(source) { sources.append(source) }
        if !sources.isEmpty {
            out += "<p class=\"note\">Sources: " + sources.map(e).joined(separator: "; ") + ".</p>"
        }
        return out + "</div>"
    }

    /// The program as a physio reads it in a team pack: dose, where each exercise starts, when to move on.
    static func programInBrief(_ program: Program, date: TestDate) -> String {
        var out = "<div class=\"flow brief\"><h3>Home program: \(e(program.emphasis))</h3>"
        out +=
            "<p><span class=\"dose\">\(program.sets) sets \(e(program.setDescription.split(separator: ":").first.map(String.init) ?? "")), "
        out += "\(program.restSeconds) s rest, \(e(program.sessionsPerWeek)).</span> \(e(program.rationale))</p><ul>"
        for exercise in program.exercises {
            out +=
                "<li><b>\(e(exercise.name))</b>: start at \(e(exercise.progression[exercise.startStage].lowercased())). "
            out += "\(e(exercise.moveOnRule))</li>"
        }
        out += "</ul>"
        if let advice = program.weakerLegAdvice { out += "<p>\(e(advice))</p>" }
        out += "<p class=\"note\">\(e(program.retestSentence(from: date))) The exercise sheet with the drawings is the "
        out += "athlete's handout: <code>--audience athlete</code>, or one file each with <code>--split</code>.</p>"
        return out + "</div>"
    }

    /// The one-page exercise sheet: dose, then each exercise with its start and end positions.
    static func programSheet(_ program: Program, date: TestDate, name: String) -> String {
        var out = "<div class=\"sheet\"><h3>Home program for \(e(name))</h3>"
        out +=
            "<p><span class=\"dose\">\(program.sets) sets \(e(program.setDescription.split(separator: ":").first.map(String.init) ?? "")), "
        out +=
            "\(program.restSeconds) s rest between sets, \(e(program.sessionsPerWeek)).</span> \(e(program.rationale))"
        if let advice = program.weakerLegAdvice { out += " " + e(advice) }
        out += " <b>\(e(program.retestSentence(from: date)))</b></p>"
        let pictures = [Illustrations.hipRaise(), Illustrations.legCurl()]
        for (i, exercise) in program.exercises.enumerated() {
            let figures = i < pictures.count ? pictures[i] : nil
            out += "<div class=\"exercise\"><h4>\(i + 1). \(e(exercise.name))</h4>"
            if let figures {
                out +=
                    "<div class=\"figures\">" + SVGWriter.svg(figures.start, className: "figure")
                    + SVGWriter.svg(figures.end, className: "figure") + "</div>"
            }
            out += "<div class=\"cols\"><div>"
            out +=
                "<p class=\"muted\">You need \(e(exercise.equipment)). Start at: <b>\(e(exercise.progression[exercise.startStage]))</b></p>"
            out +=
                "<p>\(e(exercise.setup))</p><ol>" + exercise.steps.map { "<li>\(e($0))</li>" }.joined()
                + "</ol></div><div>"
            out += "<ul>" + exercise.cues.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            if !exercise.commonErrors.isEmpty {
                out +=
                    "<p class=\"note\">Common errors: " + exercise.commonErrors.map(e).joined(separator: " ") + "</p>"
            }
            let ladder = exercise.progression.enumerated().map {
                $0.offset == exercise.startStage ? "<b>\(e($0.element))</b>" : e($0.element)
            }
            out += "<p><b>\(e(exercise.moveOnRule))</b></p>"
            out += "<p class=\"ladder\">Stages: \(ladder.joined(separator: " → "))</p>"
            out += "</div></div></div>"
        }
        out += "<p class=\"note\">\(e(program.safety))</p>"
        return out + "</div>"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
