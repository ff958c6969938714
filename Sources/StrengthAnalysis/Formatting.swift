import StrengthModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number formats shared by the words of findings and by the renderers.
public enum Formatting {
    /// `0.55` — ratios to two decimals, as the literature gives them.
    public static func ratio(_ value: Double) -> String { fixed(value, digits: 2) }

    /// `55%`
    public static func percent(_ fraction: Double) -> String { "\(Int(saturating: (fraction * 100).rounded()))%" }

    /// `60°/s`, `12.5°/s`
    public static func velocity(_ degreesPerSecond: Double) -> String {
        let rounded = degreesPerSecond.rounded()
        return abs(rounded - degreesPerSecond) < 1e-9
            ? "\(Int(saturating: rounded))°/s" : "\(fixed(degreesPerSecond, digits: 1))°/s"
    }

    /// `left` → `Left`.
    public static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// Fixed-point without Foundation's locale-dependent formatters.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(saturating: scaled / scale)
        let fraction = Int(saturating: scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fractionText.count))\(fractionText)"
    }
}
