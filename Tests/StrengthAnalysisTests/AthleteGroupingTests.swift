import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Grouping a squad by athlete in place")
struct AthleteGroupingTests {
    @Test("athletes by id, each athlete's rows in file order, ranges that cover every row once")
    func grouping() {
        let athletes = ["C", "A", "B", "A", "C", "A", "B", "C", "A"]
        let rows = athletes.enumerated().map { line, athlete in
            Fixture.torque(.quadriceps, .left, 100, at: 60, athlete: athlete, line: line + 2)
        }
        let grouping = AthleteGrouping(rows)
        #expect(grouping.count == 3)
        #expect(grouping.ranges == [0..<4, 4..<6, 6..<9])
        #expect(grouping.measurements.map(\.athlete) == ["A", "A", "A", "A", "B", "B", "C", "C", "C"])
        #expect(grouping[0].map(\.source.line) == [3, 5, 7, 10])
        #expect(grouping[1].map(\.source.line) == [4, 8])
        #expect(grouping[2].map(\.source.line) == [2, 6, 9])
    }

    @Test("no measurements, no athletes")
    func empty() {
        let grouping = AthleteGrouping([])
        #expect(grouping.count == 0)
        #expect(grouping.measurements.isEmpty)
    }
}
