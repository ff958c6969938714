import StrengthAnalysis
import StrengthModel

/// What every format says about a training log: the window an assessment covers, which workouts
/// the 1RMs came from, the trend over the windows, and how to get a ratio when a log gives none.
public enum TrainingLogText {
    /// `training log 2026-04-03 – 2026-04-30, 8 workouts with knee work`.
    public static func window(_ a: Assessment) -> String? {
        guard let window = a.window else { return nil }
        let count = a.workouts.count
        return "training log \(window.start) – \(window.end), \(count) workout\(count == 1 ? "" : "s") with knee work"
    }

    /// `lying leg curl: best set 30 kg × 8 on 2026-04-27; leg extension: best set 62.5 kg × 8 on 2026-04-30`.
    public static func sources(_ f: Finding) -> String? {
        guard f.measure == .machine1RMHQ, f.measurements.count == 2 else { return nil }
        return [(f.exercise ?? "leg curl", f.measurements[0]), ("leg extension", f.measurements[1])].map {
            name, set in
            let load = set.valueInSourceUnit
            let shown = Formatting.fixed(load, digits: load.rounded() == load ? 0 : 1)
            return "\(name): best set \(shown) \(set.sourceUnit.rawValue) × \(set.repetitions ?? 1) on \(set.date)"
        }.joined(separator: "; ")
    }

    /// One row of the runner's trend: a window's machine ratio and the two 1RMs behind it.
    public struct TrendRow: Sendable, Equatable {
        public var period: String
        public var machine: String
        public var curl: Double
        public var legExtension: Double
        public var ratio: Double
        public var band: Band
        /// The curl machine differs from the row before: a new trend line starts here.
        public var machineChanged: Bool
    }

    /// The machine-ratio trend of an athlete over their assessments (oldest first); empty when there
    /// are fewer than two to compare.
    public static func trend(_ history: [Assessment]) -> [TrendRow] {
        var rows: [TrendRow] = []
        for a in history {
            guard let f = a.findings.first(where: { $0.measure == .machine1RMHQ }), f.inputs.count == 2 else {
                continue
            }
            let period = a.window.map { "\($0.start) – \($0.end)" } ?? a.date.description
            let machine = f.exercise ?? "leg curl"
            rows.append(
                TrendRow(
                    period: period, machine: machine, curl: f.inputs[0].value, legExtension: f.inputs[1].value,
                    ratio: f.value, band: f.band, machineChanged: rows.last.map { $0.machine != machine } ?? false))
        }
        return rows.count >= 2 ? rows : []
    }

    /// Plain lines of the trend table for text and Markdown.
    public static func trendLines(_ rows: [TrendRow]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let periodWidth = rows.map(\.period.count).max()!
        let machineWidth = max(12, rows.map(\.machine.count).max()!)
        var lines = [
            "\(pad("window", periodWidth))  \(pad("curl machine", machineWidth))  curl 1RM   extension 1RM  ratio"
        ]
        for row in rows {
            lines.append(
                "\(pad(row.period, periodWidth))  \(pad(row.machine, machineWidth))  "
                    + "\(pad(Formatting.fixed(row.curl, digits: 1) + " kg", 9))  "
                    + "\(pad(Formatting.fixed(row.legExtension, digits: 1) + " kg", 13))  \(Formatting.ratio(row.ratio))"
                    + (row.machineChanged ? "  ← new machine: a new trend line" : ""))
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// For gym-log files that gave no leg curl or leg extension at all: exactly what to do.
    public static func guidance(_ summary: ImportSummary) -> [String] {
        summary.files.filter { $0.measurements == 0 && !$0.exercisesNotUsed.isEmpty }.map { file in
            let listed = file.exercisesNotUsed.prefix(5).map { "\($0.name) (\($0.sets) set\($0.sets == 1 ? "" : "s"))" }
                .joined(separator: ", ")
            let candidate = file.exercisesNotUsed.first { exercise in
                let name = exercise.name.lowercased()
                return ["curl", "ham", "flex", "extens", "quad", "knee"].contains { name.contains($0) }
            }
            let mapping =
                candidate.map {
                    "If \($0.name) is a leg curl or a leg extension, say so: --exercise '\($0.name)=leg-curl' (or =leg-extension)."
                }
                ?? "If one of these is a leg curl or a leg extension under another name, say so: --exercise 'NAME=leg-curl' (or =leg-extension)."
            return "\(file.path) has no leg curl or leg extension sets (it has \(listed)), so no hamstrings:quadriceps "
                + "ratio can be worked out. To get one, do a 5–10 repetition maximum on the leg curl and the leg "
                + "extension machines in the same week, and log both. \(mapping)"
        }
    }
}
