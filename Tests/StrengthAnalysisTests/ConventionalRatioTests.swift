import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Conventional H:Q")
struct ConventionalRatioTests {
    let analyzer = Analyzer()

    func findings(_ measurements: [Measurement]) -> [Finding] {
        analyzer.assess(measurements, sessions: [:]).flatMap(\.findings).filter { $0.measure == .conventionalHQ }
    }

    @Test("ratio per side and velocity, worked out by hand")
    func handWorked() throws {
        let result = findings([
            Fixture.torque(.quadriceps, .left, 142.3, at: 60), Fixture.torque(.hamstrings, .left, 74.0, at: 60),
            Fixture.torque(.quadriceps, .right, 151.0, at: 60), Fixture.torque(.hamstrings, .right, 92.1, at: 60),
            Fixture.torque(.quadriceps, .left, 101.5, at: 180), Fixture.torque(.hamstrings, .left, 67.0, at: 180),
        ])
        #expect(result.map(\.measure) == [.conventionalHQ, .conventionalHQ, .conventionalHQ])
        // 74.0 / 142.3 = 0.52003; 92.1 / 151.0 = 0.60993; 67.0 / 101.5 = 0.66010
        #expect(result.map { Formatting.fixed($0.value, digits: 5) } == ["0.52003", "0.60993", "0.66010"])
        #expect(result.map(\.side) == [.left, .right, .left])
        #expect(result.map(\.velocity) == [60, 60, 180])
        #expect(result.map(\.band) == [.amber, .green, .amber])
        #expect(
            result[0].reason
                == "Left hamstrings produce 0.52 of the quadriceps' torque at 60°/s (hamstrings vs quadriceps, slow "
                + "speed): below the 0.60 target, above the 0.47 cut-off. A training target. Cut-off from professional "
                + "soccer players.")
        #expect(result[0].measurements.map(\.muscle) == [.hamstrings, .quadriceps])
    }

    @Test(
        "60°/s band edges: green from 0.60, red below 0.47, judged on the value itself, not its rounding",
        arguments: [(60.0, Band.green), (59.6, .amber), (59.4, .amber), (47.0, .amber), (46.6, .red), (46.4, .red)])
    func edges60(hamstrings: Double, band: Band) {
        let result = findings([
            Fixture.torque(.quadriceps, .left, 100, at: 60), Fixture.torque(.hamstrings, .left, hamstrings, at: 60),
        ])
        #expect(result.map(\.band) == [band])
    }

    @Test(
        "faster speeds have a target and no red cut-off",
        arguments: [
            (180.0, 72.0, Band.green), (180, 71.4, .amber), (180, 20, .amber), (240, 75, .green), (240, 74.4, .amber),
            (300, 78, .green), (300, 77.4, .amber),
        ])
    func fasterSpeeds(velocity: Double, hamstrings: Double, band: Band) {
        let result = findings([
            Fixture.torque(.quadriceps, .right, 100, at: velocity),
            Fixture.torque(.hamstrings, .right, hamstrings, at: velocity),
        ])
        #expect(result.map(\.band) == [band])
    }

    @Test("speeds without a cut-off are information with a reference")
    func information() throws {
        let result = findings([
            Fixture.torque(.quadriceps, .left, 200, at: 90), Fixture.torque(.hamstrings, .left, 110, at: 90),
        ])
        let finding = try #require(result.first)
        #expect(finding.band == .info)
        #expect(finding.threshold == nil)
        #expect(
            finding.reason
                == "Left hamstrings produce 0.55 of the quadriceps' torque at 90°/s (hamstrings vs quadriceps, slow "
                + "speed). No validated cut-off at this speed; professional soccer players average 0.57 ± 0.06 "
                + "(Baroni et al. 2020, J Strength Cond Res 34:281).")
    }

    @Test("repeated trials: the peak of each muscle counts")
    func peakOfTrials() {
        let result = findings([
            Fixture.torque(.quadriceps, .left, 150, at: 60), Fixture.torque(.quadriceps, .left, 160, at: 60),
            Fixture.torque(.hamstrings, .left, 90, at: 60), Fixture.torque(.hamstrings, .left, 96, at: 60),
        ])
        #expect(result.map(\.value) == [0.6])
    }

    @Test("only like pairs with like: no cross-velocity, cross-side, eccentric, force or cross-device pairs")
    func protocolMatching() throws {
        let assessments = analyzer.assess(
            [
                Fixture.torque(.quadriceps, .left, 150, at: 60), Fixture.torque(.hamstrings, .left, 90, at: 180),
                Fixture.torque(.hamstrings, .right, 90, at: 60), Fixture.torque(.quadriceps, .right, 150, at: 240),
                Fixture.torque(.hamstrings, .right, 120, at: 240, contraction: .eccentric),
                Fixture.torque(.quadriceps, .left, 140, at: 300, method: .handHeld),
                Fixture.torque(.hamstrings, .left, 90, at: 300),
            ], sessions: [:])
        let assessment = try #require(assessments.first)
        #expect(assessment.findings.filter { $0.measure == .conventionalHQ }.isEmpty)
        #expect(
            assessment.notes == [
                "Left concentric quadriceps at 60°/s has no concentric hamstrings test at the same speed, so no conventional ratio",
                "Right concentric hamstrings at 60°/s has no concentric quadriceps test at the same speed, so no conventional ratio",
                "Left concentric hamstrings at 180°/s has no concentric quadriceps test at the same speed, so no conventional ratio",
                "Right concentric quadriceps at 240°/s has no concentric hamstrings test at the same speed, so no conventional ratio",
                "Left concentric quadriceps at 300°/s (hand-held) has a concentric hamstrings test only from another kind of device (isokinetic), so no conventional ratio",
                "Left concentric hamstrings at 300°/s (isokinetic) has a concentric quadriceps test only from another kind of device (hand-held), so no conventional ratio",
            ])
    }

    @Test("ratios not gravity corrected carry the caveat")
    func gravityCaveat() {
        let unknown = findings([
            Fixture.torque(.quadriceps, .left, 100, at: 60, gravityCorrected: nil),
            Fixture.torque(.hamstrings, .left, 60, at: 60, gravityCorrected: true),
        ])
        #expect(
            unknown[0].caveats == [
                "Torques not known to be gravity corrected: uncorrected ratios read higher at faster speeds (Aagaard et al. 1995)."
            ])
        let corrected = findings([
            Fixture.torque(.quadriceps, .left, 100, at: 60), Fixture.torque(.hamstrings, .left, 60, at: 60),
        ])
        #expect(corrected[0].caveats.isEmpty)
    }

    @Test("assessments group by athlete and date, in order")
    func grouping() {
        let later = TestDate(year: 2026, month: 2, day: 23)!
        let assessments = analyzer.assess(
            [
                Fixture.torque(.quadriceps, .left, 100, at: 60, athlete: "B", date: later),
                Fixture.torque(.quadriceps, .left, 100, at: 60, athlete: "A", date: later),
                Fixture.torque(.quadriceps, .left, 100, at: 60, athlete: "A"),
            ], sessions: [:])
        #expect(assessments.map { "\($0.athlete) \($0.date)" } == ["A 2026-01-12", "A 2026-02-23", "B 2026-02-23"])
    }

    @Test("worst band ignores information findings")
    func worstBand() {
        let assessment = analyzer.assess(
            [
                Fixture.torque(.quadriceps, .left, 100, at: 90), Fixture.torque(.hamstrings, .left, 40, at: 90),
                Fixture.torque(.quadriceps, .left, 100, at: 60), Fixture.torque(.hamstrings, .left, 65, at: 60),
            ], sessions: [:])[0]
        #expect(assessment.worstBand == .green)
    }
}
