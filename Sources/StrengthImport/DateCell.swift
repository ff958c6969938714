import StrengthModel

/// A date as written, before the column has told us whether it is day-first or month-first.
struct DateCell: Sendable, Hashable {
    enum Shape: UInt8, Sendable {
        /// `YYYY-MM-DD`: first = month, second = day.
        case yearFirst
        /// `a/b/YYYY`: which of a and b is the day is decided per column.
        case yearLast
    }

    var shape: Shape
    var year: Int16
    var first: UInt8
    var second: UInt8

    /// Reads `2024-03-14`, `2024/3/14`, `14/03/2024`, `3.14.24`, with an optional time after a
    /// space or `T`, which is ignored: sessions are compared by day.
    static func parse(_ field: UnsafeRawBufferPointer) -> DateCell? {
        let bytes = field.trimmed
        // A letter among the first characters (other than ISO's `T`) means a month name.
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(10))
        if head.contains(where: {
            ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") && $0 != UInt8(ascii: "T")
        }) {
            return parseWithMonthName(String(decoding: bytes, as: UTF8.self))
        }
        // Three numbers at most, kept in place: two arrays per date were four allocations a session.
        var parts = (0, 0, 0)
        var digitCounts = (0, 0, 0)
        var count = 0
        func keep(_ value: Int, _ digits: Int) {
            switch count {
            case 0: (parts.0, digitCounts.0) = (value, digits)
            case 1: (parts.1, digitCounts.1) = (value, digits)
            default: (parts.2, digitCounts.2) = (value, digits)
            }
            count += 1
        }
        var separator: UInt8 = 0
        var value = 0
        var digits = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                guard digits < 4 else { return nil }
                value = value * 10 + Int(c - 0x30)
                digits += 1
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "/") || c == UInt8(ascii: ".") {
                guard digits > 0, count < 2 else { return nil }
                if separator == 0 { separator = c } else if separator != c { return nil }
                keep(value, digits)
                value = 0
                digits = 0
            } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "T") {
                break
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, count == 2 else { return nil }
        keep(value, digits)
        if digitCounts.0 == 4 {
            guard digitCounts.1 <= 2, digitCounts.2 <= 2 else { return nil }
            return DateCell(shape: .yearFirst, year: Int16(parts.0), first: UInt8(parts.1), second: UInt8(parts.2))
        }
        guard digitCounts.0 <= 2, digitCounts.1 <= 2, digitCounts.2 == 4 || digitCounts.2 == 2 else { return nil }
        let year = digitCounts.2 == 2 ? 2000 + parts.2 : parts.2
        return DateCell(shape: .yearLast, year: Int16(year), first: UInt8(parts.0), second: UInt8(parts.1))
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `15 Sep 2025, 07:48` (Hevy), `Sep 15, 2025`, `15-Sep-2025`: the month is named, so the
    /// order is never in doubt. A time after the date is ignored.
    static func parseWithMonthName(_ text: String) -> DateCell? {
        var month: Int?
        var numbers: [(value: Int, digits: Int)] = []
        for token in text.split(whereSeparator: { " ,-/.".contains($0) }) {
            if token.contains(":") { break }
            if let value = Int(token) {
                numbers.append((value, token.count))
            } else if month == nil, token.count >= 3,
                let index = monthNames.firstIndex(of: String(token.prefix(3)).lowercased())
            {
                month = index + 1
            } else if token.lowercased() == "t" || token.hasPrefix("T") {
                break
            } else {
                return nil
            }
        }
        guard let month, numbers.count >= 2 else { return nil }
        guard let year = numbers.first(where: { $0.digits == 4 }), let day = numbers.first(where: { $0.digits <= 2 })
        else { return nil }
        return DateCell(
            shape: .yearFirst, year: Int16(year.value), first: UInt8(month), second: UInt8(min(day.value, 255)))
    }

    /// True when the day and month cannot be told apart without knowing the column's order.
    var isOrderDependent: Bool { shape == .yearLast && first != second && first <= 12 && second <= 12 }

    /// Resolves with the column's order, unless this date's own numbers settle it (13/01 is day-first).
    func resolve(columnDayFirst: Bool) -> TestDate? {
        resolve(dayFirst: first > 12 || (columnDayFirst && second <= 12))
    }

    func resolve(dayFirst: Bool) -> TestDate? {
        switch shape {
        case .yearFirst:
            return TestDate(year: Int(year), month: Int(first), day: Int(second))
        case .yearLast:
            let day = dayFirst ? first : second
            let month = dayFirst ? second : first
            return TestDate(year: Int(year), month: Int(month), day: Int(day))
        }
    }
}

/// Decides a date column's day/month order from all of its values, as a spreadsheet user would:
/// one date with a first part above 12 settles day-first, a second part above 12 month-first.
struct DateColumnOrder: Sendable {
    private(set) var sawFirstAbove12 = false
    private(set) var sawSecondAbove12 = false
    private(set) var sawOrderDependent = false
    private(set) var firstDayFirstLine: Int?
    private(set) var firstMonthFirstLine: Int?

    mutating func observe(_ cell: DateCell, line: Int) {
        guard cell.shape == .yearLast else { return }
        if cell.first > 12 && !sawFirstAbove12 {
            sawFirstAbove12 = true
            firstDayFirstLine = line
        }
        if cell.second > 12 && !sawSecondAbove12 {
            sawSecondAbove12 = true
            firstMonthFirstLine = line
        }
        if cell.isOrderDependent { sawOrderDependent = true }
    }

    enum Decision: Equatable {
        case dayFirst
        case monthFirst
        /// Only unambiguous dates were seen, so the order does not matter.
        case irrelevant
        /// Values such as 03/04/2024 and nothing above 12 to settle them.
        case ambiguous
        /// Both 13/01/2024 and 01/13/2024 in the same column.
        case contradictory(dayFirstLine: Int, monthFirstLine: Int)
    }

    func decide(forced: DateOrder) -> Decision {
        switch forced {
        case .dayMonthYear: return .dayFirst
        case .monthDayYear: return .monthFirst
        case .iso, .auto: break
        }
        switch (sawFirstAbove12, sawSecondAbove12) {
        case (true, true): return .contradictory(dayFirstLine: firstDayFirstLine!, monthFirstLine: firstMonthFirstLine!)
        case (true, false): return .dayFirst
        case (false, true): return .monthFirst
        case (false, false): return sawOrderDependent ? .ambiguous : .irrelevant
        }
    }
}
