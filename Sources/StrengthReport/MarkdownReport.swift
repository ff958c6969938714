import StrengthAnalysis
import StrengthModel

/// The report as Markdown, for notes, wikis and messages: the same content as the terminal report,
/// with tables instead of aligned columns.
public enum MarkdownReport {
    public static func render(_ report: ScreeningReport, audience: Audience = .clinician) -> String {
        var out = ""
        write(report, audience: audience) { out += $0 }
        return out
    }

    /// The report handed to `emit` in pieces: the head and team summary, then each athlete (rendered
    /// on every core, in order), then the clinic's footer.
    public static func write(
        _ report: ScreeningReport, audience: Audience = .clinician, to emit: (String) throws -> Void
    ) rethrows {
        if audience == .athlete { return try handout(report, to: emit) }
        var out: [String] = ["# \(escape(HTMLReport.title(report)))", ""]
        if let clinic = report.clinic { out += ["**\(escape(clinic.line))**", ""] }
        out.append(TextReport.importLine(report.importSummary) + " Profile `\(report.profileName)`.")
        out.append("")
        out.append("> " + ScreeningReport.evidenceNote)
        for advice in TrainingLogText.guidance(report.importSummary) { out += ["", escape(advice)] }
        let sections = report.athleteSections
        if sections.count > 1 { out += teamSummary(report) }
        try emit(out.joined(separator: "\n") + "\n")
        try OrderedParallel.forEach(sections, { athlete($0).joined(separator: "\n") + "\n" }, consume: emit)
        if let footer = report.clinic?.footer {
            try emit(["", "---", "", escape(footer)].joined(separator: "\n") + "\n")
        }
    }

    /// The athlete's handout: what was found in plain words, one trend, the program.
    static func handout(_ report: ScreeningReport, to emit: (String) throws -> Void) rethrows {
        let sections = report.athleteSections
        if sections.isEmpty { return try emit("\n") }
        try OrderedParallel.forEach(
            sections,
            { section in
                var out: [String] = []
                let a = section.latest.assessment
                out += [
                    "# Your hamstring check — \(escape(a.displayName))", "", "Tested \(a.date).", "",
                    "## What we found",
                    "",
                ]
                for item in Handout.found(a) {
                    out.append(
                        "- " + (item.band == .green ? "" : "**\(BandLabel(item.band.rawValue).text)**: ")
                            + escape(item.text))
                }
                if let trend = Handout.trend(latest: a, history: section.history) {
                    out += ["", "## How it has changed", "", "\(escape(trend.label)): \(trend.text)"]
                }
                out += program(section.latest.program, date: a.date)
                out += ["", "_\(Handout.note)_", ""]
                return out.joined(separator: "\n") + "\n"
            }, consume: emit)
    }

    /// The index of a `--split` folder: the team summary with each athlete linked to their file.
    public static func index(_ report: ScreeningReport, files: [String: String]) -> String {
        var out: [String] = ["# \(escape(HTMLReport.title(report)))", ""]
        out.append(TextReport.importLine(report.importSummary) + " Profile `\(report.profileName)`.")
        out += teamSummary(report)
        out += ["", "**Files**", ""]
        for row in report.teamRows {
            let file = files[row.latest.athlete] ?? ""
            out.append("- [\(escape(row.latest.displayName))](\(HTMLReport.percentEncoded(file)))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func teamSummary(_ report: ScreeningReport) -> [String] {
        var out = [
            "", "## Team summary", "",
            TextReport.bandCountsText(report) + " — latest test per athlete, most urgent first.",
            "", "| Athlete | Id | Latest test | Band | Deciding measure | Change | Earlier | Last test |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in report.teamRows {
            let a = row.latest
            let last =
                "\(TextReport.plural(row.daysSinceTest, "day")) ago"
                + (row.overdue ? ", **overdue** (due \(row.retestDue))" : "")
            out.append(
                "| \(escape(a.displayName)) | \(escape(a.athlete)) | \(a.date) | \(BandLabel(a.worstBand?.rawValue ?? "info").text) | "
                    + "\(escape(TextReport.headline(a))) | \(TextReport.changeText(row) ?? "") | "
                    + "\(TextReport.earlierText(row) ?? "") | \(last) |")
        }
        return out
    }

    /// One athlete: the latest test, the history of earlier ones, the current program.
    static func athlete(_ section: ScreeningReport.AthleteSection) -> [String] {
        let entry = section.latest
        let a = entry.assessment
        var out = ["", "## \(escape(a.displayName)) — \(a.date)", ""]
        var facts = FindingText.details(a).map(escape)
        if let window = TrainingLogText.window(a) { facts.append(window) }
        if !facts.isEmpty { out.append(facts.joined(separator: " · ")) }
        for source in a.findings.compactMap(TrainingLogText.sources) { out += ["", "1RMs from \(escape(source))."] }
        if !a.findings.isEmpty {
            out += ["", "| Measure | Side | Value | Band | Change |", "| --- | --- | ---: | --- | --- |"]
            for f in a.findings {
                out.append(
                    "| \(escape(FindingText.label(f))) | \(FindingText.side(f)) | \(FindingText.value(f)) | "
                        + "\(BandLabel(f.band.rawValue).text) | \(FindingText.change(f)) |")
            }
            let flagged = a.findings.filter { $0.band == .red || $0.band == .amber }.sorted {
                $0.band.severity > $1.band.severity
            }
            if !flagged.isEmpty {
                out += ["", "**What it means**", ""]
                out += flagged.map { "- \(escape($0.reason))" }
            }
        }
        for note in a.notes { out.append("\n_Note: \(escape(note))._") }
        if let standing = SquadStanding.sentence(a) { out += ["", escape(standing) + "."] }
        out += history(section.history)
        out += program(entry.program, date: a.date)
        return out
    }

    static func history(_ history: [Assessment]) -> [String] {
        guard history.count > 1, let latest = history.last else { return [] }
        var out = ["", "### History", "", "| Test | Band | Deciding measure |", "| --- | --- | --- |"]
        for a in history {
            let period = a.window.map { "\($0.start) – \($0.end)" } ?? a.date.description
            out.append(
                "| \(period) | \(BandLabel(a.worstBand?.rawValue ?? "info").text) | \(escape(TextReport.headline(a))) |"
            )
        }
        let series = TrendSeries.series(latest: latest, history: history)
        if !series.isEmpty {
            out.append("")
            out += series.map { "- \(escape($0.label)): \($0.text)" }
        }
        let rows = TrainingLogText.trend(history)
        if !rows.isEmpty {
            out += [
                "", "**Training log trend**", "", "| Window | Curl machine | Curl 1RM | Extension 1RM | Ratio |",
                "| --- | --- | ---: | ---: | ---: |",
            ]
            for row in rows {
                out.append(
                    "| \(row.period) | \(row.machine)\(row.machineChanged ? " (new machine: new trend line)" : "") "
                        + "| \(Formatting.fixed(row.curl, digits: 1)) kg | \(Formatting.fixed(row.legExtension, digits: 1)) kg "
                        + "| \(Formatting.ratio(row.ratio)) |")
            }
        }
        return out
    }

    static func program(_ p: Program, date: TestDate) -> [String] {
        var out = [
            "", "### Home program", "",
            "\(p.sets) sets \(p.setDescription.split(separator: ":").first ?? ""), \(p.restSeconds) s rest, \(p.sessionsPerWeek). \(p.rationale)",
        ]
        for (i, exercise) in p.exercises.enumerated() {
            out += ["", "\(i + 1). **\(exercise.name)** — start at: \(exercise.progression[exercise.startStage])"]
            out.append("   \(exercise.setup) " + exercise.steps.joined(separator: " "))
            out.append("   \(exercise.moveOnRule) Stages: " + exercise.progression.joined(separator: " → "))
        }
        if let advice = p.weakerLegAdvice { out += ["", advice] }
        out += ["", p.safety, "", "**\(escape(p.retestSentence(from: date)))**"]
        return out
    }

    /// Keeps names such as `*Sam*` or `a|b` from turning into Markdown.
    /// Control characters and line breaks are escaped first, so a name stays on its line.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in TerminalSafe.escape(text) {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
