#if canImport(Glibc)
    import Glibc
#endif

/// A calendar day, without time of day or zone: strength sessions are compared by day.
public struct TestDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    // Stored small: a team file holds millions of measurements, each with a date.
    private var storedYear: UInt16
    private var storedMonth: UInt8
    private var storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Returns nil unless the day exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...TestDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        storedYear = UInt16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses `YYYY-MM-DD`, the form HQScreen writes (a one-digit month or day is read too), from its
    /// bytes: stores read one for every session.
    public init?(iso text: String) {
        var fields = (0, 0, 0)
        var digits = (0, 0, 0)
        var field = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                field += 1
                guard field < 3 else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch field {
            case 0: (fields.0, digits.0) = (fields.0 * 10 + digit, digits.0 + 1)
            case 1: (fields.1, digits.1) = (fields.1 * 10 + digit, digits.1 + 1)
            default: (fields.2, digits.2) = (fields.2 * 10 + digit, digits.2 + 1)
            }
            guard digits.1 <= 2, digits.2 <= 2 else { return nil }
        }
        guard field == 2, digits.0 == 4, digits.1 > 0, digits.2 > 0 else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01, for intervals between sessions.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        storedYear = UInt16(clamping: yoe + era * 400 + (m <= 2 ? 1 : 0))
        storedMonth = UInt8(m)
        storedDay = UInt8(d)
    }

    /// Today in UTC, by the system clock.
    public static func today() -> TestDate {
        TestDate(daysSinceEpoch: Int(time(nil) / 86_400))
    }

    public func adding(days: Int) -> TestDate { TestDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// `YYYY-MM-DD`: ten bytes written in place, as every row of every report has dates.
    public var description: String {
        let (year, month, day) = (year, month, day)
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0")
            bytes[0] = zero + UInt8(year / 1000)
            bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10)
            bytes[3] = zero + UInt8(year % 10)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = zero + UInt8(month / 10)
            bytes[6] = zero + UInt8(month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = zero + UInt8(day / 10)
            bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public static func < (lhs: TestDate, rhs: TestDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = TestDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
