import CCairo
import StrengthAnalysis
import StrengthModel
import StrengthReport

/// The printable report as PDF, drawn with cairo: a team page when there are several athletes,
/// then per athlete the latest test's findings, the history of earlier tests, and a one-page
/// exercise sheet. Every page after the first names its athlete and test date and says `page N of M`.
public enum PDFReport {
    /// The document's bytes; nil if cairo could not produce it.
    public static func render(_ report: ScreeningReport, paper: Paper = .a4, audience: Audience = .clinician)
        -> [UInt8]?
    {
        // A first pass counts the pages, so every page can say "page N of M".
        let pages = check(report, paper: paper, audience: audience).pages
        let canvas = PDFCanvas(paper: paper, totalPages: pages)
        layout(report, canvas, audience: audience)
        if canvas.pageNumber != pages {
            // The measuring pass and the PDF disagreed (they measure alike, so this should never happen):
            // "page N of M" must still be true.
            _ = canvas.finish(title: "")
            let again = PDFCanvas(paper: paper, totalPages: canvas.pageNumber)
            layout(report, again, audience: audience)
            return again.finish(title: HTMLReport.title(report))
        }
        return canvas.finish(title: HTMLReport.title(report))
    }

    /// The index of a `--split` folder: the cover with the team summary.
    public static func renderIndex(_ report: ScreeningReport, paper: Paper = .a4) -> [UInt8]? {
        let canvas = PDFCanvas(paper: paper)
        cover(report, canvas)
        return canvas.finish(title: HTMLReport.title(report))
    }

    /// Lays the report out without keeping it: how many pages, and any text too wide for its box.
    static func check(_ report: ScreeningReport, paper: Paper = .a4, audience: Audience = .clinician)
        -> (pages: Int, overflows: [String])
    {
        let canvas = PDFCanvas(paper: paper, measuring: true)
        layout(report, canvas, audience: audience)
        let result = (canvas.pageNumber, canvas.overflows)
        _ = canvas.finish(title: "")
        return result
    }

    /// Per athlete two pages at most: what was found in plain words with one trend, then the sheet.
    static func handout(_ report: ScreeningReport, _ c: PDFCanvas) {
        for (i, section) in report.athleteSections.enumerated() {
            let a = section.latest.assessment
            let label = pageLabel(report, a)
            if i > 0 { c.newPage(about: label) } else { c.label(label) }
            letterhead(report, c)
            c.paragraph("Your hamstring check — \(a.displayName)", size: 16, bold: true, spacing: 2)
            c.paragraph("Tested \(a.date)", size: 9.5, colour: .muted, spacing: 6)
            c.heading("What we found")
            for item in Handout.found(a) {
                c.paragraph(item.text, size: 10, indent: 10, bullet: Colour.band(item.band.rawValue), spacing: 4)
            }
            if let trend = Handout.trend(latest: a, history: section.history),
                let chart = Charts.trend(
                    label: trend.label, points: trend.points.map { ($0.date, $0.left ?? $0.both, $0.right) },
                    threshold: trend.finding.threshold)
            {
                c.heading("How it has changed")
                c.paint(chart, width: c.contentWidth * 0.7)
            }
            c.paragraph(Handout.note, size: 9, colour: .info, spacing: 4)
            c.newPage(about: label)
            sheet(section.latest.program, name: a.displayName, date: a.date, c)
        }
    }

    static func layout(_ report: ScreeningReport, _ canvas: PDFCanvas, audience: Audience = .clinician) {
        if audience == .athlete { return handout(report, canvas) }
        let sections = report.athleteSections
        cover(report, canvas)
        for (i, section) in sections.enumerated() {
            let a = section.latest.assessment
            let label = pageLabel(report, a)
            if i > 0 || sections.count > 1 { canvas.newPage(about: label) } else { canvas.label(label) }
            findings(section.latest, report: report, canvas)
            history(section.history, report: report, canvas)
            if sections.count > 1 {
                // A team pack is for triage: the program in brief; each athlete's sheet with the drawings is
                // their handout (--audience athlete, or --split).
                programInBrief(section.latest.program, date: a.date, canvas)
                signature(report, canvas)
            } else {
                signature(report, canvas)
                canvas.newPage(about: label)
                sheet(section.latest.program, name: a.displayName, date: a.date, canvas)
            }
        }
    }

    /// `Northside Physio · Alex Runner (A01) · tested 2026-02-23`: the top of every page after the first.
    static func pageLabel(_ report: ScreeningReport, _ a: Assessment) -> String {
        (report.clinic.map { $0.name + " · " } ?? "") + "\(TextReport.nameAndId(a)) · tested \(a.date)"
    }

    /// The clinic's logo (PNG) and line at the top of the first page.
    static func letterhead(_ report: ScreeningReport, _ c: PDFCanvas) {
        guard let clinic = report.clinic else { return }
        if let logo = clinic.logo, clinic.logoKind == .png { c.paintPNG(logo, maxHeight: 36) }
        c.paragraph(clinic.line, size: 9.5, colour: .muted, spacing: 6)
    }

    /// A line to sign and date, closing each athlete's clinician report, and the clinic's footer note.
    static func signature(_ report: ScreeningReport, _ c: PDFCanvas) {
        c.ensure(40)
        c.skip(18)
        c.setFont(size: 9)
        c.setColour(.ink)
        c.draw("Clinician:", x: c.margin, baseline: c.y)
        c.rule(x: c.margin + 52, y: c.y + 2, width: 190)
        c.draw("Date:", x: c.margin + 270, baseline: c.y)
        c.rule(x: c.margin + 300, y: c.y + 2, width: 110)
        c.skip(10)
        if let footer = report.clinic?.footer { c.paragraph(footer, size: 8.5, colour: .muted) }
    }

    static func cover(_ report: ScreeningReport, _ c: PDFCanvas) {
        letterhead(report, c)
        c.paragraph(HTMLReport.title(report), size: 17, bold: true, spacing: 6)
        c.paragraph(
            TextReport.importLine(report.importSummary) + " Profile \(report.profileName).", size: 9, colour: .muted)
        c.paragraph(ScreeningReport.evidenceNote, size: 9, colour: .info, spacing: 8)
        for advice in TrainingLogText.guidance(report.importSummary) { c.paragraph(advice, size: 9.5, spacing: 6) }
        guard report.athleteSections.count > 1 else { return }
        c.heading("Team summary: latest test per athlete, most urgent first")
        c.paragraph(TextReport.bandCountsText(report), size: 9.5, bold: true, spacing: 4)
        for row in report.teamRows {
            let a = row.latest
            c.ensure(34)
            // Line 1: who, and when; line 2: the band and what decided it; line 3: change and retest.
            c.setColour(.ink)
            c.setFont(size: 8.5)
            let date = "\(a.date)"
            let dateWidth = c.width(of: date)
            c.drawFitted(
                TextReport.nameAndId(a), x: c.margin, baseline: c.y + 9, width: c.contentWidth - dateWidth - 10,
                size: 9.5, bold: true)
            c.setFont(size: 8.5)
            c.setColour(.muted)
            c.draw(date, x: c.margin + c.contentWidth - dateWidth, baseline: c.y + 9)
            let band = a.worstBand?.rawValue ?? "info"
            let badgeWidth = c.badge(
                BandLabel(band).text.uppercased(), colour: Colour.band(band), x: c.margin, baseline: c.y + 20.5)
            c.setColour(.ink)
            c.drawFitted(
                TextReport.headline(a), x: c.margin + badgeWidth + 6, baseline: c.y + 20.5,
                width: c.contentWidth - badgeWidth - 6, size: 8.8)
            var third = [TextReport.changeText(row), TextReport.earlierText(row)].compactMap { $0 }
            third.append(
                "\(TextReport.plural(row.daysSinceTest, "day")) ago"
                    + (row.overdue ? ", OVERDUE (due \(row.retestDue))" : ""))
            c.setColour(row.overdue ? .red : .muted)
            c.drawFitted(
                third.joined(separator: " · "), x: c.margin, baseline: c.y + 30, width: c.contentWidth, size: 7.5)
            c.skip(36)
        }
    }

    static func findings(_ entry: ScreeningReport.Entry, report: ScreeningReport, _ c: PDFCanvas) {
        let a = entry.assessment
        c.setFont(size: 15, bold: true)
        c.setColour(.ink)
        var title = a.displayName
        if a.info?.name != nil && a.info?.name != a.athlete { title += "  (\(a.athlete))" }
        c.draw(title, x: c.margin, baseline: c.y + 15)
        let band = a.worstBand?.rawValue ?? "info"
        c.badge(
            BandLabel(band).text.uppercased(), colour: Colour.band(band), x: c.margin + c.width(of: title) + 8,
            baseline: c.y + 14)
        c.skip(22)
        var facts =
            ["Tested \(a.date)"] + FindingText.details(a) + ["from " + FindingText.sources(a).joined(separator: ", ")]
        if let window = TrainingLogText.window(a) { facts.append(window) }
        c.paragraph(facts.joined(separator: " · "), size: 9, colour: .muted, spacing: 2)
        for source in a.findings.compactMap(TrainingLogText.sources) {
            c.paragraph("1RMs from " + source, size: 9, colour: .muted, spacing: 2)
        }
        c.skip(4)
        guard !a.findings.isEmpty else {
            c.paragraph("No hamstring:quadriceps measure could be computed for this session.")
            return
        }
        if let chart = Charts.bands(a.findings) {
            c.heading("Against the bands")
            c.paint(chart, width: c.contentWidth)
        }
        if let chart = Charts.leftRight(a.findings) {
            c.heading("Left against right")
            c.paint(chart, width: c.contentWidth)
        }
        table(a.findings, c)
        meaning(a, c)
    }

    /// Earlier tests: a line each with band and deciding measure, then the trend charts.
    static func history(_ history: [Assessment], report: ScreeningReport, _ c: PDFCanvas) {
        guard history.count > 1, let latest = history.last else { return }
        c.heading("History: \(history.count) tests")
        for a in history {
            c.ensure(13)
            let period = a.window.map { "\($0.start) – \($0.end)" } ?? a.date.description
            c.setColour(.ink)
            c.drawFitted(period, x: c.margin, baseline: c.y + 9, width: 125, size: 8.8)
            let band = a.worstBand?.rawValue ?? "info"
            c.badge(
                BandLabel(band).text.uppercased(), colour: Colour.band(band), x: c.margin + 130, baseline: c.y + 9,
                size: 6.5)
            c.setColour(.ink)
            c.drawFitted(
                TextReport.headline(a), x: c.margin + 180, baseline: c.y + 9, width: c.contentWidth - 180, size: 8.8)
            c.skip(13)
        }
        c.skip(4)
        trends(latest, history: history, c)
        trainingLogTrend(latest, history: history, c)
    }

    static func trends(_ a: Assessment, history: [Assessment], _ c: PDFCanvas) {
        // Two charts at most on paper: the measures that decide the band come first in the findings.
        let charts = Array(Charts.trends(for: a, history: history).prefix(2))
        guard !charts.isEmpty else { return }
        c.heading("Across test dates")
        let width = (c.contentWidth - 12) / 2
        for pair in stride(from: 0, to: charts.count, by: 2) {
            let height = charts[pair].height * width / charts[pair].width
            c.ensure(height)
            c.paint(charts[pair], width: width, x: c.margin, advance: false)
            if pair + 1 < charts.count {
                c.paint(charts[pair + 1], width: width, x: c.margin + width + 12, advance: false)
            }
            c.skip(height + 6)
        }
    }

    /// The runner's windows as a small table, machine changes marked.
    static func trainingLogTrend(_ a: Assessment, history: [Assessment], _ c: PDFCanvas) {
        guard history.last?.date == a.date else { return }
        let rows = TrainingLogText.trend(history)
        guard !rows.isEmpty else { return }
        c.heading("Training log trend")
        let target = a.findings.first { $0.measure == .machine1RMHQ }?.threshold?.green
        if let chart = Charts.trainingLog(rows, target: target) { c.paint(chart, width: c.contentWidth) }
        let columns = [0.0, 140, 290, 360, 440]
        columnTitles(["Window", "Curl machine", "Curl 1RM", "Extension 1RM", "Ratio"], at: columns, c)
        for row in rows {
            c.ensure(13)
            c.setFont(size: 8.8, bold: row.machineChanged)
            c.setColour(.ink)
            let cells = [
                row.period, row.machine + (row.machineChanged ? " (new machine)" : ""),
                Formatting.fixed(row.curl, digits: 1) + " kg", Formatting.fixed(row.legExtension, digits: 1) + " kg",
                Formatting.ratio(row.ratio),
            ]
            let widths = zip(columns.dropFirst(), columns).map { $0 - $1 - 4 } + [c.contentWidth - columns.last!]
            for ((x, text), width) in zip(zip(columns, cells), widths) {
                c.drawFitted(
                    text, x: c.margin + x, baseline: c.y + 9, width: width, size: 8.8, bold: row.machineChanged)
            }
            c.skip(13)
        }
        c.skip(4)
    }

    /// A table's header row: small grey titles at the columns' left edges.
    static func columnTitles(_ titles: [String], at columns: [Double], _ c: PDFCanvas) {
        c.setFont(size: 8.5)
        c.setColour(.muted)
        for (x, title) in zip(columns, titles) { c.draw(title, x: c.margin + x, baseline: c.y + 9) }
        c.skip(13)
    }

    static func table(_ findings: [Finding], _ c: PDFCanvas) {
        c.heading("All measures")
        let columns = [0.0, 170, 250, 320, 375]
        columnTitles(["Measure", "Side", "Value", "Band", "Change"], at: columns, c)
        for f in findings {
            c.ensure(13)
            c.setFont(size: 8.8)
            c.setColour(.ink)
            let side = FindingText.side(f)
            c.drawFitted(FindingText.label(f), x: c.margin, baseline: c.y + 9, width: columns[1] - 5, size: 8.8)
            c.setFont(size: 8.8)
            c.draw(side, x: c.margin + columns[1], baseline: c.y + 9)
            c.draw(FindingText.value(f), x: c.margin + columns[2], baseline: c.y + 9)
            c.badge(
                BandLabel(f.band.rawValue).text.uppercased(), colour: Colour.band(f.band.rawValue),
                x: c.margin + columns[3], baseline: c.y + 9, size: 6.5)
            if let change = f.change {
                // The date of the earlier test is in the history below; here the size and the verdict.
                c.setColour(.muted)
                c.drawFitted(
                    "\(FindingText.delta(f, change.sincePrevious)) \(FindingText.verdict(change.verdictSincePrevious))",
                    x: c.margin + columns[4], baseline: c.y + 9, width: c.contentWidth - columns[4], size: 8)
            }
            c.skip(13)
        }
        c.skip(4)
    }

    static func meaning(_ a: Assessment, _ c: PDFCanvas) {
        let flagged = a.findings.filter { $0.band == .red || $0.band == .amber }.sorted {
            $0.band.severity > $1.band.severity
        }
        c.heading("What it means")
        if flagged.isEmpty {
            c.paragraph(
                a.findings.contains { $0.band == .green }
                    ? "Every measure with a cut-off is in the usual range."
                    : "No cut-off applies to these measures; they are shown for information.")
        }
        for f in flagged {
            c.paragraph(f.reason, size: 9.3, indent: 10, bullet: Colour.band(f.band.rawValue), spacing: 3)
        }
        var small: [String] = []
        for caveat in a.findings.filter({ $0.band != .info }).flatMap(\.caveats) where !small.contains(caveat) {
            small.append(caveat)
        }
        var sources: [String] = []
        for source in flagged.compactMap(\.threshold?.source) where !sources.contains(source) { sources.append(source) }
        if !sources.isEmpty { small.append("Sources: " + sources.joined(separator: "; ") + ".") }
        small += a.notes.map { $0 + "." }
        if let standing = SquadStanding.sentence(a) { small.append(standing + ".") }
        c.skip(3)
        for text in small { c.paragraph(text, size: 8, colour: .muted, spacing: 2) }
    }

    /// The program in a few lines: dose, where each exercise starts and when to move on, the weaker leg.
    static func programInBrief(_ program: Program, date: TestDate, _ c: PDFCanvas) {
        c.heading("Home program: \(program.emphasis)")
        c.paragraph(
            "\(program.sets) sets \(program.setDescription.split(separator: ":").first ?? ""), \(program.restSeconds) s rest, "
                + "\(program.sessionsPerWeek). \(program.rationale)", size: 9, spacing: 2)
        for exercise in program.exercises {
            c.paragraph(
                "\(exercise.name): start at \(exercise.progression[exercise.startStage].lowercased()). \(exercise.moveOnRule)",
                size: 9, indent: 10, bullet: .muted, spacing: 2)
        }
        if let advice = program.weakerLegAdvice { c.paragraph(advice, size: 9, spacing: 2) }
        c.paragraph(program.retestSentence(from: date), size: 9, colour: .muted, spacing: 4)
    }

    /// The exercise sheet: one page with the dose, each exercise's start and end positions, and how to progress.
    static func sheet(_ program: Program, name: String, date: TestDate, _ c: PDFCanvas) {
        c.paragraph("Home program for \(name)", size: 15, bold: true, spacing: 4)
        var dose =
            "\(program.sets) sets \(program.setDescription.split(separator: ":").first ?? ""), \(program.restSeconds) s rest "
            + "between sets, \(program.sessionsPerWeek). \(program.rationale)"
        if let advice = program.weakerLegAdvice { dose += " " + advice }
        dose += " " + program.retestSentence(from: date)
        c.paragraph(dose, size: 9.5, spacing: 6)
        let pictures = [Illustrations.hipRaise(), Illustrations.legCurl()]
        for (i, exercise) in program.exercises.enumerated() {
            c.heading("\(i + 1). \(exercise.name)", size: 11.5)
            if i < pictures.count {
                let width = (c.contentWidth - 10) / 2
                let height = pictures[i].start.height * width / pictures[i].start.width
                c.ensure(height)
                c.paint(pictures[i].start, width: width, x: c.margin, advance: false)
                c.paint(pictures[i].end, width: width, x: c.margin + width + 10, advance: false)
                c.skip(height + 4)
            }
            c.paragraph(
                "You need \(exercise.equipment). Start at: \(exercise.progression[exercise.startStage]).", size: 9,
                bold: true, spacing: 2)
            c.paragraph(([exercise.setup] + exercise.steps).joined(separator: " "), size: 9, spacing: 2)
            c.paragraph(exercise.cues.joined(separator: " "), size: 9, spacing: 2)
            if !exercise.commonErrors.isEmpty {
                c.paragraph(
                    "Common errors: " + exercise.commonErrors.joined(separator: " "), size: 8.5, colour: .muted,
                    spacing: 2)
            }
            c.paragraph(exercise.moveOnRule, size: 9, bold: true, spacing: 1)
            c.paragraph(
                "Stages: " + exercise.progression.joined(separator: " → "), size: 8.5, colour: .muted, spacing: 4)
        }
        c.paragraph(program.safety, size: 8.5, colour: .muted)
    }

}
