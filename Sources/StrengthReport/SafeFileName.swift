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

    /// Distinct names for a list: a repeated name gets `-2`, `-3`… Uniqueness is checked against
    /// every name already chosen, ignoring case (`X`, `x` and `x-2` give `x`, `x-2`, `x-2-2`), since
    /// some file systems do not tell `X` from `x`.
    public static func unique(_ names: [String]) -> [String] {
        var taken = Set<String>()
        var lastSuffix: [String: Int] = [:]
        return names.map { name in
            var candidate = name
            var suffix = lastSuffix[name] ?? 1
            while taken.contains(candidate.lowercased()) {
                suffix += 1
                candidate = "\(name)-\(suffix)"
            }
            lastSuffix[name] = suffix
            taken.insert(candidate.lowercased())
            return candidate
        }
    }
}

extension ScreeningReport {
    /// The report cut into one report per athlete, in athlete order. Each keeps the batch's row
    /// accounting but only the diagnostics about its own athlete's rows (and those about whole
    /// files), so no athlete's file names another athlete.
    public var perAthlete: [(athlete: String, name: String, report: ScreeningReport)] {
        var order: [String] = []
        var groups: [String: [Entry]] = [:]
        for entry in entries {
            let id = entry.assessment.athlete
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(entry)
        }
        // One pass over the diagnostics, not one per athlete: a squad's file can carry thousands.
        var ownIndices: [String: [Int]] = [:]
        var wholeFileIndices: [Int] = []
        for (index, diagnostic) in importSummary.diagnostics.enumerated() {
            if let athlete = diagnostic.athlete {
                ownIndices[athlete, default: []].append(index)
            } else if diagnostic.line == nil {
                wholeFileIndices.append(index)
            }
        }
        return order.map { id in
            let entries = groups[id]!
            var own = importSummary
            own.diagnostics = Self.merged(ownIndices[id] ?? [], wholeFileIndices).map { importSummary.diagnostics[$0] }
            own.unlistedDiagnostics = 0
            var part = ScreeningReport(
                generator: generator, profileName: profileName, importSummary: own, entries: entries, today: today)
            part.clinic = clinic
            return (id, entries[0].assessment.displayName, part)
        }
    }

    /// Two ascending index lists as one, so each athlete's diagnostics keep the batch's order.
    static func merged(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
