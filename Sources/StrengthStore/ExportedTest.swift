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
        Self.dayCells(
            athlete: athlete, name: name, date: date, sex: sex, age: age, bodyMassKg: bodyMassKg, sport: sport,
            involvedSide: involvedSide, aclReconstruction: aclReconstruction)
            + Self.testCells(
                side: side, muscle: muscle, contraction: contraction, velocity: velocity, angle: angle,
                position: position, method: method, gravityCorrected: gravityCorrected, machine: machine,
                trainingLog: trainingLog, warmUp: warmUp, dropSet: dropSet, repetitions: repetitions,
                valueSI: valueSI, sourceUnit: sourceUnit)
    }

    /// `athlete_id` … `acl_reconstruction` and the comma after them: the same for every test of a day,
    /// so an export writes them once a day.
    static func dayCells(
        athlete: String, name: String?, date: String, sex: String?, age: Int?, bodyMassKg: Double?, sport: String?,
        involvedSide: String?, aclReconstruction: Bool?
    ) -> String {
        var line = ""
        for cell in [
            csvCell(athlete), csvCell(name ?? ""), csvCell(date), csvCell(sex ?? ""), age.map(String.init) ?? "",
            bodyMassKg.map(plain) ?? "", csvCell(sport ?? ""), csvCell(involvedSide ?? ""), flag(aclReconstruction),
        ] {
            line += cell
            line += ","
        }
        return line
    }

    /// `side` … `unit`, to the end of the line.
    static func testCells(
        side: String?, muscle: String, contraction: String, velocity: Double?, angle: Double?, position: String?,
        method: String, gravityCorrected: Bool?, machine: String?, trainingLog: Bool, warmUp: Bool, dropSet: Bool,
        repetitions: Int?, valueSI: Double, sourceUnit: String
    ) -> String {
        let unit = MeasurementUnit(rawValue: sourceUnit) ?? .newtonMetre
        var line = ""
        line.reserveCapacity(96)
        // Both legs together (a gym machine) is a value of its own in that layout.
        for cell in [
            side ?? "both", csvCell(muscle), csvCell(contraction), velocity.map(plain) ?? "", angle.map(plain) ?? "",
            csvCell(position ?? ""), method == TestMethod.unspecified.rawValue ? "" : method, flag(gravityCorrected),
            csvCell(machine ?? ""), trainingLog ? "yes" : "no", warmUp ? "warm-up" : dropSet ? "drop set" : "normal",
            repetitions.map(String.init) ?? "", plain(valueSI / unit.toSI),
        ] {
            line += cell
            line += ","
        }
        line += unit.rawValue
        line += "\r\n"
        return line
    }

    private static func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

    /// Shortest decimal that reads back as the same number, without an exponent or a trailing `.0`.
    static func plain(_ value: Double) -> String {
        var text = value.description
        // On the bytes: `contains("e")` went through Foundation's locale-aware search for every value.
        if let e = text.utf8.firstIndex(of: UInt8(ascii: "e")), let exponent = Int(text[text.index(after: e)...]) {
            text = expanded(String(text[..<e]), exponent: exponent)
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `mantissa` × 10^`exponent` written out: "1.5", -7 is "0.00000015".
    private static func expanded(_ mantissa: String, exponent: Int) -> String {
        let negative = mantissa.hasPrefix("-")
        let parts = mantissa.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        let digits = String(whole) + (parts.count > 1 ? String(parts[1]) : "")
        let point = whole.count + exponent
        let text =
            point <= 0
            ? "0." + String(repeating: "0", count: -point) + digits
            : point >= digits.count
                ? digits + String(repeating: "0", count: point - digits.count)
                : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        return (negative ? "-" : "") + text
    }

    /// RFC 4180 quoting where needed, and text that starts like a formula (= + - @) prefixed with an
    /// apostrophe, so a spreadsheet shows it rather than runs it (such a name comes back with it).
    static func csvCell(_ raw: String) -> String {
        // Checked on the bytes: most cells (ids, dates, words of the layout) need neither.
        guard let first = raw.utf8.first else { return raw }
        let formula = "=+-@\t\r".utf8.contains(first)
        var text = formula ? "'" + raw : raw
        guard
            raw.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            )
        else { return text }
        text = text.replacingOccurrences(of: "\"", with: "\"\"")
        return "\"" + text + "\""
    }
}
