import StrengthAnalysis
import StrengthModel

/// Decides what to prescribe from an assessment; renderers only decide how it looks.
public struct ProgramPrescriber: Sendable {
    public var retestWeeks: Int

    public init(retestWeeks: Int = 6) {
        self.retestWeeks = retestWeeks
    }

    public func prescribe(for assessment: Assessment) -> Program {
        let worst = assessment.worstBand
        let emphasis: String
        let rationale: String
        let sessionsPerWeek: String
        let startStage: Int
        switch worst {
        case .red:
            emphasis = "priority"
            rationale = "At least one measure is beyond a published cut-off: make hamstring strength the first job."
            sessionsPerWeek = "3 non-consecutive days a week"
            startStage = 0
        case .amber:
            emphasis = "build"
            rationale = "At least one measure is below its usual target: build the hamstrings up."
            sessionsPerWeek = "2–3 non-consecutive days a week"
            startStage = 0
        case .green, .info, nil:
            emphasis = "maintain"
            rationale =
                worst == .green
                ? "Every measure with a cut-off is in the usual range: keep the hamstrings strong with a maintenance dose."
                : "No ratio could be judged against a cut-off: a general hamstring program keeps you covered."
            sessionsPerWeek = "2 non-consecutive days a week"
            startStage = worst == .green ? 1 : 0
        }
        let (weaker, fromDifference) = weakerSide(assessment)
        let progressed = retestImproved(assessment)
        let stage = min(startStage + (progressed ? 1 : 0), 3)
        let why = progressed ? rationale + " The retest improved, so start one stage further on." : rationale
        var program = Program(
            emphasis: emphasis, rationale: why, sets: 3,
            setDescription: "to fatigue: stop when you can no longer keep good form", restSeconds: 90,
            sessionsPerWeek: sessionsPerWeek, weakerSide: weaker,
            exercises: [Self.hipRaise(startStage: stage), Self.legCurl(startStage: stage)],
            retestWeeks: retestWeeks,
            safety: "Effort should feel hard in the back of the thigh, not painful. A cramp means rest and "
                + "stretch, then continue. Sharp pain, or pain that lasts into the next day: stop and ask a "
                + "physiotherapist.")
        if let weaker {
            // A flagged left/right difference gets its own work; a lower ratio on one side only sets the order.
            program.weakerLegAdvice =
                fromDifference
                ? "Your \(weaker.rawValue) leg is clearly weaker: after the three sets, add one set of single-leg hip "
                    + "raises on the \(weaker.rawValue) leg (from a lower support if needed), and start every single-leg "
                    + "set with it."
                : "When you reach one leg at a time, start each set with your weaker \(weaker.rawValue) leg."
        }
        return program
    }

    /// A retest where something improved beyond noise and nothing got worse.
    private func retestImproved(_ assessment: Assessment) -> Bool {
        let verdicts = assessment.findings.filter { $0.band != .info }.compactMap(\.change?.verdictSincePrevious)
        return verdicts.contains(.improved) && !verdicts.contains(.worse)
    }

    /// The leg to start single-leg work with: the weaker one of a flagged left/right difference,
    /// otherwise the side whose flagged ratios are lower on average by 0.05 or more.
    private func weakerSide(_ assessment: Assessment) -> (Side?, fromDifference: Bool) {
        let flagged = assessment.findings.filter { $0.band == .amber || $0.band == .red }
        if let asymmetry = flagged.filter({ $0.measure == .asymmetry && $0.weakerSide != nil })
            .max(by: { $0.value < $1.value })
        {
            return (asymmetry.weakerSide, true)
        }
        let ratios = assessment.findings.filter { $0.measure == .conventionalHQ && $0.side != nil }
        guard ratios.contains(where: { $0.band == .amber || $0.band == .red }) else { return (nil, false) }
        func mean(_ side: Side) -> Double? {
            let values = ratios.filter { $0.side == side }.map(\.value)
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        guard let left = mean(.left), let right = mean(.right), abs(left - right) >= 0.05 else { return (nil, false) }
        return (left < right ? .left : .right, false)
    }

    static func hipRaise(startStage: Int) -> Exercise {
        Exercise(
            name: "Hip raise",
            equipment: "a couch, bed or sturdy table",
            setup: "Lie on your back on the floor with your heels up on the couch or table, knees straight.",
            steps: [
                "Push your heels down into the support.",
                "Lift your hips until your body is in a straight line from heels to shoulders.",
                "Lower slowly and repeat.",
            ],
            progression: [
                "Both legs",
                "Both legs, hold 3 seconds at the top",
                "One leg at a time, alternating",
                "One leg at a time from a higher support",
            ],
            startStage: startStage,
            cues: ["Keep the knees straight.", "Squeeze at the top; do not arch your lower back."],
            commonErrors: [
                "Bending the knees: the glutes take over from the hamstrings.",
                "Pushing up through the lower back instead of the heels.",
                "Rushing: a second up and two down keeps the work in the hamstrings.",
            ])
    }

    static func legCurl(startStage: Int) -> Exercise {
        Exercise(
            name: "Leg curl on a ball or foam roller",
            equipment: "an exercise ball or a foam roller",
            setup: "Lie on your back with your heels on the ball or roller, legs straight, arms on the floor.",
            steps: [
                "Push your heels down to lift your hips until your body is straight.",
                "Keeping the hips up and straight, curl your heels towards your glutes.",
                "Roll back out to straight legs, then lower the hips.",
            ],
            progression: [
                "Both legs",
                "Both legs, slow 3-second return",
                "One leg at a time, alternating",
                "One leg at a time, slow return",
            ],
            startStage: startStage,
            cues: ["Do not let the hips sag while you curl.", "Move slowly; control the ball on the way out."],
            commonErrors: [
                "Letting the hips drop as the heels come in.",
                "Letting the ball roll away on the return instead of controlling it.",
                "Holding the breath: breathe out as you curl.",
            ])
    }
}
