import StrengthAnalysis
import StrengthModel

/// The report as Markdown, for notes, wikis and messages: the same content as the terminal report,
/// with tables instead of aligned columns.
public enum MarkdownReport {
    public static func render(_ report: ScreeningReport) -> String {
        var out: [String] = ["# \(escape(HTMLReport.title(report)))", ""]
        out.append(TextReport.importLine(report.importSummary) + " Profile `\(report.profileName)`.")
        out.append("")
        out.append("> " + ScreeningReport.evidenceNote)
        if report.entries.count > 1 {
            out += [
                "", "## Team summary", "", "| Athlete | Latest test | Band | Deciding measure | Earlier |",
                "| --- | --- | --- | --- | --- |",
            ]
            for row in report.teamRows {
                let a = row.latest
                out.append(
                    "| \(escape(a.displayName)) | \(a.date) | \(BandLabel(a.worstBand?.rawValue ?? "info").text) | "
                        + "\(escape(TextReport.headline(a))) | \(TextReport.earlierText(row) ?? "") |")
            }
        }
        for advice in TrainingLogText.guidance(report.importSummary) { out += ["", escape(advice)] }
        for (index, entry) in report.entries.enumerated() {
            let a = entry.assessment
            defer {
                let athlete = a.athlete
                if index + 1 == report.entries.count || report.entries[index + 1].assessment.athlete != athlete {
                    let rows = TrainingLogText.trend(report.history(of: athlete))
                    if !rows.isEmpty {
                        out += [
                            "", "### Training log trend", "",
                            "| Window | Curl machine | Curl 1RM | Extension 1RM | Ratio |",
                            "| --- | --- | ---: | ---: | ---: |",
                        ]
                        for row in rows {
                            out.append(
                                "| \(row.period) | \(row.machine)\(row.machineChanged ? " (new machine: new trend line)" : "") "
                                    + "| \(Formatting.fixed(row.curl, digits: 1)) kg | \(Formatting.fixed(row.legExtension, digits: 1)) kg "
                                    + "| \(Formatting.ratio(row.ratio)) |")
                        }
                    }
                }
            }
            out += ["", "## \(escape(a.displayName)) — \(a.date)", ""]
            var facts = FindingText.details(a).map(escape)
            if let window = TrainingLogText.window(a) { facts.append(window) }
            if !facts.isEmpty { out.append(facts.joined(separator: " · ")) }
            for source in a.findings.compactMap(TrainingLogText.sources) {
                out += ["", "1RMs from \(escape(source))."]
            }
            if !a.findings.isEmpty {
                out += ["", "| Measure | Side | Value | Band | Change |", "| --- | --- | ---: | --- | --- |"]
                for f in a.findings {
                    let side = FindingText.side(f)
                    let change = FindingText.change(f)
                    out.append(
                        "| \(escape(FindingText.label(f))) | \(side) | \(FindingText.value(f)) | \(BandLabel(f.band.rawValue).text) | \(change) |"
                    )
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
            let p = entry.program
            out += [
                "", "### Home program", "",
                "\(p.sets) sets \(p.setDescription.split(separator: ":").first ?? ""), \(p.restSeconds) s rest, \(p.sessionsPerWeek). \(p.rationale)",
            ]
            for (i, exercise) in p.exercises.enumerated() {
                out += ["", "\(i + 1). **\(exercise.name)** — start at: \(exercise.progression[exercise.startStage])"]
                out.append("   \(exercise.setup) " + exercise.steps.joined(separator: " "))
                out.append("   \(exercise.moveOnRule) Stages: " + exercise.progression.joined(separator: " → "))
            }
            if let advice = p.weakerLegAdvice { out += ["", advice] }
            out += [
                "", p.safety, "",
                "**\(escape(p.retestSentence(from: a.date)))**",
            ]
        }
        return out.joined(separator: "\n") + "\n"
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
