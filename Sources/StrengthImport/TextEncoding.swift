/// The character encodings HQScreen reads. Anything else is refused with a message, never guessed.
enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// Converts Windows-1252 (a superset of printable Latin-1) to UTF-8, byte by byte, so the rest
/// of the importer only ever sees UTF-8.
enum Windows1252 {
    /// Code points for 0x80...0x9F; the five bytes Windows-1252 leaves undefined map to the C1
    /// controls, as Latin-1 does.
    private static let highControlRange: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(input.count + input.count / 8)
        for byte in input {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? highControlRange[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}

/// Validates UTF-8, tolerating a sequence cut off at the end of a sample.
enum UTF8Check {
    /// True for valid UTF-8, with an ASCII fast path of eight bytes at a time, since nearly every
    /// chunk of a CSV file is plain ASCII.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        if i + 8 > n && !bytes[i...].contains(where: { $0 >= 0x80 }) { return true }
        return firstInvalidByte(in: UnsafeRawBufferPointer(rebasing: bytes[i...]), allowTruncatedEnd: false) == nil
    }

    /// How many bytes at the end start a multi-byte sequence that is not complete yet (0–3), so a
    /// reader can hold them back for the next chunk.
    static func incompleteTail(_ bytes: UnsafeRawBufferPointer) -> Int {
        let n = bytes.count
        var back = 1
        while back <= min(3, n) {
            let b = bytes[n - back]
            if b & 0xC0 == 0x80 {
                back += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }

    /// Offset of the first invalid byte, or nil when the bytes are valid UTF-8.
    static func firstInvalidByte(in bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            if b & 0xE0 == 0xC0 && b >= 0xC2 {
                length = 2
            } else if b & 0xF0 == 0xE0 {
                length = 3
            } else if b & 0xF8 == 0xF0 && b <= 0xF4 {
                length = 4
            } else {
                return i
            }
            if i + length > n { return allowTruncatedEnd ? nil : i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
