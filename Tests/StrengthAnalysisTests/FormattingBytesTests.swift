import StrengthAnalysis
import Testing

@Suite("Formatting numbers into bytes")
struct FormattingBytesTests {
    @Test("appendFixed writes what fixed makes, after what is there")
    func sameAsFixed() {
        let cases: [(Double, Int, String)] = [
            (0.5998, 4, "0.5998"), (0.59985, 2, "0.60"), (-0.1, 4, "-0.1000"), (-0.00004, 4, "0.0000"),
            (33.54, 1, "33.5"), (33.56, 1, "33.6"), (1234567.891, 0, "1234568"), (7, 9, "7.000000000"),
            (.nan, 2, "nan"),
            (-.infinity, 1, "-inf"),
        ]
        for (value, digits, expected) in cases {
            var bytes = Array("x,".utf8)
            Formatting.appendFixed(value, digits: digits, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x," + expected, "\(value), \(digits) digits")
            #expect(Formatting.fixed(value, digits: digits) == expected)
        }
    }
}
