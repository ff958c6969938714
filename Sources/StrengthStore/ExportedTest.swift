import StrengthModel

/// One stored test with its day's details, as `export` writes it: the generic long layout, one row
/// per test, each athlete's tests by day, test and trial, so importing the file gives the same tests
/// with the same trial numbers. Values are in the unit their file used; session details repeat on
/// every row, as that layout reads them.
public struct ExportedTest {
    /// The generic long layout's header as `export` writes it; `import` reads every column back.
    public static let columns = [
        "athlete_id", "name", "date", "sex", "age", "body_mass_kg", "sport", "involved_side", "acl_reconstruction",
        "side", "muscle", "contraction", "velocity_deg_s", "angle", "position", "device", "gravity_corrected",
        "machine", "training_log", "set_type", "reps", "value", "unit",
    ]

    var athlete: String
    var name: String?
    var date: String
    var sex: String?
    var age: Int?
    var bodyMassKg: Double?
    var sport: String?
    var involvedSide: String?
    var aclReconstruction: Bool?
    var side: String?
    var muscle: String
    var contraction: String
    var velocity: Double?
    var angle: Double?
    var position: String?
    var method: String
    var gravityCorrected: Bool?
    var machine: String?
    var trainingLog: Bool
    var warmUp: Bool
    var dropSet: Bool
    var repetitions: Int?
    var valueSI: Double
    var sourceUnit: String

    /// The test as a line of that layout.
    var line: String {
        func text(_ value: String?) -> String { Self.csvCell(value ?? "") }
        func number(_ value: Double?) -> String { value.map(Self.plain) ?? "" }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }
        let unit = MeasurementUnit(rawValue: sourceUnit) ?? .newtonMetre
        let cells = [
            text(athlete), text(name), text(date), text(sex), age.map(String.init) ?? "", number(bodyMassKg),
            text(sport), text(involvedSide), flag(aclReconstruction),
            // Both legs together (a gym machine) is a value of its own in that layout.
            side ?? "both", text(muscle), text(contraction), number(velocity), number(angle), text(position),
            method == TestMethod.unspecified.rawValue ? "" : method, flag(gravityCorrected), text(machine),
            trainingLog ? "yes" : "no", warmUp ? "warm-up" : dropSet ? "drop set" : "normal",
            repetitions.map(String.init) ?? "", Self.plain(valueSI / unit.toSI), unit.rawValue,
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
