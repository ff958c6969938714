import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("Machine 1RM and Nordic force")
struct MachineAndNordicTests {
    let analyzer = Analyzer()
    let rule = ThresholdProfile.defaultV1.machine

    @Test("1RM formulas and repetition limits")
    func oneRepMax() {
        #expect(OneRepMax.estimate(load: 100, repetitions: 1, rule: rule) == .measured(100))
        // Epley: 100 × (1 + 10/30) = 133.33
        guard case .estimated(let epley, let warning) = OneRepMax.estimate(load: 100, repetitions: 10, rule: rule)
        else {
            Issue.record("10 repetitions must estimate")
            return
        }
        #expect(abs(epley - 133.333_333) < 1e-5)
        #expect(!warning)
        guard case .estimated(_, let warned) = OneRepMax.estimate(load: 100, repetitions: 12, rule: rule) else {
            Issue.record("12 repetitions must estimate with a warning")
            return
        }
        #expect(warned)
        #expect(OneRepMax.estimate(load: 100, repetitions: 13, rule: rule) == .refused)
        var brzycki = rule
        brzycki.formula = .brzycki
        // Brzycki: 100 × 36 / (37 − 6) = 116.13
        guard case .estimated(let value, _) = OneRepMax.estimate(load: 100, repetitions: 6, rule: brzycki) else {
            Issue.record("Brzycki must estimate")
            return
        }
        #expect(abs(value - 116.129_032) < 1e-5)
    }

    /// Leg curl: warm-up 60 kg × 10 ignored; 25 × 10 → 33.33; 27 × 6 → 32.4. Best 33.33.
    /// Leg extension: 60 × 10 → 80; 70 × 6 → 84; 100 × 15 refused. Best 84. Ratio 0.3968.
    var gymSets: [Measurement] {
        [
            Fixture.set(.hamstrings, 60, reps: 10, warmUp: true), Fixture.set(.hamstrings, 25, reps: 10),
            Fixture.set(.hamstrings, 27, reps: 6), Fixture.set(.quadriceps, 60, reps: 10),
            Fixture.set(.quadriceps, 70, reps: 6), Fixture.set(.quadriceps, 100, reps: 15),
        ]
    }

    @Test(
        "machine ratio from the best estimate per exercise; bands by sex",
        arguments: [
            (Sex.female, Band.green), (Sex.male, .amber),
        ])
    func machineRatio(sex: Sex, band: Band) throws {
        let assessment = try #require(analyzer.assess(gymSets, sessions: Fixture.info(sex: sex)).first)
        let finding = try #require(assessment.of(.machine1RMHQ).first)
        #expect(abs(finding.value - (25.0 * (1 + 10.0 / 30)) / 84) < 1e-9)
        #expect(Formatting.ratio(finding.value) == "0.40")
        #expect(finding.band == band)
        #expect(finding.side == nil)
        #expect(finding.inputs.map { Formatting.fixed($0.value, digits: 2) } == ["33.33", "84.00"])
        #expect(
            assessment.notes == ["1 set of more than 12 repetitions was not used: 1RM formulas are not valid that high"]
        )
        #expect(finding.caveats.count == 3)
    }

    @Test("without sex the machine ratio is information with both references")
    func machineWithoutSex() throws {
        let finding = try #require(analyzer.assess(gymSets, sessions: [:]).of(.machine1RMHQ).first)
        #expect(finding.band == .info)
        #expect(finding.reason.hasSuffix("the reference is 0.37 for women and 0.43 for men."))
    }

    @Test(
        "Nordic cut-offs for adult male field-sport athletes",
        arguments: [(337.0, Band.green), (336.0, .amber), (256.0, .amber), (255.0, .red)])
    func nordicBands(newtons: Double, band: Band) throws {
        let result = analyzer.assess(
            [Fixture.force(.hamstrings, .left, newtons, contraction: .eccentric, method: .nordic)],
            sessions: Fixture.info(sex: .male, age: 24, mass: 80, sport: "Soccer")
        ).of(.nordicForce)
        #expect(result.map(\.band) == [band])
        #expect(result.first?.inputs.map(\.unit) == ["N", "kg", "N/kg"])
    }

    @Test("for anyone else Nordic force is information with the expected value")
    func nordicInformation() throws {
        let finding = try #require(
            analyzer.assess(
                [Fixture.force(.hamstrings, .right, 300, contraction: .eccentric, method: .nordic)],
                sessions: Fixture.info(sex: .female, mass: 60, sport: "running")
            ).of(.nordicForce).first)
        #expect(finding.band == .info)
        // 300 N / 60 kg = 5.0 N/kg; expected 4 × 60 + 26.1 = 266.1 N. Female, a runner, age unknown: three reasons.
        #expect(
            finding.reason
                == "Right Nordic peak force (hamstrings pulling force) is 300 N (5.0 N/kg). The 256 N and 337 N "
                + "cut-offs come from adult male field-sport athletes (soccer, Australian football, rugby) and are not "
                + "established here: they come from male athletes; 'running' is not one of the field sports they come "
                + "from; age is not recorded; expected for 60.0 kg: about 266 N "
                + "(4 × body mass + 26.1, Buchheit et al. 2016).")
        #expect(finding.missingDetails == [.age])
    }
}
