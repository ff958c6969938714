import StrengthAnalysis
import Testing

@Suite("A finding's words")
struct FindingReasonTests {
    private func finding(_ reason: String) -> Finding {
        Finding(
            measure: .asymmetry, value: 12, band: .amber, reason: reason, threshold: nil, inputs: [], measurements: [])
    }

    @Test("words set to be written later read as if written now, and compare by what they say")
    func deferred() {
        var later = finding("")
        later.setReason { "Left concentric hamstrings: " + Formatting.fixed(12, digits: 0) + "% weaker." }
        let now = finding("Left concentric hamstrings: 12% weaker.")
        #expect(later.reason == "Left concentric hamstrings: 12% weaker.")
        #expect(later == now)
        #expect(later.hashValue == now.hashValue)
        var other = finding("")
        other.setReason { "Right concentric hamstrings: 12% weaker." }
        #expect(other != now)
        // Writing the words replaces the deferred ones; a copy keeps its own.
        let copy = later
        later.reason = "changed"
        #expect(later.reason == "changed")
        #expect(copy.reason == "Left concentric hamstrings: 12% weaker.")
    }
}
