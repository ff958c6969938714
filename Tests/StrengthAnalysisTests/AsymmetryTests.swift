import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Asymmetry, limb symmetry and torque per body mass")
struct AsymmetryTests {
    let analyzer = Analyzer()

    @Test(
        "(stronger − weaker) ÷ stronger × 100: green below 10%; with no recorded population, amber at most",
        arguments: [
            (91.0, 9.0, Band.green), (90.0, 10.0, .amber), (85.4, 14.6, .amber), (86.0, 14.0, .amber),
            (80.0, 20.0, .amber),
        ])
    func asymmetry(right: Double, percent: Double, band: Band) throws {
        let finding = try #require(
            analyzer.assess(
                [Fixture.torque(.hamstrings, .left, 100, at: 60), Fixture.torque(.hamstrings, .right, right, at: 60)],
                sessions: [:]
            ).of(.asymmetry).first)
        #expect(abs(finding.value - percent) < 1e-9)
        #expect(finding.band == band)
        #expect(
            (finding.muscle, finding.contraction, finding.velocity, finding.side) == (.hamstrings, .concentric, 60, nil)
        )
        #expect(finding.weakerSide == .right)
        #expect(finding.confirmation == nil)
        #expect(finding.threshold?.red == nil)
    }

    @Test("the reason names the weaker leg, the formula, and a marked difference")
    func reason() throws {
        let finding = try #require(
            analyzer.assess(
                [Fixture.torque(.hamstrings, .left, 75, at: 60), Fixture.torque(.hamstrings, .right, 100, at: 60)],
                sessions: [:]
            ).of(.asymmetry).first)
        #expect(
            finding.reason
                == "Left concentric hamstrings at 60°/s: 25% weaker than the right (difference between the legs): a large "
                + "difference, but the 15% red comes from adult male field-sport athletes (soccer, Australian football, "
                + "rugby) and is not established here: sex, age and sport are not recorded. A training "
                + "target for the left leg. Formula: "
                + "(stronger − weaker) ÷ stronger × 100. Cut-off from isokinetic testing in general (Sapega 1990), without "
                + "the red band.")
        #expect(finding.missingDetails == [.sex, .age, .sport])
        #expect(finding.caveats.isEmpty)
    }

    @Test(
        "with an involved limb: limb symmetry index involved ÷ uninvolved × 100",
        arguments: [
            (90.0, Band.green), (89.0, .amber), (80.0, .amber), (79.0, .red),
        ])
    func limbSymmetry(involvedValue: Double, band: Band) throws {
        let assessments = analyzer.assess(
            [
                Fixture.torque(.quadriceps, .left, involvedValue, at: 60),
                Fixture.torque(.quadriceps, .right, 100, at: 60),
            ],
            sessions: Fixture.info(involved: .left))
        #expect(assessments.of(.asymmetry).isEmpty)
        let finding = try #require(assessments.of(.limbSymmetryIndex).first)
        #expect(finding.value == involvedValue)
        #expect(finding.band == band)
        #expect(finding.side == .left)
    }

    @Test("torque per body mass: banded for the involved quadriceps only")
    func torquePerBodyMass() throws {
        let measurements = [
            Fixture.torque(.quadriceps, .left, 180, at: 60), Fixture.torque(.quadriceps, .right, 170, at: 60),
            Fixture.torque(.hamstrings, .left, 100, at: 60),
        ]
        let rehab = analyzer.assess(measurements, sessions: Fixture.info(mass: 60, involved: .right))
            .of(.torquePerBodyMass)
        // Involved right 170/60 = 2.83 (amber); left 180/60 = 3.00 and hamstrings 100/60 = 1.67: information.
        #expect(rehab.map { Formatting.fixed($0.value, digits: 2) } == ["3.00", "1.67", "2.83"])
        #expect(rehab.map(\.band) == [.info, .info, .amber])
        let involvedLeft = analyzer.assess(measurements, sessions: Fixture.info(mass: 60, involved: .left))
            .of(.torquePerBodyMass)
        #expect(involvedLeft.map(\.band) == [.green, .info, .info])
        let screening = analyzer.assess(measurements, sessions: Fixture.info(mass: 60)).of(.torquePerBodyMass)
        #expect(screening.map(\.band) == [.info, .info, .info])
        #expect(analyzer.assess(measurements, sessions: [:]).of(.torquePerBodyMass).isEmpty)
    }
}
