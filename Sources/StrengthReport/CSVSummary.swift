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
        var out: [UInt8] = []
        write(report, byteOrderMark: byteOrderMark, bytes: { out += $0 })
        return String(decoding: out, as: UTF8.self)
    }

    /// The CSV handed to `emit` as UTF-8 bytes, athlete by athlete (rendered on every core, in order):
    /// the cells are strings already, so the rows are not made a string, and checked again, on the way
    /// out.
    public static func write(
        _ report: ScreeningReport, byteOrderMark: Bool = true, bytes emit: ([UInt8]) throws -> Void
    ) rethrows {
        try emit(Array(((byteOrderMark ? Self.byteOrderMark : "") + columns.joined(separator: ",") + "\r\n").utf8))
        guard let squad = report.squad else {
            return try OrderedParallel.forEach(report.athleteEntries, rows, consume: emit)
        }
        try OrderedParallel.forEach(0..<squad.athleteCount, { squad.rendered(ofAthlete: $0, rows) }, consume: emit)
    }

    /// One athlete's rows, oldest first, as UTF-8; the last test date's rows are the latest.
    @Sendable static func rows(_ entries: [ScreeningReport.Entry]) -> [UInt8] {
        var line = RowWriter()
        // A row is about 300 bytes: room for them all at once, not a dozen regrowths per athlete.
        line.bytes.reserveCapacity(400 * entries.count)
        let latest = entries.last?.assessment.date
        var previous: ScreeningReport.Entry?
        for entry in entries {
            row(entry, into: &line)
            history(entry, previous: previous, isLatest: entry.assessment.date == latest, into: &line)
            line.endRow()
            previous = entry
        }
        return line.bytes
    }

    /// Cells appended as bytes to one buffer per athlete, written out as they are: a row was 40 strings
    /// in an array, then joined; then 40 appends to a string, each checking its storage (a fifth of a
    /// row).
    struct RowWriter {
        var bytes: [UInt8] = []
        private var rowStarted = false

        mutating func cell(_ value: String) {
            if rowStarted { bytes.append(UInt8(ascii: ",")) }
            var value = value
            value.withUTF8 { bytes.append(contentsOf: $0) }
            rowStarted = true
        }

        /// Cells that repeat across the squad's rows, kept per thread.
        private let repeated = RepeatedCells.ofThisThread

        /// The list columns, each remembered in its own slot (a key path to each was looked up through
        /// the runtime on every row).
        enum List: Int, CaseIterable {
            case sources, populations, missing
        }

        /// A list as one text cell, `; ` between items.
        mutating func listCell(_ items: [String], as list: List) {
            cell(repeated.list(items, as: list))
        }

        /// A number cell, written straight into the row: most cells of a row are numbers.
        mutating func number(_ value: Double?, digits: Int) {
            if rowStarted { bytes.append(UInt8(ascii: ",")) }
            rowStarted = true
            guard let value else { return }
            Formatting.appendFixed(value, digits: digits, to: &bytes)
        }

        /// The label of a difference (`FindingText.label`) as a text cell.
        mutating func labelCell(_ finding: Finding) {
            cell(repeated.label(finding))
        }

        mutating func endRow() {
            bytes.append(0x0D)
            bytes.append(0x0A)
            rowStarted = false
        }
    }

    /// `latest` … `age`: where the row stands in the athlete's history, and who they are.
    static func history(
        _ entry: ScreeningReport.Entry, previous: ScreeningReport.Entry?, isLatest: Bool, into line: inout RowWriter
    ) {
        let a = entry.assessment
        let deciding = ScreeningReport.TeamRow.deciding(a).flatMap { $0.band == .red || $0.band == .amber ? $0 : nil }
        line.cell(isLatest ? "true" : "false")
        line.cell(previous?.assessment.worstBand?.rawValue ?? "")
        line.number(deciding?.change?.sincePrevious, digits: 4)
        line.cell(text(a.info?.sport ?? ""))
        line.cell(a.info?.involvedSide?.rawValue ?? "")
        line.cell(a.info?.age.map(String.init) ?? "")
    }

    static func row(_ entry: ScreeningReport.Entry, into line: inout RowWriter) {
        let a = entry.assessment
        let f = a.findings
        // The value columns, hq_60_left … nordic_right_n, each the first finding that fits it, found
        // in one pass over the findings rather than one per column; on the stack, where an array was an
        // allocation a row.
        var values = InlineArray<15, Double?>(repeating: nil)
        var red = 0
        var amber = 0
        var pending = 0
        var asymmetryIndex: Int?
        var croisierIndex: Int?
        var populations: [String] = []
        populations.reserveCapacity(4)
        var missing: [String] = []
        var lastDetails: [MissingDetail] = []
        // By index: `for finding in` retains and releases every finding it passes.
        for i in f.indices {
            if let column = valueColumn(f[i]), values[column] == nil { values[column] = f[i].value }
            let band = f[i].band
            switch band {
            case .red: red += 1
            case .amber: amber += 1
            default: break
            }
            if f[i].confirmation == .pendingSecondTest { pending += 1 }
            let measure = f[i].measure
            if measure == .asymmetry, asymmetryIndex.map({ f[$0].value < f[i].value }) ?? true { asymmetryIndex = i }
            if measure == .croisierComposite, croisierIndex == nil { croisierIndex = i }
            if band != .info, let population = f[i].cutoffPopulation, !populations.contains(population) {
                populations.append(population)
            }
            // A session's between-leg differences mostly lack the same details: each list read once.
            if f[i].hasMissingDetails {
                let details = f[i].missingDetails
                if details != lastDetails {
                    for detail in details where !missing.contains(detail.detail) { missing.append(detail.detail) }
                    lastDetails = details
                }
            }
        }
        let (asymmetry, croisier) = (asymmetryIndex.map { f[$0] }, croisierIndex.map { f[$0] })
        let stage = entry.program.exercises.first.map { $0.progression[$0.startStage] } ?? ""
        line.cell(text(a.athlete))
        line.cell(text(a.info?.name ?? ""))
        line.cell(a.date.description)
        line.cell(a.info?.sex?.rawValue ?? "")
        line.number(a.info?.bodyMassKg, digits: 1)
        line.cell(a.worstBand?.rawValue ?? "")
        line.cell(String(red))
        line.cell(String(amber))
        for column in values.indices { line.number(values[column], digits: column >= 13 ? 1 : 4) }
        line.number(asymmetry?.value, digits: 1)
        if let asymmetry { line.labelCell(asymmetry) } else { line.cell("") }
        line.cell(asymmetry?.weakerSide?.rawValue ?? entry.program.weakerSide?.rawValue ?? "")
        line.cell(croisier.map { String(Int(saturating: $0.value)) } ?? "")
        line.cell(entry.program.emphasis)
        line.cell(text(stage))
        line.cell(a.date.adding(days: entry.program.retestWeeks * 7).description)
        line.listCell(FindingText.sources(a), as: .sources)
        line.listCell(populations, as: .populations)
        line.cell(String(pending))
        line.listCell(missing, as: .missing)
    }

    /// Which of the 15 value columns a finding can fill: Hcon/Qcon left and right at 60, 180, 240 and
    /// 300°/s, then the mixed functional ratio, the isometric ratio, the machine ratio (both legs) and
    /// the Nordic force, left and right.
    private static func valueColumn(_ f: Finding) -> Int? {
        let side = f.side.map { $0 == .left ? 0 : 1 }
        switch f.measure {
        case .conventionalHQ:
            guard let side else { return nil }
            switch f.velocity {
            case 60: return side
            case 180: return 2 + side
            case 240: return 4 + side
            case 300: return 6 + side
            default: return nil
            }
        case .functionalHQ: return f.velocity == nil ? side.map { 8 + $0 } : nil
        case .isometricHQ: return side.map { 10 + $0 }
        case .machine1RMHQ: return side == nil ? 12 : nil
        case .nordicForce: return side.map { 13 + $0 }
        default: return nil
        }
    }

    /// A text cell: neutralised if it could be read as a formula, quoted if it needs to be.
    public static func text(_ raw: String) -> String {
        // Most cells (ids, dates, names) need neither: checked on the bytes, not the characters.
        let utf8 = raw.utf8
        guard let first = utf8.first else { return raw }
        let formula =
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        var quotes = false
        var needsQuotes = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): quotes = true
            case UInt8(ascii: ","), 0x0A, 0x0D: needsQuotes = true
            default: continue
            }
        }
        let value = formula ? "'" + raw : raw
        guard needsQuotes || quotes else { return value }
        // String.replacing is generic over collections and was a twentieth of a squad summary's time.
        guard quotes else { return "\"" + value + "\"" }
        var quoted = [UInt8(ascii: "\"")]
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
