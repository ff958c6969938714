import StrengthAnalysis
import StrengthModel

/// The terminal report: a team summary when there are several sessions, then one block per
/// athlete-session with the ratios, what they mean, and the home program.
public enum TextReport {
    static let width = 96

    public static func render(_ report: ScreeningReport, style: TextStyle) -> String {
        var out: [String] = []
        let athletes = Set(report.entries.map(\.assessment.athlete)).count
        out.append(
            style.bold("HQScreen report")
                + style.dim(
                    " · \(plural(athletes, "athlete")) · \(plural(report.entries.count, "session")) · profile \(report.profileName)"
                ))
        out.append(importLine(report.importSummary))
        if report.entries.isEmpty {
            out.append("")
            out.append("No knee strength measurements to assess. Run `hqscreen check` on the files to see why.")
            return out.joined(separator: "\n") + "\n"
        }
        if report.entries.count > 1 {
            out.append("")
            out.append(contentsOf: teamSummary(report, style: style))
        }
        for entry in report.entries {
            out.append("")
            out.append(contentsOf: block(entry, style: style))
        }
        out.append("")
        out.append(contentsOf: TextWrap.wrap(ScreeningReport.evidenceNote, width: width, indent: "").map(style.dim))
        return out.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// `Imported 118 of 124 rows from 2 files: 4 skipped, 2 rejected (details: hqscreen check).`
    static func importLine(_ summary: ImportSummary) -> String {
        let c = summary.counts
        var line =
            "Imported \(c.rowsImported) of \(plural(c.rowsRead, "row")) from \(plural(summary.files.count, "file"))"
        var extras: [String] = []
        if c.rowsSkipped > 0 { extras.append("\(c.rowsSkipped) skipped") }
        if c.rowsRejected > 0 { extras.append("\(c.rowsRejected) rejected") }
        let failed = summary.failedFiles.count
        if failed > 0 { extras.append("\(plural(failed, "file")) unreadable") }
        if !extras.isEmpty { line += ": " + extras.joined(separator: ", ") + " (details: hqscreen check)" }
        return line + "."
    }

    static func teamSummary(_ report: ScreeningReport, style: TextStyle) -> [String] {
        var lines = [style.bold("Team summary") + style.dim(" (most urgent first)")]
        let sorted = report.entries.sorted { lhs, rhs in
            let l = lhs.assessment.worstBand?.severity ?? -1
            let r = rhs.assessment.worstBand?.severity ?? -1
            if l != r { return l > r }
            return (lhs.assessment.displayName, lhs.assessment.date) < (rhs.assessment.displayName, rhs.assessment.date)
        }
        let nameWidth = min(28, max(8, sorted.map { $0.assessment.displayName.count }.max() ?? 8))
        for entry in sorted {
            let a = entry.assessment
            let worst = BandLabel(a.worstBand?.rawValue ?? "info")
            let lowest = a.findings.filter { $0.band == a.worstBand }.min { $0.value < $1.value }
            var detail = ""
            if let lowest, let velocity = lowest.velocity, let side = lowest.side {
                detail = "lowest \(Formatting.ratio(lowest.value)) (\(side.rawValue), \(Formatting.velocity(velocity)))"
            } else if a.findings.isEmpty {
                detail = "no ratio could be computed"
            }
            let badge = style.band(worst) + String(repeating: " ", count: max(0, 6 - worst.text.count))
            lines.append("  \(pad(a.displayName, nameWidth))  \(a.date)  \(badge)  \(detail)")
        }
        return lines
    }

    static func block(_ entry: ScreeningReport.Entry, style: TextStyle) -> [String] {
        let a = entry.assessment
        var lines: [String] = []
        var title = a.displayName
        if a.info?.name != nil && a.info?.name != a.athlete { title += " (\(a.athlete))" }
        var facts = ["\(a.date)"]
        if let mass = a.info?.bodyMassKg { facts.append("\(Formatting.fixed(mass, digits: 1)) kg") }
        if let sex = a.info?.sex { facts.append(sex.rawValue) }
        if let sport = a.info?.sport { facts.append(sport) }
        if let involved = a.info?.involvedSide { facts.append("involved: \(involved.rawValue)") }
        lines.append(style.bold("━━ \(title)") + " · " + facts.joined(separator: " · "))
        let sources = a.info?.sources ?? Array(Set(a.measurements.map(\.source.file))).sorted()
        lines.append(style.dim("   from \(sources.joined(separator: ", "))"))

        let conventional = a.findings.filter { $0.measure == .conventionalHQ }
        if !conventional.isEmpty {
            lines.append(
                "   Conventional H:Q " + style.dim("(concentric hamstrings ÷ concentric quadriceps, peak torque)"))
            lines.append(style.dim("   speed        left             right"))
            let velocities = Array(Set(conventional.compactMap(\.velocity))).sorted()
            for velocity in velocities {
                func cell(_ side: Side) -> String {
                    guard let f = conventional.first(where: { $0.velocity == velocity && $0.side == side }) else {
                        return pad("—", 17)
                    }
                    let label = BandLabel(f.band.rawValue)
                    return Formatting.ratio(f.value) + "  " + style.band(label)
                        + String(repeating: " ", count: max(0, 11 - label.text.count))
                }
                lines.append("   \(pad(Formatting.velocity(velocity), 10))   \(cell(.left))\(cell(.right))")
            }
        }
        let flagged = a.findings.filter { $0.band == .amber || $0.band == .red }
            .sorted { ($0.band.severity, -$0.value) > ($1.band.severity, -$1.value) }
        let inRange = a.findings.filter { $0.band == .green }
        let informational = a.findings.filter { $0.band == .info }
        if a.findings.isEmpty {
            lines.append("   No hamstring:quadriceps ratio could be computed for this session.")
        } else {
            lines.append("   What it means")
            for finding in flagged + informational {
                lines.append(
                    contentsOf: TextWrap.wrap(finding.reason, width: width, indent: "     ", firstIndent: "   • "))
            }
            if !inRange.isEmpty {
                let list = inRange.map { finding in
                    "\(finding.side?.rawValue ?? "both") \(finding.velocity.map(Formatting.velocity) ?? "") \(Formatting.ratio(finding.value))"
                }
                lines.append(
                    contentsOf: TextWrap.wrap(
                        "In the usual range: \(list.joined(separator: ", ")).", width: width, indent: "     ",
                        firstIndent: "   • "))
            }
            var sources: [String] = []
            for threshold in a.findings.compactMap(\.threshold) where !sources.contains(threshold.source) {
                sources.append(threshold.source)
            }
            if !sources.isEmpty {
                lines.append(
                    contentsOf: TextWrap.wrap(
                        "Thresholds: " + sources.joined(separator: "; ") + ".", width: width, indent: "     ",
                        firstIndent: "   "
                    )
                    .map(style.dim))
            }
            var caveats: [String] = []
            for caveat in a.findings.flatMap(\.caveats) where !caveats.contains(caveat) { caveats.append(caveat) }
            for caveat in caveats {
                lines.append(
                    contentsOf: TextWrap.wrap(caveat, width: width, indent: "     ", firstIndent: "   ").map(style.dim))
            }
        }
        for note in a.notes {
            lines.append(
                contentsOf: TextWrap.wrap("Note: \(note).", width: width, indent: "     ", firstIndent: "   ").map(
                    style.dim))
        }
        lines.append(contentsOf: programLines(entry.program, date: a.date, style: style))
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
            lines.append(
                contentsOf: TextWrap.wrap(
                    "Progress: " + ladder.joined(separator: " → "), width: width, indent: "      "
                ).map(style.dim))
        }
        if let weaker = program.weakerSide {
            lines.append(
                contentsOf: TextWrap.wrap(
                    "When you reach one leg at a time, start each set with your weaker \(weaker.rawValue) leg.",
                    width: width, indent: "   "))
        }
        lines.append(contentsOf: TextWrap.wrap(program.safety, width: width, indent: "   ").map(style.dim))
        let retest = date.adding(days: program.retestWeeks * 7)
        lines.append("   Retest in \(program.retestWeeks) weeks (around \(retest)) on the same device and protocol.")
        return lines
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
