import StrengthModel

/// A home exercise from the brief, with how to do it and how to progress it.
public struct Exercise: Sendable, Hashable, Codable {
    public var name: String
    public var equipment: String
    public var setup: String
    public var steps: [String]
    /// Stages in order; `startStage` indexes into them.
    public var progression: [String]
    /// For each stage, the objective rule for moving on to the next (a repetition count with good form).
    public var moveOn: [String]
    public var startStage: Int
    public var cues: [String]
    public var commonErrors: [String]

    /// The objective rule for leaving the starting stage, or a generic one for an exercise without rules.
    public var moveOnRule: String {
        startStage < moveOn.count
            ? moveOn[startStage] : "Move on when all three sets reach 12 repetitions with good form."
    }

    public init(
        name: String, equipment: String, setup: String, steps: [String], progression: [String],
        moveOn: [String] = [], startStage: Int, cues: [String], commonErrors: [String] = []
    ) {
        self.moveOn = moveOn
        self.name = name
        self.equipment = equipment
        self.setup = setup
        self.steps = steps
        self.progression = progression
        self.startStage = startStage
        self.cues = cues
        self.commonErrors = commonErrors
    }
}

/// The prescription for one athlete-session.
public struct Program: Sendable, Hashable, Codable {
    /// `priority`, `build` or `maintain`.
    public var emphasis: String
    /// One sentence on why this dose.
    public var rationale: String
    public var sets: Int
    public var setDescription: String
    public var restSeconds: Int
    public var sessionsPerWeek: String
    /// The limb to start single-leg work with, when one is clearly weaker.
    public var weakerSide: Side?
    /// What to do about the weaker leg, in one sentence; nil when neither leg is clearly weaker.
    public var weakerLegAdvice: String?
    public var exercises: [Exercise]
    public var retestWeeks: Int
    /// How to retest so the change means something.
    public var retestAdvice: String = ""

    /// `Retest in 6 weeks (around 2026-03-01) on the same device, …`, for every renderer.
    public func retestSentence(from date: TestDate) -> String {
        let when = "around \(date.adding(days: retestWeeks * 7))"
        if retestAdvice.isEmpty { return "Retest in \(retestWeeks) weeks (\(when)) on the same device and protocol." }
        return retestAdvice.hasPrefix("Retest in")
            ? retestAdvice.replacingFirst("in \(retestWeeks) weeks", with: "in \(retestWeeks) weeks (\(when))")
            : retestAdvice
    }
    public var safety: String

    public init(
        emphasis: String, rationale: String, sets: Int, setDescription: String, restSeconds: Int,
        sessionsPerWeek: String, weakerSide: Side?, exercises: [Exercise], retestWeeks: Int, safety: String
    ) {
        self.emphasis = emphasis
        self.rationale = rationale
        self.sets = sets
        self.setDescription = setDescription
        self.restSeconds = restSeconds
        self.sessionsPerWeek = sessionsPerWeek
        self.weakerSide = weakerSide
        self.weakerLegAdvice = nil
        self.exercises = exercises
        self.retestWeeks = retestWeeks
        self.safety = safety
    }

    enum CodingKeys: String, CodingKey {
        case emphasis, rationale, sets, setDescription, restSeconds, sessionsPerWeek, weakerSide, weakerLegAdvice
        case exercises, retestWeeks, retestAdvice, safety
    }

    // Every key is written, null when empty, so the JSON shape is the same for every athlete.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(emphasis, forKey: .emphasis)
        try c.encode(rationale, forKey: .rationale)
        try c.encode(sets, forKey: .sets)
        try c.encode(setDescription, forKey: .setDescription)
        try c.encode(restSeconds, forKey: .restSeconds)
        try c.encode(sessionsPerWeek, forKey: .sessionsPerWeek)
        try c.encode(weakerSide, forKey: .weakerSide)
        try c.encode(weakerLegAdvice, forKey: .weakerLegAdvice)
        try c.encode(exercises, forKey: .exercises)
        try c.encode(retestWeeks, forKey: .retestWeeks)
        try c.encode(retestAdvice, forKey: .retestAdvice)
        try c.encode(safety, forKey: .safety)
    }
}

extension String {
    /// The string with the first `target` replaced, without Foundation.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let range = range(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }

    private func range(of target: String) -> Range<String.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            start = index(after: start)
        }
        return nil
    }
}
