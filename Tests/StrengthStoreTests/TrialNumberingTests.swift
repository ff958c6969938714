import StrengthModel
import Testing

@testable import StrengthStore

@Suite("Trial numbers")
struct TrialNumberingTests {
    private func test(
        _ athlete: String, _ day: Int, _ muscle: MuscleGroup, velocity: Double = 60, file: String = "a.csv", line: Int
    ) -> StrengthModel.Measurement {
        StrengthModel.Measurement(
            athlete: athlete, date: TestDate(year: 2026, month: 3, day: day)!, side: .left, muscle: muscle,
            contraction: .concentric, velocity: velocity, value: Quantity(dimension: .torque, si: 100),
            sourceUnit: .newtonMetre, method: .isokinetic, source: SourceLocation(file: file, line: line))
    }

    @Test("each test's trials count up within its athlete-day, even when the file leaves the day and comes back")
    func interleaved() {
        var numbering = TrialNumbering()
        let rows = [
            test("A", 1, .hamstrings, line: 2),  // A, day 1, hamstrings: 1
            test("A", 1, .quadriceps, line: 3),  // quadriceps: 1
            test("A", 1, .hamstrings, line: 4),  // hamstrings: 2
            test("B", 1, .hamstrings, line: 5),  // another athlete: 1
            test("A", 2, .hamstrings, line: 6),  // another day: 1
            test("A", 1, .hamstrings, line: 7),  // back to A's day 1: 3
            test("A", 1, .hamstrings, velocity: 180, line: 8),  // another speed: 1
            test("B", 1, .hamstrings, line: 9),  // B again: 2
            test("A", 1, .hamstrings, file: "b.csv", line: 2),  // another file counts afresh: 1
        ]
        let trials = rows.map { numbering.next($0).trial }
        #expect(trials == [1, 1, 2, 1, 1, 3, 1, 2, 1])
        let identities = rows.map { numbering.next($0).identity.code }
        #expect(identities[0] == identities[2])
        #expect(identities[0] != identities[1])
        #expect(identities[0] != identities[6])
    }
}
