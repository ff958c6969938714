/// Text from input files (names, ids, sports, file names, cells quoted in messages) made safe to
/// print: control characters could retitle or clear a terminal, or forge whole lines with a newline;
/// bidirectional overrides could reverse what a reader sees. They are shown as escapes instead
/// (`\x1b`, `\n`, `\u202e`), so the text stays visible and on one line.
public enum TerminalSafe {
    public static func escape(_ text: String) -> String {
        // Nearly every name is printable ASCII or ordinary letters: return it untouched.
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" : "") + hex : "\\u" + hex
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and overrides
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }
}
