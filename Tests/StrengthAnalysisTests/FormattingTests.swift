import Testing

@testable import StrengthAnalysis

@Suite("Formatting")
struct FormattingTests {
    @Test("fixed-point rounding")
    func fixed() {
        #expect(Formatting.fixed(0.52003, digits: 2) == "0.52")
        #expect(Formatting.fixed(0.605, digits: 1) == "0.6")
        #expect(Formatting.fixed(-1.005, digits: 0) == "-1")
        #expect(Formatting.fixed(61.5, digits: 1) == "61.5")
        #expect(Formatting.fixed(0.0999, digits: 2) == "0.10")
        // Written byte by byte: carries, zero padding, the sign of a value that rounds to zero, the widest.
        #expect(Formatting.fixed(0.99995, digits: 4) == "1.0000")
        #expect(Formatting.fixed(3.0007, digits: 3) == "3.001")
        #expect(Formatting.fixed(12.05, digits: 4) == "12.0500")
        #expect(Formatting.fixed(-0.00001, digits: 4) == "0.0000")
        #expect(Formatting.fixed(-27.04, digits: 1) == "-27.0")
        #expect(Formatting.fixed(1e300, digits: 2).hasPrefix("9223372036854775807."))
        #expect(Formatting.fixed(.infinity, digits: 2) == "inf")
        #expect(Formatting.ratio(1.0) == "1.00")
    }

    @Test("velocities and percentages")
    func units() {
        #expect(Formatting.velocity(60) == "60°/s")
        #expect(Formatting.velocity(12.5) == "12.5°/s")
        #expect(Formatting.percent(0.52003) == "52%")
    }
}
