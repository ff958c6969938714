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

    /// `value` to `digits` decimals, or to as many more (up to three) as it takes for the shown
    /// number to sit on the same side of every cut-off as the value: 0.5998 against 0.60 shows as
    /// 0.5998, 14.73% against 15% as 14.7%, 9.67% against 10% as 9.7%.
    public static func banded(_ value: Double, digits: Int, cutoffs: [Double]) -> String {
        var places = digits
        while places < digits + 3 {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let shown = (value * scale).rounded() / scale
            if cutoffs.allSatisfy({ (shown < $0) == (value < $0) }) { break }
            places += 1
        }
        return fixed(value, digits: places)
    }

    /// A ratio as people read it next to its cut-off: `0.52`, or `0.5998` when 0.60 would mislead.
    public static func ratio(_ value: Double, cutoffs: [Double]) -> String {
        banded(value, digits: 2, cutoffs: cutoffs)
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
