#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Helpers over the raw bytes of one CSV field, so the hot path needs no `String` per field.
extension UnsafeRawBufferPointer {
    /// The field with ASCII spaces and tabs removed at both ends.
    @inlinable
    var trimmed: UnsafeRawBufferPointer {
        guard let base = baseAddress, count > 0 else { return self }
        var start = 0
        var end = count
        while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
        while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    /// True for cells that mean "no value": empty, `NA`, `N/A`, `-`, `--`, `null`, `none`, `—`.
    @inlinable
    var isMissingValue: Bool {
        let t = trimmed
        switch t.count {
        case 0: return true
        case 1: return t[0] == UInt8(ascii: "-")
        case 2:
            return (t[0] | 0x20 == UInt8(ascii: "n") && t[1] | 0x20 == UInt8(ascii: "a"))
                || (t[0] == UInt8(ascii: "-") && t[1] == UInt8(ascii: "-"))
        default:
            // Numbers are the common case: a digit or decimal mark up front settles it.
            guard t.count <= 4, !(t[0] >= 0x30 && t[0] <= 0x39), t[0] != UInt8(ascii: "."), t[0] != UInt8(ascii: ",")
            else { return false }
            let text = String(decoding: t, as: UTF8.self).lowercased()
            return text == "n/a" || text == "null" || text == "none" || text == "nan" || text == "—"
        }
    }

    func elementsEqual(_ other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return other.withUnsafeBytes { o in
            guard let a = baseAddress, let b = o.baseAddress else { return true }
            // Ids and dates are short; a byte loop beats a call into memcmp for them.
            if count <= 16 {
                for i in 0..<count
                where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
                    return false
                }
                return true
            }
            return memcmp(a, b, count) == 0
        }
    }

    /// The field as text, or nil when it is not valid UTF-8.
    var validatedString: String? {
        String(validating: self.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }
}
