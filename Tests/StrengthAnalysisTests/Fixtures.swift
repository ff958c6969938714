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
