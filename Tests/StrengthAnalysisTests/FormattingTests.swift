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
        #expect(Formatting.ratio(1.0) == "1.00")
    }

    @Test("velocities and percentages")
    func units() {
        #expect(Formatting.velocity(60) == "60°/s")
        #expect(Formatting.velocity(12.5) == "12.5°/s")
        #expect(Formatting.percent(0.52003) == "52%")
    }
}
