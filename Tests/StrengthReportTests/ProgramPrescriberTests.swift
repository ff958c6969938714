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
        // 44 against 62 Nm is a 29% left/right difference: the weaker leg gets an extra set.
        #expect(
            program.weakerLegAdvice
                == "Your left leg is clearly weaker: after the three sets, add one set of single-leg hip raises on the "
                + "left leg (from a lower support if needed), and start every single-leg set with it.")
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
