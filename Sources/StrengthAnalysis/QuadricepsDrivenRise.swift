import StrengthModel

/// A hamstrings:quadriceps ratio can rise for the wrong reason: weaker quadriceps. When the
/// quadriceps lost more than the strength noise and the hamstrings gained no more than it, the
/// rise is the quadriceps' loss, shown as a finding of its own.
enum QuadricepsDrivenRise {
    /// The quadriceps-loss finding, when `finding`'s rise since `earlier` is quadriceps-driven.
    /// Only a hamstrings:quadriceps ratio can rise this way.
    static func applies(to measure: Measure) -> Bool {
        switch measure {
        case .conventionalHQ, .functionalHQ, .isometricHQ: true
        default: false
        }
    }

    static func check(_ finding: Finding, earlier: Finding, profile: ThresholdProfile) -> Finding? {
        guard applies(to: finding.measure) else { return nil }
        guard finding.value > earlier.value,
            finding.measurementCount == 2, earlier.measurementCount == 2,
            let hamstrings = finding.firstMeasurement, let quadriceps = finding.lastMeasurement,
            let oldHamstrings = earlier.firstMeasurement, let oldQuadriceps = earlier.lastMeasurement,
            oldQuadriceps.value.si > 0, oldHamstrings.value.si > 0
        else { return nil }
        let noise = profile.change.strengthPercent
        let quadricepsChange = (quadriceps.value.si - oldQuadriceps.value.si) / oldQuadriceps.value.si * 100
        let hamstringsChange = (hamstrings.value.si - oldHamstrings.value.si) / oldHamstrings.value.si * 100
        guard quadricepsChange < -noise, hamstringsChange <= noise else { return nil }
        let unit = quadriceps.value.dimension.siSymbol
        var finding = Finding(
            measure: .strengthChange, side: quadriceps.side, velocity: quadriceps.velocity, angle: quadriceps.angle,
            muscle: .quadriceps, contraction: quadriceps.contraction, value: quadricepsChange, band: .info,
            reason: "", threshold: nil,
            inputs: [
                FindingInput(name: "quadriceps peak, earlier test", value: oldQuadriceps.value.si, unit: unit),
                FindingInput(name: "quadriceps peak, this test", value: quadriceps.value.si, unit: unit),
                FindingInput(name: "hamstrings change", value: hamstringsChange, unit: "%"),
            ],
            measurements: [oldQuadriceps, quadriceps])
        finding.setReason {
            let speed = quadriceps.velocity.map { " at \(Formatting.velocity($0))" } ?? ""
            return "\(Words.side(quadriceps.side)) quadriceps\(speed): "
                + "\(Formatting.fixed(quadriceps.value.si, digits: 0)) \(unit), "
                + "\(Formatting.fixed(-quadricepsChange, digits: 0))% less than on \(oldQuadriceps.date) "
                + "(\(Formatting.fixed(oldQuadriceps.value.si, digits: 0)) \(unit)), while the hamstrings changed "
                + "\(hamstringsChange >= 0 ? "+" : "−")\(Formatting.fixed(abs(hamstringsChange), digits: 0))%. The "
                + "higher hamstrings:quadriceps ratio comes from weaker quadriceps, not stronger hamstrings: it is not "
                + "progress. Changes within \(Formatting.fixed(noise, digits: 0))% are measurement noise."
        }
        return finding
    }
}
