/// File names from athlete names: lower-case ASCII letters, digits and hyphens, so a name such as
/// `../Zoë O'Brien` can never leave the output folder or upset a file system.
public enum SafeFileName {
    public static func make(_ parts: [String], fallback: String = "athlete") -> String {
        var out = ""
        for scalar in parts.joined(separator: "-").lowercased().unicodeScalars {
            let folded = fold(scalar)
            for c in folded.unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    out.unicodeScalars.append(c)
                } else if !out.hasSuffix("-") && !out.isEmpty {
                    out.append("-")
                }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 60 { out = String(out.prefix(60)) }
        return out.isEmpty ? fallback : out
    }

    /// Common accented letters to their base letter, so `Zoë` becomes `zoe` rather than `zo`.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        let table: [Character: String] = [
            "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "æ": "ae", "ç": "c", "è": "e", "é": "e",
            "ê": "e",
            "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "ö": "o",
            "õ": "o",
            "ø": "o", "œ": "oe", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ß": "ss",
        ]
        return table[Character(scalar)] ?? String(scalar)
    }

    /// Distinct names for a list: a repeated name gets `-2`, `-3`…
    public static func unique(_ names: [String]) -> [String] {
        var used: [String: Int] = [:]
        return names.map { name in
            let count = (used[name] ?? 0) + 1
            used[name] = count
            return count == 1 ? name : "\(name)-\(count)"
        }
    }
}

extension ScreeningReport {
    /// The report cut into one report per athlete, in athlete order.
    public var perAthlete: [(athlete: String, name: String, report: ScreeningReport)] {
        var order: [String] = []
        var groups: [String: [Entry]] = [:]
        for entry in entries {
            let id = entry.assessment.athlete
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(entry)
        }
        return order.map { id in
            let entries = groups[id]!
            return (
                id, entries[0].assessment.displayName,
                ScreeningReport(
                    generator: generator, profileName: profileName, importSummary: importSummary, entries: entries)
            )
        }
    }
}
