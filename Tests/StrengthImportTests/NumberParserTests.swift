import Testing

@testable import StrengthImport

@Suite("Number parsing from field bytes")
struct NumberParserTests {
    func parse(_ text: String, _ mark: DecimalMark = .point) -> Double? {
        Array(text.utf8).withUnsafeBytes { NumberParser.parse($0, decimalMark: mark) }
    }

    @Test("decimal point numbers")
    func point() {
        #expect(parse("142.3") == 142.3)
        #expect(parse(" 60 ") == 60)
        #expect(parse("-3.25") == -3.25)
        #expect(parse("+7") == 7)
        #expect(parse("0.05") == 0.05)
        #expect(parse(".5") == 0.5)
        #expect(parse("1e3") == 1000)
        #expect(parse("2.5E-1") == 0.25)
        #expect(parse("149.99999999999997") == 149.99999999999997)
        #expect(parse("12345678901234567890123") == 12345678901234567890123.0)
    }

    @Test("decimal comma numbers")
    func comma() {
        #expect(parse("102,5", .comma) == 102.5)
        #expect(parse("-0,25", .comma) == -0.25)
        #expect(parse("102.5", .comma) == nil)
        #expect(parse("102,5", .point) == nil)
    }

    @Test(
        "anything else is not a number",
        arguments: [
            "", "abc", "12abc", "12.5.3", "1,234.5", "-", ".", "1e", "60 Nm", "1e400",
            String(repeating: "9", count: 400),
        ])
    func notNumbers(text: String) {
        #expect(parse(text) == nil)
    }
}
