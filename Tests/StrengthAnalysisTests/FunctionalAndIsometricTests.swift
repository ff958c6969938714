import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Functional and isometric H:Q")
struct FunctionalAndIsometricTests {
    let analyzer = Analyzer()

    @Test(
        "mixed ratio Hecc 30°/s ÷ Qcon 240°/s: green from 1.00, red below 0.80",
        arguments: [(150.0, Band.green), (120.0, .amber), (119.4, .red), (118.6, .red), (100.0, .red)])
    func mixed(eccentric: Double, band: Band) throws {
        // Quadriceps at 240°/s: 150 Nm. 150/150 = 1.00; 120/150 = 0.80 exactly; 119.4/150 = 0.796, below 0.80
        // although it rounds to 0.80 (the band is the value's, not the rounding's); 118.6/150 = 0.7907.
        let result = analyzer.assess(
            [
                Fixture.torque(.hamstrings, .left, eccentric, at: 30, contraction: .eccentric),
                Fixture.torque(.quadriceps, .left, 150, at: 240),
            ], sessions: [:]
        ).of(.functionalHQ)
        let finding = try #require(result.first)
        #expect(result.count == 1)
        #expect(abs(finding.value - eccentric / 150) < 1e-12)
        #expect(finding.band == band)
        #expect(finding.velocity == nil)
        #expect(finding.velocityPair == VelocityPair(eccentric: 30, concentric: 240))
        #expect(finding.threshold?.green == 1.0)
        #expect(finding.threshold?.red == 0.8)
    }

    @Test("a same-speed ratio is information only, never flagged with the 0.80 cut-off")
    func sameSpeed() throws {
        let result = analyzer.assess(
            [
                Fixture.torque(.hamstrings, .right, 80, at: 60, contraction: .eccentric),
                Fixture.torque(.quadriceps, .right, 200, at: 60),
            ], sessions: [:]
        ).of(.functionalHQ)
        let finding = try #require(result.first)
        #expect(finding.value == 0.4)
        #expect(finding.band == .info)
        #expect(finding.threshold == nil)
        #expect(
            finding.reason
                == "Right eccentric hamstrings reach 0.40 of the concentric quadriceps' torque at 60°/s (hamstrings "
                + "braking vs quadriceps, same speed). Shown for information: no cut-off applies to a same-speed ratio; "
                + "professional soccer players average 0.79 ± 0.19 (Baroni et al. 2020, J Strength Cond Res 34:281).")
    }

    @Test("eccentric hamstrings without the quadriceps partner are explained, not computed")
    func missingPartner() throws {
        let assessment = try #require(
            analyzer.assess([Fixture.torque(.hamstrings, .left, 120, at: 30, contraction: .eccentric)], sessions: [:])
                .first)
        #expect(assessment.findings.isEmpty)
        #expect(
            assessment.notes == [
                "Left eccentric hamstrings at 30°/s has no concentric quadriceps at 240°/s test, so no functional ratio"
            ])
    }

    @Test("isometric ratio at the same angle and device: green from 0.45, no red band")
    func isometric() throws {
        let assessments = analyzer.assess(
            [
                Fixture.force(.hamstrings, .left, 90, angle: 90), Fixture.force(.quadriceps, .left, 200, angle: 90),
                Fixture.force(.hamstrings, .right, 60, angle: 90), Fixture.force(.quadriceps, .right, 200, angle: 90),
            ], sessions: [:])
        let result = assessments.of(.isometricHQ)
        // 90/200 = 0.45 (green); 60/200 = 0.30 (amber: no red band without a validated cut-off).
        #expect(result.map(\.value) == [0.45, 0.3])
        #expect(result.map(\.band) == [.green, .amber])
        #expect(result.map(\.angle) == [90, 90])
        #expect(result[0].inputs.map(\.unit) == ["N", "N"])
    }

    @Test("isometric tests in different positions are not paired")
    func differentPositions() throws {
        var hamstrings = Fixture.force(.hamstrings, .left, 90, angle: 90)
        hamstrings.position = .prone
        var quadriceps = Fixture.force(.quadriceps, .left, 200, angle: 90)
        quadriceps.position = .seated
        let assessment = try #require(analyzer.assess([hamstrings, quadriceps], sessions: [:]).first)
        #expect(assessment.of(.isometricHQ).isEmpty)
        #expect(
            assessment.notes.contains(
                "Left isometric hamstrings at 90° knee angle (prone) has an isometric quadriceps test only in another position (seated), so no isometric ratio"
            ))
        quadriceps.position = .prone
        let paired = analyzer.assess([hamstrings, quadriceps], sessions: [:]).of(.isometricHQ)
        #expect(paired.map(\.value) == [0.45])
    }

    @Test("isometric tests at different knee angles are not paired")
    func differentAngles() throws {
        let assessment = try #require(
            analyzer.assess(
                [Fixture.force(.hamstrings, .left, 90, angle: 90), Fixture.force(.quadriceps, .left, 200, angle: 60)],
                sessions: [:]
            ).first)
        #expect(assessment.of(.isometricHQ).isEmpty)
        #expect(
            assessment.notes == [
                "Left isometric quadriceps at 60° knee angle has a partner only at another knee angle (hamstrings at 90°), so no isometric ratio",
                "Left isometric hamstrings at 90° knee angle has a partner only at another knee angle (quadriceps at 60°), so no isometric ratio",
            ])
    }
}

extension Assessment {
    func of(_ measure: Measure) -> [Finding] { findings.filter { $0.measure == measure } }
}
