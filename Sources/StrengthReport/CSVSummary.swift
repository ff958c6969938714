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
        "cutoff_populations", "asymmetry_pending_confirmation", "missing_details",
    ]

    public static func render(_ report: ScreeningReport) -> String {
        var lines = [columns.joined(separator: ",")]
        for entry in report.entries {
            lines.append(row(entry).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
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
        let asymmetry = f.filter { $0.measure == .asymmetry }.max { $0.value < $1.value }
        let stage = entry.program.exercises.first.map { $0.progression[$0.startStage] } ?? ""
        var cells = [
            text(a.athlete), text(a.info?.name ?? ""), a.date.description, a.info?.sex?.rawValue ?? "",
            a.info?.bodyMassKg.map { number($0, digits: 1) } ?? "", a.worstBand?.rawValue ?? "",
            String(f.filter { $0.band == .red }.count), String(f.filter { $0.band == .amber }.count),
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
        for population in f.filter({ $0.band != .info }).compactMap(\.threshold?.population)
        where !populations.contains(population) {
            populations.append(population)
        }
        var missing: [String] = []
        for detail in f.flatMap(\.missingDetails).map(\.detail) where !missing.contains(detail) {
            missing.append(detail)
        }
        cells += [
            text(populations.joined(separator: "; ")),
            String(f.filter { $0.confirmation == .pendingSecondTest }.count),
            text(missing.joined(separator: "; ")),
        ]
        return cells
    }

    static func number(_ value: Double, digits: Int) -> String { Formatting.fixed(value, digits: digits) }

    /// A text cell: neutralised if it could be read as a formula, quoted if it needs to be.
    public static func text(_ raw: String) -> String {
        var value = raw
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingQuotes + "\""
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var out = ""
        for ch in self {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out
    }
}
