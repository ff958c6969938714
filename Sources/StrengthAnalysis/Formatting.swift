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
    public static func capitalized(_ word: String) -> String {
        // The words sentences start with most, without making three strings each time.
        switch word {
        case "left": "Left"
        case "right": "Right"
        case "hamstrings": "Hamstrings"
        case "quadriceps": "Quadriceps"
        default: word.prefix(1).uppercased() + word.dropFirst()
        }
    }

    /// Fixed-point without Foundation's locale-dependent formatters.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite, (0...9).contains(digits) else { return "\(value)" }
        // Written as bytes on the stack: a report formats millions of numbers, and building each from
        // three smaller strings was a tenth of the CSV summary's time.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { bytes in
            let end = writeFixed(value, digits: digits, into: bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
    }

    /// `fixed(value, digits:)` appended to UTF-8 bytes, for writers that build bytes (the CSV summary's
    /// rows) and need no string of each number.
    public static func appendFixed(_ value: Double, digits: Int, to output: inout [UInt8]) {
        guard value.isFinite, (0...9).contains(digits) else {
            output.append(contentsOf: "\(value)".utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { bytes in
            let end = writeFixed(value, digits: digits, into: bytes)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    /// Writes a finite `value` with 0–9 `digits` into `bytes` (48 are enough); returns the length.
    private static func writeFixed(_ value: Double, digits: Int, into bytes: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(saturating: scaled / scale)
        let fraction = Int(saturating: scaled - Double(whole) * scale)
        let negative = value < 0 && scaled != 0
        var end = 0
        if negative {
            bytes[0] = UInt8(ascii: "-")
            end = 1
        }
        end = decimal(UInt(whole), into: bytes, at: end, width: 1)
        if digits > 0 {
            bytes[end] = UInt8(ascii: ".")
            end = decimal(UInt(max(0, fraction)), into: bytes, at: end + 1, width: digits)
        }
        return end
    }

    /// Writes `value` in decimal, zero-padded to `width`, and returns the index after it.
    private static func decimal(_ value: UInt, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int, width: Int)
        -> Int
    {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        count = max(count, width)
        var remaining = value
        for i in stride(from: start + count - 1, through: start, by: -1) {
            bytes[i] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return start + count
    }
}
