import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Croisier-style composite and retests")
struct CroisierAndRetestTests {
    let analyzer = Analyzer()

    /// Concentric hamstrings L/R at 60°/s, eccentric L/R at 30°/s, quadriceps at 60 and 240°/s.
    func battery(hamL60: Double, eccL30: Double, date: TestDate = Fixture.day) -> [Measurement] {
        [
            Fixture.torque(.quadriceps, .left, 200, at: 60, date: date),
            Fixture.torque(.quadriceps, .right, 200, at: 60, date: date),
            Fixture.torque(.hamstrings, .left, hamL60, at: 60, date: date),
            Fixture.torque(.hamstrings, .right, 120, at: 60, date: date),
            Fixture.torque(.hamstrings, .left, eccL30, at: 30, contraction: .eccentric, date: date),
            Fixture.torque(.hamstrings, .right, 150, at: 30, contraction: .eccentric, date: date),
            Fixture.torque(.quadriceps, .left, 150, at: 240, date: date),
            Fixture.torque(.quadriceps, .right, 150, at: 240, date: date),
        ]
    }

    @Test("criteria met: 2 or more red; 1 or none is the rule not met, green")
    func composite() throws {
        // hamL60 90: con bilateral 90/120 = 0.75 < 0.86 (met); Hcon/Qcon 90/200 = 0.45 < 0.47 (met);
        // ecc 150/150 = 1.00 (not met); mixed 150/150 = 1.00 (not met) → 2 met.
        let two = try #require(
            analyzer.assess(battery(hamL60: 90, eccL30: 150), sessions: [:]).of(.croisierComposite).first)
        #expect(two.value == 2)
        #expect(two.band == .red)
        // hamL60 110: 110/120 = 0.917 (not met), 110/200 = 0.55 (not met); ecc 120/150 = 0.80 < 0.86 (met);
        // mixed 120/150 = 0.80, not below 0.80 → 1 met.
        let one = try #require(
            analyzer.assess(battery(hamL60: 110, eccL30: 120), sessions: [:]).of(.croisierComposite).first)
        #expect(one.value == 1)
        #expect(one.band == .green)
        #expect(
            one.reason
                == "Croisier-style rule not met: 1 of the 4 criteria tested (eccentric hamstrings weaker ÷ stronger "
                + "0.80 at 30°/s < 0.86); the rule needs two. A soccer-derived screening rule (combined imbalance "
                + "rule), not an injury prediction. Cut-off from professional soccer players.")
        let none = try #require(
            analyzer.assess(battery(hamL60: 118, eccL30: 148), sessions: [:]).of(.croisierComposite).first)
        #expect(none.value == 0)
        #expect(none.band == .green)
        #expect(none.inputs.first?.value == 4)
    }

    @Test("a deficit only at 180°/s is not one of the rule's criteria")
    func composite180() throws {
        // Bilateral concentric hamstrings at 60°/s: 120/120 = 1.00 (not met); at 180°/s: 70/100 = 0.70, which
        // would be a criterion if 180°/s counted. Hcon/Qcon 60°/s: 92/200 = 0.46 < 0.47 (met). Eccentric 30°/s
        // 150/150 and mixed 150/150 (not met). Only 1 criterion: green, not red.
        let measurements =
            battery(hamL60: 120, eccL30: 150).filter { !($0.muscle == .hamstrings && $0.velocity == 60) } + [
                Fixture.torque(.hamstrings, .left, 92, at: 60), Fixture.torque(.hamstrings, .right, 92, at: 60),
                Fixture.torque(.hamstrings, .left, 70, at: 180), Fixture.torque(.hamstrings, .right, 100, at: 180),
            ]
        let finding = try #require(analyzer.assess(measurements, sessions: [:]).of(.croisierComposite).first)
        #expect(finding.value == 1)
        #expect(finding.band == .green)
        #expect(finding.reason.contains("Hcon/Qcon at 60°/s 0.46 < 0.47"))
        #expect(!finding.reason.contains("180"))
    }

    @Test("no composite when the missing tests could still decide it")
    func undecided() {
        let partial = [
            Fixture.torque(.quadriceps, .left, 200, at: 60), Fixture.torque(.hamstrings, .left, 130, at: 60),
        ]
        #expect(analyzer.assess(partial, sessions: [:]).of(.croisierComposite).isEmpty)
    }

    @Test("retests: change since previous and first, judged against the profile's noise")
    func retests() throws {
        let second = TestDate(year: 2026, month: 2, day: 23)!
        let third = TestDate(year: 2026, month: 4, day: 6)!
        // Left Hcon/Qcon 60°/s: 0.45 → 0.53 (+0.08, improved) → 0.55 (+0.02 since previous: no clear change;
        // +0.10 since first: improved).
        let measurements =
            battery(hamL60: 90, eccL30: 150) + battery(hamL60: 106, eccL30: 150, date: second)
            + battery(hamL60: 110, eccL30: 150, date: third)
        let assessments = analyzer.assess(measurements, sessions: [:])
        #expect(assessments.map(\.date) == [Fixture.day, second, third])
        let left = assessments.map { $0.findings.first { $0.measure == .conventionalHQ && $0.side == .left }! }
        #expect(left[0].change == nil)
        let firstRetest = try #require(left[1].change)
        #expect(firstRetest.previousDate == Fixture.day)
        #expect(abs(firstRetest.sincePrevious - 0.08) < 1e-9)
        #expect(firstRetest.verdictSincePrevious == .improved)
        let secondRetest = try #require(left[2].change)
        #expect(secondRetest.previousDate == second)
        #expect(abs(secondRetest.sincePrevious - 0.02) < 1e-9)
        #expect(secondRetest.verdictSincePrevious == .noClearChange)
        #expect(secondRetest.firstDate == Fixture.day)
        #expect(abs(secondRetest.sinceFirst - 0.10) < 1e-9)
        #expect(secondRetest.verdictSinceFirst == .improved)
        #expect(secondRetest.noise == 0.05)
    }

    @Test("an athlete's days in order, reversed, or with a day's rows split, give the same assessments")
    func dayOrder() throws {
        let second = TestDate(year: 2026, month: 2, day: 23)!
        let third = TestDate(year: 2026, month: 4, day: 6)!
        let first = battery(hamL60: 90, eccL30: 150)
        let middle = battery(hamL60: 106, eccL30: 150, date: second)
        let last = battery(hamL60: 110, eccL30: 150, date: third)
        let inOrder = analyzer.assessAthlete(first + middle + last, sessions: [:])
        let reversed = analyzer.assessAthlete(last + middle + first, sessions: [:])
        let split = analyzer.assessAthlete(
            Array(first.prefix(3)) + middle + Array(first.dropFirst(3)) + last, sessions: [:])
        #expect(inOrder.map(\.date) == [Fixture.day, second, third])
        #expect(inOrder.map(\.measurements.count) == [first.count, middle.count, last.count])
        // The retest of the last day is worked out against the first two, whatever the rows' order.
        let left = try #require(inOrder[2].findings.first { $0.measure == .conventionalHQ && $0.side == .left })
        #expect(left.change?.previousDate == second)
        #expect(abs((left.change?.sinceFirst ?? 0) - 0.10) < 1e-9)
        for other in [reversed, split] {
            #expect(other.map(\.date) == inOrder.map(\.date))
            #expect(other.map(\.findings) == inOrder.map(\.findings))
            #expect(other.map(\.notes) == inOrder.map(\.notes))
        }
        #expect(Set(split[0].measurements) == Set(first))
    }

    @Test("two differences of one test with the same key (two methods) are each compared with the test before")
    func sameKeyTwice() throws {
        let later = TestDate(year: 2026, month: 2, day: 23)!
        func test(_ date: TestDate, handHeldLeft: Double, stationLeft: Double) -> [Measurement] {
            [
                Fixture.force(.hamstrings, .left, handHeldLeft, angle: 90, date: date),
                Fixture.force(.hamstrings, .right, 300, angle: 90, date: date),
                Fixture.force(.hamstrings, .left, stationLeft, angle: 90, method: .isometricStation, date: date),
                Fixture.force(.hamstrings, .right, 300, angle: 90, method: .isometricStation, date: date),
            ]
        }
        let assessments = analyzer.assessAthlete(
            test(Fixture.day, handHeldLeft: 240, stationLeft: 270) + test(later, handHeldLeft: 270, stationLeft: 240),
            sessions: [:])
        #expect(assessments.count == 2)
        let differences = assessments[1].findings.filter { $0.measure == .asymmetry }
        // Both are hamstrings isometric at 90°, so both carry the same key.
        #expect(differences.count == 2)
        #expect(differences.map(\.key).allSatisfy { $0 == differences[0].key })
        // 20 % and 10 % on the first test; 10 % and 20 % on the second. Each is compared with the last
        // finding of its key: the first with the first test's second (10 %), the second with this test's first.
        #expect(differences.map { ($0.value * 10).rounded() / 10 } == [10, 20])
        #expect(differences[0].change?.previousDate == Fixture.day)
        #expect(differences[1].change?.previousDate == later)
    }

    @Test("asymmetry falling is an improvement; within 14 points it is noise")
    func asymmetryDirection() throws {
        let later = TestDate(year: 2026, month: 2, day: 23)!
        func pair(_ left: Double, _ date: TestDate) -> [Measurement] {
            [
                Fixture.torque(.hamstrings, .left, left, at: 60, date: date),
                Fixture.torque(.hamstrings, .right, 100, at: 60, date: date),
            ]
        }
        let improved = analyzer.assess(pair(70, Fixture.day) + pair(95, later), sessions: [:]).of(.asymmetry)
        // 30% → 5%: −25 points, beyond the 14-point noise.
        #expect(improved.last?.change?.verdictSincePrevious == .improved)
        let noise = analyzer.assess(pair(80, Fixture.day) + pair(90, later), sessions: [:]).of(.asymmetry)
        #expect(noise.last?.change?.verdictSincePrevious == .noClearChange)
        let worse = analyzer.assess(pair(100, Fixture.day) + pair(80, later), sessions: [:]).of(.asymmetry)
        #expect(worse.last?.change?.verdictSincePrevious == .worse)
    }
}
