/// Parses decimal numbers straight from field bytes.
///
/// Accepts an optional sign, digits, one decimal mark (the file's: `.` or `,`) and an optional
/// exponent. Anything else — thousands separators, units, a second mark — is not a number, so a
/// value is never half-read.
enum NumberParser {
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func parse(_ field: UnsafeRawBufferPointer, decimalMark: DecimalMark) -> Double? {
        let bytes = field.trimmed
        let n = bytes.count
        guard n > 0 else { return nil }
        let mark = decimalMark == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significantDigits = 0
        var fractionDigits = 0
        var seenMark = false
        var truncated = false
        while i < n {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
                if mantissa == 0 && c == 0x30 {
                    if seenMark { fractionDigits += 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                    significantDigits += 1
                    if seenMark { fractionDigits += 1 }
                } else {
                    truncated = true
                    if !seenMark { fractionDigits -= 1 }
                }
            } else if c == mark && !seenMark {
                seenMark = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        var exponent = -fractionDigits
        if i < n {
            guard bytes[i] | 0x20 == UInt8(ascii: "e") else { return nil }
            i += 1
            var expNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var expValue = 0
            var expDigits = 0
            while i < n, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                if expValue < 10_000 { expValue = expValue * 10 + Int(bytes[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0, i == n else { return nil }
            exponent += expNegative ? -expValue : expValue
        }
        // The classic fast path: both operands exact, so one IEEE operation rounds correctly.
        if !truncated && mantissa < (1 << 53) && abs(exponent) <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * exactPowersOfTen[exponent] : m / exactPowersOfTen[-exponent]
            return negative ? -value : value
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if decimalMark == .comma { text = String(text.map { $0 == "," ? "." : $0 }) }
        // A number too large for a Double is a broken cell, not infinity.
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
