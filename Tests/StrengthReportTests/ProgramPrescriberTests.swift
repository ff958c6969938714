import StrengthAnalysis
import StrengthModel
import Testing

@testable import StrengthReport

@Suite("Program prescription")
struct ProgramPrescriberTests {
    let prescriber = ProgramPrescriber(retestWeeks: 6)

    @Test("red: priority, three days a week, from the first stage, weaker leg first")
    func red() {
        let program = prescriber.prescribe(for: ReportFixture.assessment(leftHamstrings: 44, rightHamstrings: 62))
        #expect(program.emphasis == "priority")
        #expect(program.sessionsPerWeek == "3 non-consecutive days a week")
        #expect(program.sets == 3)
        #expect(program.exercises.map(\.name) == ["Hip raise", "Leg curl on a ball or foam roller"])
        #expect(program.exercises.map(\.startStage) == [0, 0])
        #expect(program.weakerSide == .left)
        // 44 against 62 Nm is a 29% hamstrings difference (amber): the weaker leg gets an extra set.
        #expect(
            program.weakerLegAdvice
                == "Your left hamstrings tested weaker than the right: after the three sets, add one set of single-leg "
                + "hip raises on the left leg (from a lower support if needed), and start every single-leg set with it."
        )
        #expect(
            program.rationale.hasSuffix("consider a review with a physiotherapist or sports-medicine professional."))
    }

    @Test("amber: build, both sides alike so no weaker leg")
    func amber() {
        let program = prescriber.prescribe(for: ReportFixture.assessment(leftHamstrings: 55, rightHamstrings: 57))
        #expect(program.emphasis == "build")
        #expect(program.sessionsPerWeek == "2–3 non-consecutive days a week")
        #expect(program.weakerSide == nil)
        #expect(program.weakerLegAdvice == nil)
    }

    @Test("all green still gets a maintenance program, one stage on")
    func green() {
        let program = prescriber.prescribe(for: ReportFixture.assessment(leftHamstrings: 65, rightHamstrings: 66))
        #expect(program.emphasis == "maintain")
        #expect(program.sessionsPerWeek == "2 non-consecutive days a week")
        #expect(
            program.exercises[0].progression[program.exercises[0].startStage] == "Both legs, hold 3 seconds at the top")
    }

    @Test("hip raise and leg curl follow the brief's progression")
    func exercises() {
        let hip = ProgramPrescriber.hipRaise(startStage: 0)
        #expect(
            hip.progression == [
                "Both legs", "Both legs, hold 3 seconds at the top", "One leg at a time, alternating",
                "One leg at a time from a higher support",
            ])
        #expect(hip.setup.contains("heels up on the couch or table, knees straight"))
        let curl = ProgramPrescriber.legCurl(startStage: 0)
        #expect(curl.steps[1] == "Keeping the hips up and straight, curl your heels towards your glutes.")
    }
}

/// Which leg gets extra work, how far a retest moves the program, and the words around it.
@Suite("Program rules")
struct ProgramRuleTests {
    let prescriber = ProgramPrescriber(retestWeeks: 6)
    static let day = TestDate(year: 2026, month: 1, day: 12)!

    func torque(_ muscle: MuscleGroup, _ side: Side, _ value: Double, date: TestDate = day) -> Measurement {
        Measurement(
            athlete: "A01", date: date, side: side, muscle: muscle, contraction: .concentric, velocity: 60,
            value: Quantity(value, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic, gravityCorrected: true,
            source: SourceLocation(file: "t.csv", line: 2))
    }

    func assessments(_ measurements: [Measurement], involved: Side? = nil, dates: [TestDate] = [day]) -> [Assessment] {
        var sessions: [SessionKey: SessionInfo] = [:]
        for date in dates {
            sessions[SessionKey(athlete: "A01", date: date)] = SessionInfo(
                athlete: "A01", date: date, sex: .female, involvedSide: involved)
        }
        return Analyzer().assess(measurements, sessions: sessions)
    }

    @Test("a red hamstrings symmetry index of the involved leg gets the extra set; the clinician's plan comes first")
    func involvedHamstrings() throws {
        // Hamstrings 70 ÷ 100 = 70% (red, below 80%); quadriceps 150 ÷ 150 = 100%.
        let a = try #require(
            assessments(
                [
                    torque(.hamstrings, .left, 70), torque(.hamstrings, .right, 100), torque(.quadriceps, .left, 150),
                    torque(.quadriceps, .right, 150),
                ], involved: .left
            ).first)
        let program = prescriber.prescribe(for: a)
        #expect(program.weakerSide == .left)
        #expect(
            program.weakerLegAdvice
                == "The hamstrings of your left (injured or operated) leg are below the usual mark: after the three sets, "
                + "add one set of single-leg hip raises on the left leg (from a lower support if needed), and start "
                + "every single-leg set with it.")
        #expect(
            program.rationale.hasPrefix(
                "Your left leg is the injured or operated one: follow your clinician's rehabilitation plan first; this "
                    + "program is a supplement to it, not a replacement."))
    }

    @Test("a quadriceps deficit never sends extra hamstring sets to that leg")
    func quadricepsDeficit() throws {
        // Quadriceps 105 ÷ 150 = 70% on the involved left (red); hamstrings 90 ÷ 90 = 100%.
        let a = try #require(
            assessments(
                [
                    torque(.hamstrings, .left, 90), torque(.hamstrings, .right, 90), torque(.quadriceps, .left, 105),
                    torque(.quadriceps, .right, 150),
                ], involved: .left
            ).first)
        #expect(a.worstBand == .red)
        let program = prescriber.prescribe(for: a)
        #expect(program.weakerSide == nil)
        #expect(program.weakerLegAdvice == nil)
    }

    @Test("the lower ratio's side starts single-leg work only when its hamstrings are the weaker ones")
    func lowerRatioSide() throws {
        // Left 70 ÷ 140 = 0.50, right 70 ÷ 100 = 0.70: the left ratio is lower because its quadriceps are stronger.
        let stronger = try #require(
            assessments([
                torque(.hamstrings, .left, 70), torque(.quadriceps, .left, 140), torque(.hamstrings, .right, 70),
                torque(.quadriceps, .right, 100),
            ]).first)
        #expect(prescriber.prescribe(for: stronger).weakerSide == nil)
        // Left 66 ÷ 132 = 0.50 with hamstrings 66 < 70 (a 5.7% difference, green): the left leg starts.
        let weaker = try #require(
            assessments([
                torque(.hamstrings, .left, 66), torque(.quadriceps, .left, 132), torque(.hamstrings, .right, 70),
                torque(.quadriceps, .right, 100),
            ]).first)
        let program = prescriber.prescribe(for: weaker)
        #expect(program.weakerSide == .left)
        #expect(program.weakerLegAdvice == "When you reach one leg at a time, start each set with your left leg.")
    }

    func programs(_ first: (Double, Double), _ second: (Double, Double)) -> [Program] {
        let later = Self.day.adding(days: 42)
        let list = assessments(
            [
                torque(.hamstrings, .left, first.0), torque(.quadriceps, .left, first.1),
                torque(.hamstrings, .left, second.0, date: later), torque(.quadriceps, .left, second.1, date: later),
            ], dates: [Self.day, later])
        let report = ScreeningReport.build(
            importSummary: ImportSummary(files: [], diagnostics: []), assessments: list, profile: .defaultV1,
            generator: "test")
        return report.entries.map(\.program)
    }

    @Test("a retest moves the program on by one stage at most")
    func oneStage() {
        // 0.55 (amber, stage 0) → 0.65 (green, +0.10 improved): stage 1, not the 2 a fresh green start plus
        // an improvement would give.
        let stages = programs((55, 100), (65, 100)).map { $0.exercises[0].startStage }
        #expect(stages == [0, 1])
    }

    @Test("a ratio lifted by weaker quadriceps does not move the program on")
    func quadricepsDrivenStage() {
        // 90/180 = 0.50 (amber) → 90/150 = 0.60 (green): the quadriceps lost 16.7%, the hamstrings nothing.
        let programs = programs((90, 180), (90, 150))
        #expect(programs.map { $0.exercises[0].startStage } == [0, 0])
        #expect(programs[1].rationale.contains("A ratio rose because the quadriceps got weaker"))
        #expect(!programs[1].rationale.contains("The retest improved"))
    }

    @Test("soreness is told apart from pain; the retest is on the same device, protocol and time of day")
    func words() throws {
        let a = try #require(assessments([torque(.hamstrings, .left, 55), torque(.quadriceps, .left, 100)]).first)
        let program = prescriber.prescribe(for: a)
        #expect(program.safety.hasPrefix("Muscle soreness in the back of the thigh for one to three days"))
        #expect(program.safety.contains("Stop and ask a physiotherapist if pain is sharp, sits in a joint"))
        #expect(
            program.retestSentence(from: Self.day).hasPrefix("Retest in 6 weeks (around 2026-02-23) on the same device")
        )
        #expect(program.retestAdvice.contains("at the same time of day"))
        #expect(program.exercises.allSatisfy { $0.moveOn.count == $0.progression.count })
        #expect(
            program.exercises[0].moveOnRule
                == "Move on when all three sets reach 15 repetitions with straight knees and level hips.")
        let nothing = try #require(assessments([torque(.hamstrings, .left, 55, date: Self.day)]).first)
        #expect(!prescriber.prescribe(for: nothing).rationale.contains("covered"))
    }
}
