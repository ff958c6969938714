import StrengthModel

/// One header cell, taken apart the way people write headers: `Peak Torque (N·m)`,
/// `ham_right_con_180 [Nm]`, `Body mass (kg)`.
public struct HeaderColumn: Sendable, Hashable {
    /// 0-based position in the row.
    public let index: Int
    /// The cell as written.
    public let text: String
    /// Lower-case letters and digits outside brackets, run together: `peaktorque`.
    public let key: String
    /// Lower-case words and numbers outside brackets: `["ham", "right", "con", "180"]`.
    public let tokens: [String]
    /// Text inside `(...)` or `[...]`, in order: `["N·m"]`.
    public let bracketed: [String]

    public init(index: Int, text: String) {
        self.index = index
        self.text = text
        var outside = ""
        var inside: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            switch ch {
            case "(", "[":
                if depth == 0 { current = "" } else { current.append(ch) }
                depth += 1
            case ")", "]":
                if depth > 0 {
                    depth -= 1
                    if depth == 0 {
                        inside.append(current.trimmingSpaces)
                        outside.append(" ")
                    } else {
                        current.append(ch)
                    }
                } else {
                    outside.append(" ")
                }
            default:
                if depth > 0 { current.append(ch) } else { outside.append(ch) }
            }
        }
        if depth > 0 { outside += current }
        bracketed = inside
        let lowered = outside.lowercased()
        key = String(lowered.unicodeScalars.filter(HeaderColumn.isWordScalar).map(Character.init))
        tokens = HeaderColumn.split(lowered)
    }

    /// A unit written in brackets or as the last word (`Torque Nm`, `Quad_L_60_ftlb`).
    public var unit: MeasurementUnit? {
        for text in bracketed.reversed() {
            if let unit = MeasurementUnit(spelling: text) { return unit }
        }
        if let last = tokens.last, tokens.count > 1 { return MeasurementUnit(spelling: last) }
        return nil
    }

    /// Key without a trailing unit word, so `weightkg` and `torquenm` match their aliases.
    public var keyWithoutUnitWord: String {
        guard tokens.count > 1, let last = tokens.last, MeasurementUnit(spelling: last) != nil else { return key }
        return tokens.dropLast().joined()
    }

    /// Key without trailing words that spell degrees per second (`deg s`, `dps`, `degrees per second`),
    /// or nil when the header does not end in one.
    public var keyWithoutSpeedUnit: String? {
        let speedUnits: [[String]] = [
            ["deg", "s"], ["deg", "sec"], ["degs"], ["dps"], ["degrees", "per", "second"], ["degrees", "s"],
            ["deg", "per", "s"], ["deg", "per", "sec"], ["d", "s"],
        ]
        for unit in speedUnits where tokens.count > unit.count && Array(tokens.suffix(unit.count)) == unit {
            return tokens.dropLast(unit.count).joined()
        }
        return nil
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s.properties.isAlphabetic
    }

    /// Splits on anything that is not a letter or digit, and between digits and letters, so that
    /// `60deg` gives `60`, `deg`.
    static func split(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for scalar in text.unicodeScalars {
            let isDigit = scalar >= "0" && scalar <= "9"
            let isWord = isWordScalar(scalar)
            if !isWord {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            if !current.isEmpty && isDigit != currentIsDigit {
                tokens.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
            currentIsDigit = isDigit
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

extension String {
    var trimmingSpaces: String {
        // Most cells have no surrounding space; skip the Unicode-aware scan for them.
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
