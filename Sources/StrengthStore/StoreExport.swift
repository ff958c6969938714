import GRDB
import StrengthModel

extension Store {
    /// The generic long layout's header as `export` writes it; `import` reads every column back.
    public static let exportColumns = [
        "athlete_id", "name", "date", "sex", "age", "body_mass_kg", "sport", "involved_side", "acl_reconstruction",
        "side", "muscle", "contraction", "velocity_deg_s", "angle", "position", "device", "gravity_corrected",
        "machine", "training_log", "set_type", "reps", "value", "unit",
    ]

    /// The stored tests (of one athlete or squad when asked) in the generic long layout, one row per
    /// test, each athlete's tests by day, test and trial, so importing the file gives the same tests
    /// with the same trial numbers. Values are in the unit their file used; session details repeat
    /// on every row, as that layout reads them.
    public func export(athlete: String? = nil, squad: String? = nil, to emit: (String) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: [String] = []
        if let athlete {
            conditions.append("m.athlete = ?")
            arguments.append(athlete)
        }
        if let squad {
            conditions.append("a.squad = ?")
            arguments.append(squad)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        try emit(Self.exportColumns.joined(separator: ",") + "\r\n")
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.*, a.name AS athleteName, s.name AS sessionName, s.sex, s.age, s.bodyMassKg, s.sport,
                    s.involvedSide, s.aclReconstruction
                    FROM measurement m JOIN athlete a ON a.id = m.athlete
                    LEFT JOIN session s ON s.athlete = m.athlete AND s.date = m.date
                    \(filter) ORDER BY m.athlete, m.date, m.protocol, m.trial
                    """, arguments: StatementArguments(arguments))
            var batch = ""
            while let row = try rows.next() {
                batch += Self.exportLine(row)
                if batch.utf8.count >= 1 << 20 {
                    try emit(batch)
                    batch = ""
                }
            }
            try emit(batch)
        }
    }

    static func exportLine(_ row: Row) -> String {
        func text(_ column: String) -> String { csvCell((row[column] as String?) ?? "") }
        func number(_ column: String) -> String { (row[column] as Double?).map(plain) ?? "" }
        func flag(_ column: String) -> String { (row[column] as Bool?).map { $0 ? "yes" : "no" } ?? "" }
        let unit = MeasurementUnit(rawValue: row["sourceUnit"]) ?? .newtonMetre
        let valueSI: Double = row["valueSI"]
        let warmUp: Bool = row["warmUp"]
        let dropSet: Bool = row["dropSet"]
        let trainingLog: Bool = row["trainingLog"]
        let method: String = row["method"]
        let cells = [
            text("athlete"), csvCell((row["sessionName"] as String?) ?? (row["athleteName"] as String?) ?? ""),
            text("date"), text("sex"), (row["age"] as Int?).map(String.init) ?? "", number("bodyMassKg"),
            text("sport"), text("involvedSide"), flag("aclReconstruction"),
            // Both legs together (a gym machine) is a value of its own in that layout.
            (row["side"] as String?) ?? "both", text("muscle"),
            text("contraction"), number("velocity"), number("angle"), text("position"),
            method == TestMethod.unspecified.rawValue ? "" : method, flag("gravityCorrected"), text("machine"),
            trainingLog ? "yes" : "no", warmUp ? "warm-up" : dropSet ? "drop set" : "normal",
            (row["repetitions"] as Int?).map(String.init) ?? "", plain(valueSI / unit.toSI), unit.rawValue,
        ]
        return cells.joined(separator: ",") + "\r\n"
    }

    /// Shortest decimal that reads back as the same number, without an exponent or a trailing `.0`.
    static func plain(_ value: Double) -> String {
        var text = value.description
        if text.contains("e") { text = String(format: "%.17g", value) }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// RFC 4180 quoting where needed, and text that starts like a formula (= + - @) prefixed with an
    /// apostrophe, so a spreadsheet shows it rather than runs it (such a name comes back with it).
    static func csvCell(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
