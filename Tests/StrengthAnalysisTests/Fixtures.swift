import StrengthAnalysis
import StrengthModel

/// Builds measurements by hand, so expected ratios can be worked out on paper.
enum Fixture {
    static let day = TestDate(year: 2026, month: 1, day: 12)!

    static func torque(
        _ muscle: MuscleGroup, _ side: Side, _ newtonMetres: Double, at velocity: Double?,
        contraction: Contraction = .concentric, athlete: String = "A1", date: TestDate = day,
        gravityCorrected: Bool? = true, method: TestMethod = .isokinetic, line: Int = 2
    ) -> Measurement {
        Measurement(
            athlete: athlete, date: date, side: side, muscle: muscle, contraction: contraction, velocity: velocity,
            value: Quantity(newtonMetres, .newtonMetre), sourceUnit: .newtonMetre, method: method,
            gravityCorrected: gravityCorrected, source: SourceLocation(file: "fixture.csv", line: line))
    }
}

extension Fixture {
    static func force(
        _ muscle: MuscleGroup, _ side: Side?, _ newtons: Double, contraction: Contraction = .isometric,
        angle: Double? = nil, method: TestMethod = .handHeld, date: TestDate = day
    ) -> Measurement {
        Measurement(
            athlete: "A1", date: date, side: side, muscle: muscle, contraction: contraction, velocity: nil,
            angle: angle,
            value: Quantity(newtons, .newton), sourceUnit: .newton, method: method,
            source: SourceLocation(file: "fixture.csv", line: 2))
    }

    static func set(
        _ muscle: MuscleGroup, _ kilograms: Double, reps: UInt16?, warmUp: Bool = false, side: Side? = nil
    ) -> Measurement {
        Measurement(
            athlete: "A1", date: day, side: side, muscle: muscle, contraction: .concentric, velocity: nil,
            value: Quantity(kilograms, .kilogram), sourceUnit: .kilogram, method: .machine1RM, repetitions: reps,
            isWarmUp: warmUp, source: SourceLocation(file: "gym.csv", line: 2))
    }

    static func info(
        sex: Sex? = nil, age: Int? = nil, mass: Double? = nil, sport: String? = nil, involved: Side? = nil,
        acl: Bool? = nil, date: TestDate = day
    ) -> [SessionKey: SessionInfo] {
        [
            SessionKey(athlete: "A1", date: date): SessionInfo(
                athlete: "A1", date: date, sex: sex, age: age, bodyMassKg: mass, sport: sport, involvedSide: involved,
                aclReconstruction: acl)
        ]
    }
}

extension [Assessment] {
    func of(_ measure: Measure) -> [Finding] { flatMap(\.findings).filter { $0.measure == measure } }
}
