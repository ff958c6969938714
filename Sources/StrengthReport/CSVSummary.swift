import StrengthAnalysis
import StrengthModel

/// One row per athlete-session for spreadsheets. Columns are documented in docs/csv-summary.md and
/// only ever added to. Text from the input is quoted as RFC 4180 asks and, when it starts like a
/// formula (= + - @), prefixed with an apostrophe so a spreadsheet shows it instead of running it.
public enum CSVSummary {
    public static let columns = [
        "athlete", "name", "date", "sex", "body_mass_kg", "worst_band", "red_flags", "amber_flags",
        "hq_60_left", "hq_60_right", "hq_180_left", "hq_180_right", "hq_240_left", "hq_240_right", "hq_300_left",
        "hq_300_right", "functional_left", "functional_right", "isometric_left", "isometric_right", "machine_1rm_ratio",
        "nordic_left_n", "nordic_right_n", "max_asymmetry_pct", "max_asymmetry_measure", "weaker_side",
        "croisier_criteria_met", "program_emphasis", "program_start_stage", "retest_date", "sources",
        "cutoff_populations", "asymmetry_pending_confirmation", "missing_details", "latest", "previous_band",
        "change_since_previous", "sport", "involved_side", "age",
    ]

    /// Excel and LibreOffice read a CSV as UTF-8 only when it starts with a byte-order mark; without
    /// one "Núñez" and "°/s" arrive garbled. Pipelines can leave it out (`--no-bom`).
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ report: ScreeningReport, byteOrderMark: Bool = true) -> String {
        var out = ""
        write(report, byteOrderMark: byteOrderMark) { out += $0 }
        return out
    }

    /// The CSV handed to `emit` athlete by athlete (rendered on every core, in order).
    public static func write(
        _ report: ScreeningReport, byteOrderMark: Bool = true, to emit: (String) throws -> Void
    ) rethrows {
        try emit((byteOrderMark ? Self.byteOrderMark : "") + columns.joined(separator: ",") + "\r\n")
        try OrderedParallel.forEach(report.athleteEntries, rows, consume: emit)
    }

    /// One athlete's rows, oldest first; the last test date's rows are the latest.
    @Sendable static func rows(_ entries: [ScreeningReport.Entry]) -> String {
        var out = ""
        let latest = entries.last?.assessment.date
        var previous: ScreeningReport.Entry?
        for entry in entries {
            out += (row(entry) + history(entry, previous: previous, isLatest: entry.assessment.date == latest))
                .joined(separator: ",")
            out += "\r\n"
            previous = entry
        }
        return out
    }

    /// `latest` … `age`: where the row stands in the athlete's history, and who they are.
    static func history(_ entry: ScreeningReport.Entry, previous: ScreeningReport.Entry?, isLatest: Bool) -> [String] {
        let a = entry.assessment
        let deciding = ScreeningReport.TeamRow.deciding(a).flatMap { $0.band == .red || $0.band == .amber ? $0 : nil }
        return [
            isLatest ? "true" : "false", previous?.assessment.worstBand?.rawValue ?? "",
            deciding?.change.map { number($0.sincePrevious, digits: 4) } ?? "",
            text(a.info?.sport ?? ""), a.info?.involvedSide?.rawValue ?? "", a.info?.age.map(String.init) ?? "",
        ]
    }

    static func row(_ entry: ScreeningReport.Entry) -> [String] {
        let a = entry.assessment
        let f = a.findings
        func value(_ measure: Measure, _ side: Side?, velocity: Double? = nil, mixed: Bool = false) -> String {
            let match = f.first {
                $0.measure == measure && $0.side == side && (velocity == nil || $0.velocity == velocity)
                    && (!mixed || $0.velocity == nil)
            }
            guard let match else { return "" }
            return number(match.value, digits: measure == .nordicForce ? 1 : 4)
        }
        let asymmetry = f.lazy.filter { $0.measure == .asymmetry }.max { $0.value < $1.value }
        let stage = entry.program.exercises.first.map { $0.progression[$0.startStage] } ?? ""
        var cells = [
            text(a.athlete), text(a.info?.name ?? ""), a.date.description, a.info?.sex?.rawValue ?? "",
            a.info?.bodyMassKg.map { number($0, digits: 1) } ?? "", a.worstBand?.rawValue ?? "",
            String(f.count { $0.band == .red }), String(f.count { $0.band == .amber }),
        ]
        for velocity in [60.0, 180, 240, 300] {
            cells += [
                value(.conventionalHQ, .left, velocity: velocity), value(.conventionalHQ, .right, velocity: velocity),
            ]
        }
        cells += [
            value(.functionalHQ, .left, mixed: true), value(.functionalHQ, .right, mixed: true),
            value(.isometricHQ, .left), value(.isometricHQ, .right), value(.machine1RMHQ, nil),
            value(.nordicForce, .left), value(.nordicForce, .right),
            asymmetry.map { number($0.value, digits: 1) } ?? "", text(asymmetry.map(FindingText.label) ?? ""),
            asymmetry?.weakerSide?.rawValue ?? entry.program.weakerSide?.rawValue ?? "",
            f.first { $0.measure == .croisierComposite }.map { String(Int(saturating: $0.value)) } ?? "",
            entry.program.emphasis, text(stage), a.date.adding(days: entry.program.retestWeeks * 7).description,
            text(FindingText.sources(a).joined(separator: "; ")),
        ]
        var populations: [String] = []
        for population in f.lazy.filter({ $0.band != .info }).compactMap(\.threshold?.population)
        where !populations.contains(population) {
            populations.append(population)
        }
        var missing: [String] = []
        for detail in f.lazy.flatMap(\.missingDetails).map(\.detail) where !missing.contains(detail) {
            missing.append(detail)
        }
        cells += [
            text(populations.joined(separator: "; ")),
            String(f.count { $0.confirmation == .pendingSecondTest }),
            text(missing.joined(separator: "; ")),
        ]
        return cells
    }

    static func number(_ value: Double, digits: Int) -> String { Formatting.fixed(value, digits: digits) }

    /// A text cell: neutralised if it could be read as a formula, quoted if it needs to be.
    public static func text(_ raw: String) -> String {
        // Most cells (ids, dates, names) need neither: checked on the bytes, not the characters.
        let utf8 = raw.utf8
        guard let first = utf8.first else { return raw }
        let formula =
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        let value = formula ? "'" + raw : raw
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
