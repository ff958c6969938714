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

    @Test(
        "rows already in runs of athletes in id order are kept as they are; a run out of order or an athlete who returns is sorted",
        arguments: [
            (["A", "A", "B", "C", "C"], ["A", "A", "B", "C", "C"], [0..<2, 2..<3, 3..<5], [2, 3, 4, 5, 6]),
            (["B", "B", "A", "C"], ["A", "B", "B", "C"], [0..<1, 1..<3, 3..<4], [4, 2, 3, 5]),
            (["A", "B", "A"], ["A", "A", "B"], [0..<2, 2..<3], [2, 4, 3]),
            (["A"], ["A"], [0..<1], [2]),
        ])
    func runs(athletes: [String], sorted: [String], ranges: [Range<Int>], lines: [Int]) {
        let rows = athletes.enumerated().map { line, athlete in
            Fixture.torque(.quadriceps, .left, 100, at: 60, athlete: athlete, line: line + 2)
        }
        let grouping = AthleteGrouping(rows)
        #expect(grouping.measurements.map(\.athlete) == sorted)
        #expect(grouping.ranges == ranges)
        #expect(grouping.measurements.map(\.source.line) == lines)
    }

    @Test("no measurements, no athletes")
    func empty() {
        let grouping = AthleteGrouping([])
        #expect(grouping.count == 0)
        #expect(grouping.measurements.isEmpty)
    }
}
