import StrengthAnalysis
import StrengthModel

/// The terminal report: a team summary when there are several athletes, then one block per
/// athlete — the latest test with its ratios and what they mean, the history of earlier tests, and
/// the current home program. Earlier tests appear only in the history.
public enum TextReport {
    static let width = 96

    public static func render(_ report: ScreeningReport, style: TextStyle, audience: Audience = .clinician) -> String {
        var out = ""
        write(report, style: style, audience: audience) { out += $0 }
        return out
    }

    /// The report handed to `emit` in pieces: the head, then each athlete (rendered on every core,
    /// in order), then the closing note.
    public static func write(
        _ report: ScreeningReport, style: TextStyle, audience: Audience = .clinician, to emit: (String) throws -> Void
    ) rethrows {
        if audience == .athlete { return try handout(report, style: style, to: emit) }
        var out: [String] = []
        out.append(
            style.bold("HQScreen report")
                + style.dim(
                    " · \(plural(report.athleteCount, "athlete")) · \(plural(report.sessionCount, "session")) · profile \(report.profileName)"
                ))
        if let clinic = report.clinic { out.append(TerminalSafe.escape(clinic.line)) }
        out.append(importLine(report.importSummary))
        let guidance = TrainingLogText.guidance(report.importSummary)
        for advice in guidance {
            out.append("")
            out.append(contentsOf: TextWrap.wrap(TerminalSafe.escape(advice), width: width, indent: ""))
        }
        if report.sessionCount == 0 {
            if guidance.isEmpty {
                out.append("")
                out.append("No knee strength measurements to assess. Run `hqscreen check` on the files to see why.")
            }
            return try emit(joined(out))
        }
        let sections = report.athleteSections
        if sections.count > 1 {
            out.append("")
            out.append(contentsOf: teamSummary(report, style: style))
        }
        try emit(joined(out))
        try OrderedParallel.forEach(
            sections,
            { section in
                var out = [""]
                out.append(contentsOf: block(section.latest, style: style, program: false))
                out.append(contentsOf: historyLines(section.history, style: style))
                out.append(
                    contentsOf: programLines(section.latest.program, date: section.latest.assessment.date, style: style)
                )
                return joined(out)
            }, consume: emit)
        var tail = [""]
        tail.append(contentsOf: TextWrap.wrap(ScreeningReport.evidenceNote, width: width, indent: "").map(style.dim))
        tail.append(contentsOf: clinicFooter(report))
        try emit(joined(tail))
    }

    /// Lines as text, each ended by a newline and without trailing spaces.
    static func joined(_ lines: [String]) -> String {
        lines.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func clinicFooter(_ report: ScreeningReport) -> [String] {
        guard let footer = report.clinic?.footer else { return [] }
        return [""] + TextWrap.wrap(TerminalSafe.escape(footer), width: width, indent: "")
    }

    /// `Imported 118 of 124 rows from 2 files: 4 skipped, 2 rejected (details: hqscreen check).`;
    /// without the pointer where the page lists the details itself.
    public static func importLine(_ summary: ImportSummary, pointsToCheck: Bool = true) -> String {
        let c = summary.counts
        var line =
            "Imported \(c.rowsImported) of \(plural(c.rowsRead, "row")) from \(plural(summary.files.count, "file"))"
        var extras: [String] = []
        if c.rowsSkipped > 0 { extras.append("\(c.rowsSkipped) skipped") }
        if c.rowsRejected > 0 { extras.append("\(c.rowsRejected) rejected") }
        let failed = summary.failedFiles.count
        if failed > 0 { extras.append("\(plural(failed, "file")) unreadable") }
        if !extras.isEmpty {
            line += ": " + extras.joined(separator: ", ") + (pointsToCheck ? " (details: hqscreen check)" : "")
        }
        return line + "."
    }

    static func teamSummary(_ report: ScreeningReport, style: TextStyle) -> [String] {
        let rows = report.teamRows
        var lines = [
            style.bold("Team summary") + " · " + bandCountsText(report)
                + style.dim(" (latest test per athlete, most urgent first)")
        ]
        let names = rows.map { nameAndId($0.latest) }
        let nameWidth = min(32, max(8, names.map(\.count).max() ?? 8))
        for (row, name) in zip(rows, names) {
            let a = row.latest
            let worst = BandLabel(a.worstBand?.rawValue ?? "info")
            let badge = style.band(worst) + String(repeating: " ", count: max(0, 6 - worst.text.count))
            var line = "  \(pad(name, nameWidth))  \(a.date)  \(badge)  \(headline(a))"
            if let change = changeText(row) { line += "  \(change)" }
            if let earlier = earlierText(row) { line += style.dim("  · \(earlier)") }
            line += style.dim("  · \(plural(row.daysSinceTest, "day")) ago")
            if row.overdue {
                line += " " + style.colored("OVERDUE", as: "amber") + style.dim(" (due \(row.retestDue))")
            }
            lines.append(line)
        }
        return lines
    }

    /// The athlete's handout: per athlete what was found in plain words, one trend, and the program.
    static func handout(_ report: ScreeningReport, style: TextStyle, to emit: (String) throws -> Void) rethrows {
        let sections = report.athleteSections
        try OrderedParallel.forEach(
            sections.indices,
            { index in
                let section = sections[index]
                let a = section.latest.assessment
                var out: [String] = index > 0 ? [""] : []
                if let clinic = report.clinic { out.append(TerminalSafe.escape(clinic.line)) }
                out.append(style.bold("━━ Your hamstring check, \(nameAndId(a))") + style.dim(" · tested \(a.date)"))
                out.append("   " + style.bold("What we found"))
                for item in Handout.found(a) {
                    let mark = item.band == .green ? "" : BandLabel(item.band.rawValue).text + ": "
                    out.append(
                        contentsOf: TextWrap.wrap(mark + item.text, width: width, indent: "     ", firstIndent: "   • ")
                    )
                }
                if let trend = Handout.trend(latest: a, history: section.history) {
                    out.append("   " + style.bold("How it has changed"))
                    out.append(
                        contentsOf: TextWrap.wrap(
                            "\(trend.label): \(trend.text)", width: width, indent: "     ", firstIndent: "   "))
                }
                out.append(contentsOf: programLines(section.latest.program, date: a.date, style: style))
                out.append(contentsOf: TextWrap.wrap(Handout.note, width: width, indent: "   ").map(style.dim))
                return joined(out)
            }, consume: emit)
        let footer = clinicFooter(report)
        if !footer.isEmpty || sections.isEmpty { try emit(joined(footer)) }
    }

    /// The index of a `--split` folder: the team summary and which file holds each athlete.
    public static func index(_ report: ScreeningReport, files: [String: String], style: TextStyle) -> String {
        var out = [
            style.bold("HQScreen report") + style.dim(" · team summary of a --split folder"),
            importLine(report.importSummary), "",
        ]
        out += teamSummary(report, style: style)
        out.append("")
        out.append("Files:")
        for row in report.teamRows {
            out.append("  \(nameAndId(row.latest)): \(files[row.latest.athlete].map(TerminalSafe.escape) ?? "")")
        }
        return out.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// `2 red · 5 amber · 4 green · 1 not banded`.
    public static func bandCountsText(_ report: ScreeningReport) -> String {
        report.bandCounts.filter { $0.count > 0 }.map { "\($0.count) \($0.band?.rawValue ?? "not banded")" }
            .joined(separator: " · ")
    }

    /// `Alex Runner (A01)`, or the id alone when the file has no name.
    public static func nameAndId(_ a: Assessment) -> String {
        let name = TerminalSafe.escape(a.displayName)
        return a.info?.name != nil && a.info?.name != a.athlete ? "\(name) (\(TerminalSafe.escape(a.athlete)))" : name
    }

    /// `−0.04 since 2026-01-12`: how the deciding measure moved since the previous test.
    public static func changeText(_ row: ScreeningReport.TeamRow) -> String? {
        guard let f = row.deciding, f.band == .red || f.band == .amber, let change = f.change else { return nil }
        return "\(FindingText.delta(f, change.sincePrevious)) since \(change.previousDate)"
    }

    /// `was RED on 2026-01-12`, for athletes tested more than once.
    public static func earlierText(_ row: ScreeningReport.TeamRow) -> String? {
        guard let previous = row.previous else { return nil }
        let band = BandLabel(previous.worstBand?.rawValue ?? "info").text
        return "was \(band) on \(previous.date)" + (row.sessions > 2 ? " (\(row.sessions) tests)" : "")
    }

    /// The finding that decided the session's band, in a few words.
    public static func headline(_ a: Assessment) -> String {
        guard let worst = a.worstBand else {
            return a.findings.isEmpty ? "no ratio could be computed" : "information only"
        }
        if worst == .green { return "all measures with a cut-off in range" }
        guard let first = ScreeningReport.TeamRow.deciding(a) else { return "" }
        let deciding = a.findings.count { $0.band == worst }
        var text = FindingText.label(first) + " " + FindingText.value(first)
        if let side = first.side, first.measure != .limbSymmetryIndex { text += " (\(side.rawValue))" }
        if let weaker = first.weakerSide, first.measure == .asymmetry { text += " (\(weaker.rawValue) weaker)" }
        if deciding > 1 { text += "; \(deciding - 1) more \(worst.rawValue)" }
        return text
    }

    /// Earlier tests in a few lines: each test's band and deciding measure, then each measure's values
    /// over the tests, and a training log's trend table.
    static func historyLines(_ history: [Assessment], style: TextStyle) -> [String] {
        guard history.count > 1, let latest = history.last else { return [] }
        var lines = ["   " + style.bold("History") + style.dim(" (\(history.count) tests, oldest first)")]
        for a in history {
            let band = BandLabel(a.worstBand?.rawValue ?? "info")
            let period = a.window.map { "\($0.start) – \($0.end)" } ?? a.date.description
            lines.append(
                "   \(period)  \(style.band(band))\(String(repeating: " ", count: max(0, 6 - band.text.count)))  \(headline(a))"
            )
        }
        for series in TrendSeries.series(latest: latest, history: history) {
            lines.append(
                contentsOf: TextWrap.wrap(
                    "\(series.label): \(series.text)", width: width, indent: "     ", firstIndent: "   "))
        }
        let rows = TrainingLogText.trend(history)
        if !rows.isEmpty {
            lines.append(
                "   " + style.bold("Training log trend") + style.dim(" (leg curl ÷ leg extension, best estimated 1RMs)")
            )
            lines.append(contentsOf: TrainingLogText.trendLines(rows).map { "   " + $0 })
        }
        return lines
    }

    static func block(_ entry: ScreeningReport.Entry, style: TextStyle, program: Bool = true) -> [String] {
        let a = entry.assessment
        var lines: [String] = []
        var title = TerminalSafe.escape(a.displayName)
        if a.info?.name != nil && a.info?.name != a.athlete { title += " (\(TerminalSafe.escape(a.athlete)))" }
        let facts = ["\(a.date)"] + FindingText.details(a).map(TerminalSafe.escape)
        lines.append(style.bold("━━ \(title)") + " · " + facts.joined(separator: " · "))
        lines.append(style.dim("   from \(FindingText.sources(a).map(TerminalSafe.escape).joined(separator: ", "))"))
        if let window = TrainingLogText.window(a) { lines.append(style.dim("   " + window)) }
        for source in a.findings.compactMap(TrainingLogText.sources) {
            lines.append(
                contentsOf: TextWrap.wrap("1RMs from " + source, width: width, indent: "     ", firstIndent: "   ").map(
                    style.dim))
        }

        if a.findings.isEmpty {
            lines.append("   No hamstring:quadriceps measure could be computed for this session.")
        } else {
            lines.append(contentsOf: table(a.findings, style: style))
            lines.append(contentsOf: changes(a.findings, style: style))
            lines.append(contentsOf: meaning(a.findings, style: style))
        }
        for note in a.notes {
            lines.append(
                contentsOf: TextWrap.wrap("Note: \(note).", width: width, indent: "     ", firstIndent: "   ").map(
                    style.dim))
        }
        if let standing = SquadStanding.sentence(a) {
            lines.append(contentsOf: TextWrap.wrap(standing + ".", width: width, indent: "     ", firstIndent: "   "))
        }
        if program { lines.append(contentsOf: programLines(entry.program, date: a.date, style: style)) }
        return lines
    }

    static let labelWidth = 30
    static let cellWidth = 20

    /// One row per measure: sided measures in left and right columns, between-leg measures after.
    static func table(_ findings: [Finding], style: TextStyle) -> [String] {
        var lines: [String] = []
        var rows: [String] = []
        var sided: [String: [Side: Finding]] = [:]
        for f in findings {
            guard let side = f.side, f.measure != .limbSymmetryIndex else { continue }
            let label = FindingText.label(f)
            if sided[label] == nil { rows.append(label) }
            sided[label, default: [:]][side] = f
        }
        if !rows.isEmpty {
            lines.append(style.dim("   " + pad("measure", labelWidth) + pad("left", cellWidth) + "right"))
        }
        for label in rows {
            func cell(_ side: Side) -> String {
                guard let f = sided[label]?[side] else { return pad("—", cellWidth) }
                let shown = FindingText.value(f)
                guard f.band != .info else { return pad(shown, cellWidth) }
                let band = BandLabel(f.band.rawValue)
                let used = shown.count + 2 + band.text.count
                return shown + "  " + style.band(band) + String(repeating: " ", count: max(1, cellWidth - used))
            }
            lines.append("   " + pad(label, labelWidth) + cell(.left) + cell(.right))
        }
        let between = findings.filter { $0.side == nil || $0.measure == .limbSymmetryIndex }
        if !between.isEmpty {
            lines.append(style.dim("   " + (rows.isEmpty ? "measure" : "both legs, and left against right")))
            for f in between {
                let band = BandLabel(f.band.rawValue)
                var text =
                    pad(FindingText.value(f), 12) + style.band(band)
                    + String(repeating: " ", count: 7 - band.text.count)
                if f.measure == .asymmetry, let weaker = f.weakerSide { text += "\(weaker.rawValue) weaker" }
                if f.measure == .limbSymmetryIndex, let side = f.side { text += "involved: \(side.rawValue)" }
                lines.append("   " + pad(FindingText.label(f), labelWidth) + text)
            }
        }
        return lines
    }

    static func changes(_ findings: [Finding], style: TextStyle) -> [String] {
        let changed = findings.filter { $0.change != nil && $0.band != .info }
        guard let since = changed.first?.change?.previousDate else { return [] }
        var lines = ["   Since \(since)"]
        let steady = changed.filter { $0.change?.verdictSincePrevious == .noClearChange }.count
        for f in changed where f.change?.verdictSincePrevious != .noClearChange {
            let change = f.change!
            let side = f.side.map { " \($0.rawValue)" } ?? ""
            let verdict = FindingText.verdict(change.verdictSincePrevious)
            let colour =
                change.verdictSincePrevious == .improved
                ? "green" : change.verdictSincePrevious == .worse ? "red" : "info"
            lines.append(
                "   • \(FindingText.label(f))\(side): \(valueText(f, change.previousValue)) → \(FindingText.value(f)) "
                    + "(\(FindingText.delta(f, change.sincePrevious))) " + style.colored(verdict, as: colour))
        }
        if steady > 0 {
            let others =
                steady == changed.count ? "All \(steady) measures" : "\(steady) other measure\(steady == 1 ? "" : "s")"
            lines.append("   • \(others): no clear change (within measurement noise)")
        }
        return lines
    }

    private static func valueText(_ f: Finding, _ value: Double) -> String {
        var copy = f
        copy.value = value
        return FindingText.value(copy)
    }

    static func meaning(_ findings: [Finding], style: TextStyle) -> [String] {
        let flagged = findings.filter { $0.band == .amber || $0.band == .red }
            .sorted { $0.band.severity > $1.band.severity }
        var lines: [String] = []
        if flagged.isEmpty {
            if findings.contains(where: { $0.band == .green }) {
                lines.append("   All measures with a cut-off are in the usual range.")
            } else {
                lines.append("   Nothing here has a cut-off that applies; the values are shown for information.")
                for f in findings where f.band == .info && f.measure != .torquePerBodyMass {
                    lines.append(
                        contentsOf: TextWrap.wrap(f.reason, width: width, indent: "     ", firstIndent: "   • "))
                }
            }
        } else {
            lines.append("   What it means")
            for f in flagged {
                lines.append(contentsOf: TextWrap.wrap(f.reason, width: width, indent: "     ", firstIndent: "   • "))
            }
        }
        var notes: [String] = []
        for caveat in findings.filter({ $0.band != .info || $0.measure == .functionalHQ }).flatMap(\.caveats)
        where !notes.contains(caveat) {
            notes.append(caveat)
        }
        for caveat in notes {
            lines.append(
                contentsOf: TextWrap.wrap(caveat, width: width, indent: "     ", firstIndent: "   ").map(style.dim))
        }
        var sources: [String] = []
        for source in flagged.compactMap(\.threshold?.source) where !sources.contains(source) { sources.append(source) }
        if !sources.isEmpty {
            lines.append(
                contentsOf: TextWrap.wrap(
                    "Thresholds: " + sources.joined(separator: "; ") + ".", width: width, indent: "     ",
                    firstIndent: "   "
                ).map(style.dim))
        }
        return lines
    }

    static func programLines(_ program: Program, date: TestDate, style: TextStyle) -> [String] {
        var lines: [String] = []
        lines.append(
            "   " + style.bold("Home program") + " · \(program.emphasis) · \(program.sessionsPerWeek) · "
                + "\(program.sets) sets \(program.setDescription.split(separator: ":").first ?? ""), \(program.restSeconds) s rest"
        )
        lines.append(contentsOf: TextWrap.wrap(program.rationale, width: width, indent: "   "))
        for (number, exercise) in program.exercises.enumerated() {
            lines.append(
                "   \(number + 1). \(style.bold(exercise.name)) — start at: \(exercise.progression[exercise.startStage])"
            )
            let howTo = ([exercise.setup] + exercise.steps).joined(separator: " ")
            lines.append(contentsOf: TextWrap.wrap(howTo, width: width, indent: "      "))
            let ladder = exercise.progression.enumerated().map {
                $0.offset == exercise.startStage ? "[\($0.element)]" : $0.element
            }
            lines.append(contentsOf: TextWrap.wrap(exercise.moveOnRule, width: width, indent: "      "))
            lines.append(
                contentsOf: TextWrap.wrap(
                    "Stages: " + ladder.joined(separator: " → "), width: width, indent: "      "
                ).map(style.dim))
        }
        if let advice = program.weakerLegAdvice {
            lines.append(contentsOf: TextWrap.wrap(advice, width: width, indent: "   "))
        }
        lines.append(contentsOf: TextWrap.wrap(program.safety, width: width, indent: "   ").map(style.dim))
        lines.append(contentsOf: TextWrap.wrap(program.retestSentence(from: date), width: width, indent: "   "))
        return lines
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    public static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
