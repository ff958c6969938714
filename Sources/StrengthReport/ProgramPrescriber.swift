import StrengthAnalysis
import StrengthModel

/// Decides what to prescribe from an assessment; renderers only decide how it looks.
public struct ProgramPrescriber: Sendable {
    public var retestWeeks: Int {
        didSet { retestAdvice = Self.retestAdvice(weeks: retestWeeks) }
    }
    /// The advice of every test day's program, written once: interpolated per session, it was an
    /// allocation a session.
    private var retestAdvice: String

    public init(retestWeeks: Int = 6) {
        self.retestWeeks = retestWeeks
        retestAdvice = Self.retestAdvice(weeks: retestWeeks)
    }

    private static func retestAdvice(weeks: Int) -> String {
        "Retest in \(weeks) weeks on the same device, with the same protocol (speeds, position, gravity "
            + "correction) and at the same time of day, so the change means something."
    }

    public func prescribe(for assessment: Assessment, previous: Program? = nil) -> Program {
        let worst = assessment.worstBand
        let emphasis: String
        var rationale: String
        let sessionsPerWeek: String
        let startStage: Int
        switch worst {
        case .red:
            emphasis = "priority"
            rationale =
                "At least one measure is beyond a published cut-off: make hamstring strength the first job, and "
                + "consider a review with a physiotherapist or sports-medicine professional."
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
                : "No measure could be judged against a cut-off, so this is a general hamstring program, not a "
                    + "targeted one."
            sessionsPerWeek = "2 non-consecutive days a week"
            startStage = worst == .green ? 1 : 0
        }
        var stage = startStage
        let retest = RetestReading(assessment)
        if let previous, let previousStage = previous.exercises.first?.startStage {
            // A retest moves the program on by one stage at most, and only for real hamstring progress; a
            // measure that got worse starts again where its band starts.
            if retest.worse {
                stage = min(startStage, previousStage)
            } else if retest.improved {
                stage = previousStage + 1
                rationale += " The retest improved, so move on one stage."
            } else {
                stage = previousStage
            }
        }
        stage = min(stage, 3)
        if retest.quadricepsDriven {
            rationale +=
                " A ratio rose because the quadriceps got weaker, not because the hamstrings got stronger: that is "
                + "not progress, so the stage stays."
        }
        if let involved = assessment.info?.involvedSide {
            rationale =
                "Your \(involved.rawValue) leg is the injured or operated one: follow your clinician's rehabilitation "
                + "plan first; this program is a supplement to it, not a replacement. " + rationale
        }
        let (weaker, advice) = weakerLeg(assessment)
        var program = Program(
            emphasis: emphasis, rationale: rationale, sets: 3,
            setDescription: "to fatigue: stop when you can no longer keep good form", restSeconds: 90,
            sessionsPerWeek: sessionsPerWeek, weakerSide: weaker,
            exercises: Self.exercises(startStage: stage),
            retestWeeks: retestWeeks,
            safety: "Muscle soreness in the back of the thigh for one to three days after sets to fatigue is normal: "
                + "keep going. Stop and ask a physiotherapist if pain is sharp, sits in a joint (knee, hip, lower back), "
                + "or gets worse from session to session. A cramp means rest and stretch, then continue.")
        program.weakerLegAdvice = advice
        if let window = assessment.window {
            // A training log retests itself: the next window is the retest.
            let next = window.end.adding(days: window.days)
            program.retestAdvice =
                "Keep logging your leg curls and leg extensions on the same machines; the next \(window.days)-day window "
                + "closes on \(next)."
        } else {
            program.retestAdvice = retestAdvice
        }
        return program
    }

    /// What a retest's changes say for the program, read in one pass without copying any change.
    private struct RetestReading {
        /// A banded measure got worse beyond noise.
        var worse = false
        /// A banded measure improved beyond noise for real — not a ratio lifted by weaker quadriceps —
        /// and nothing got worse.
        var improved: Bool { improvedSomewhere && !worse }
        /// A ratio rose because the quadriceps got weaker.
        var quadricepsDriven = false
        private var improvedSomewhere = false

        init(_ assessment: Assessment) {
            let findings = assessment.findings
            for i in findings.indices {
                guard let (verdict, quadricepsDriven) = findings[i].verdictSincePrevious else { continue }
                if quadricepsDriven { self.quadricepsDriven = true }
                guard findings[i].band != .info else { continue }
                if verdict == .worse { worse = true }
                if verdict == .improved && !quadricepsDriven { improvedSomewhere = true }
            }
        }
    }

    /// The leg that gets extra single-leg work, from hamstring findings only: a flagged hamstrings
    /// difference, a flagged hamstrings symmetry index of the involved leg, or the side whose flagged
    /// H:Q ratios are lower because its hamstrings are weaker (not because its quadriceps are stronger).
    private func weakerLeg(_ assessment: Assessment) -> (Side?, String?) {
        // The most severe flagged hamstrings difference (the larger on a tie, the first of equals), in
        // one plain loop: a chain of lazy filters and `max(by:)` was half of prescribing. By index, as
        // `for finding in` retains and releases every finding it passes.
        let findings = assessment.findings
        var differenceIndex: Int?
        for i in findings.indices
        where (findings[i].band == .amber || findings[i].band == .red)
            && (findings[i].measure == .asymmetry || findings[i].measure == .limbSymmetryIndex)
            && findings[i].muscle == .hamstrings && findings[i].weakerSide != nil
        {
            guard let best = differenceIndex.map({ findings[$0] }) else {
                differenceIndex = i
                continue
            }
            let (band, value) = (findings[i].band, findings[i].value)
            if best.band.severity < band.severity || (best.band == band && best.value < value) {
                differenceIndex = i
            }
        }
        if let difference = differenceIndex.map({ findings[$0] }), let side = difference.weakerSide {
            return (side, Self.extraSet(side, involvedLeg: difference.measure == .limbSymmetryIndex))
        }
        // Each side's conventional ratios and the hamstring torques under them, summed in one pass (in
        // the findings' order, as the means always were).
        var leftSum = (ratio: 0.0, hamstrings: 0.0, count: 0)
        var rightSum = leftSum
        var flaggedRatio = false
        for i in findings.indices where findings[i].measure == .conventionalHQ {
            guard let side = findings[i].side else { continue }
            let (band, value) = (findings[i].band, findings[i].value)
            if band == .amber || band == .red { flaggedRatio = true }
            let hamstrings = findings[i].firstInputValue ?? 0
            if side == .left {
                leftSum = (leftSum.ratio + value, leftSum.hamstrings + hamstrings, leftSum.count + 1)
            } else {
                rightSum = (rightSum.ratio + value, rightSum.hamstrings + hamstrings, rightSum.count + 1)
            }
        }
        guard flaggedRatio, leftSum.count > 0, rightSum.count > 0 else { return (nil, nil) }
        let (left, right) = (leftSum.ratio / Double(leftSum.count), rightSum.ratio / Double(rightSum.count))
        guard abs(left - right) >= 0.05 else { return (nil, nil) }
        let leftHamstrings = leftSum.hamstrings / Double(leftSum.count)
        let rightHamstrings = rightSum.hamstrings / Double(rightSum.count)
        let side: Side = left < right ? .left : .right
        // A lower ratio from stronger quadriceps is not a hamstring deficit.
        let sideHamstrings = side == .left ? leftHamstrings : rightHamstrings
        let otherHamstrings = side == .left ? rightHamstrings : leftHamstrings
        guard sideHamstrings < otherHamstrings else { return (nil, nil) }
        return (side, Self.leadWith.first { $0.side == side }!.words)
    }

    /// The advice for a weaker leg, per side, written once: a third of prescribing was writing it for
    /// every session that has one.
    private static func extraSet(_ side: Side, involvedLeg: Bool) -> String {
        // Found by comparing cases: a dictionary keyed by `Side` hashed its raw value, a string.
        let words = extraSets.first { $0.side == side }!.words
        return involvedLeg ? words.involvedLeg : words.difference
    }

    private static let extraSets =
        Side.allCases.map { side in
            let finding = (
                difference: "Your \(side.rawValue) hamstrings tested weaker than the \(side.opposite.rawValue)",
                involvedLeg:
                    "The hamstrings of your \(side.rawValue) (injured or operated) leg are below the usual mark"
            )
            let extraSet =
                ": after the three sets, add one set of single-leg hip raises on the \(side.rawValue) leg "
                + "(from a lower support if needed), and start every single-leg set with it."
            return (
                side: side,
                words: (difference: finding.difference + extraSet, involvedLeg: finding.involvedLeg + extraSet)
            )
        }

    private static let leadWith = Side.allCases.map {
        (side: $0, words: "When you reach one leg at a time, start each set with your \($0.rawValue) leg.")
    }

    /// Both exercises from one stage: the four stages' pairs are made once and shared, where each
    /// session's program copied both exercises' eight texts and lists into an array of its own.
    static func exercises(startStage: Int) -> [Exercise] {
        guard exercisesByStage.indices.contains(startStage) else {
            return [hipRaise(startStage: startStage), legCurl(startStage: startStage)]
        }
        return exercisesByStage[startStage]
    }

    private static let exercisesByStage = hipRaise.progression.indices.map {
        [hipRaise(startStage: $0), legCurl(startStage: $0)]
    }

    static func hipRaise(startStage: Int) -> Exercise {
        var exercise = hipRaise
        exercise.startStage = startStage
        return exercise
    }

    static func legCurl(startStage: Int) -> Exercise {
        var exercise = legCurl
        exercise.startStage = startStage
        return exercise
    }

    // Built once: every session's program holds the same words, and building their ten arrays per
    // session was a twentieth of a squad report.
    private static let hipRaise =
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
            moveOn: [
                "Move on when all three sets reach 15 repetitions with straight knees and level hips.",
                "Move on when all three sets reach 12 repetitions, each held 3 seconds at the top, with good form.",
                "Move on when all three sets reach 10 repetitions on each leg with good form.",
                "Stay here; when all three sets reach 10 repetitions on each leg, raise the support a little more.",
            ],
            startStage: 0,
            cues: ["Keep the knees straight.", "Squeeze at the top; do not arch your lower back."],
            commonErrors: [
                "Bending the knees: the glutes take over from the hamstrings.",
                "Pushing up through the lower back instead of the heels.",
                "Rushing: a second up and two down keeps the work in the hamstrings.",
            ])

    private static let legCurl =
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
            moveOn: [
                "Move on when all three sets reach 12 repetitions with the hips up the whole time.",
                "Move on when all three sets reach 10 repetitions, each returned slowly over 3 seconds.",
                "Move on when all three sets reach 8 repetitions on each leg with the hips up.",
                "Stay here; when all three sets reach 8 slow repetitions on each leg, add a pause with the heel curled in.",
            ],
            startStage: 0,
            cues: ["Do not let the hips sag while you curl.", "Move slowly; control the ball on the way out."],
            commonErrors: [
                "Letting the hips drop as the heels come in.",
                "Letting the ball roll away on the return instead of controlling it.",
                "Holding the breath: breathe out as you curl.",
            ])
}
