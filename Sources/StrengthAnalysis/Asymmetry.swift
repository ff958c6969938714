import StrengthModel

/// Left/right differences per muscle, contraction, velocity and device.
///
/// Screening uses (stronger − weaker) ÷ stronger × 100. When the file names an involved (injured
/// or operated) limb, the limb symmetry index involved ÷ uninvolved × 100 is reported instead,
/// as return-to-sport testing does.
enum Asymmetry {
    static func findings(_ index: PeakIndex, info: SessionInfo?, profile: ThresholdProfile) -> [Finding] {
        var findings: [Finding] = []
        for key in index.keys where key.side == .left {
            guard let left = index[key], let right = index[key.with(side: .some(.right))] else { continue }
            if let involved = info?.involvedSide {
                findings.append(limbSymmetry(left: left, right: right, involved: involved, rule: profile.limbSymmetry))
            } else {
                findings.append(asymmetry(left: left, right: right, rule: profile.asymmetry))
            }
        }
        return findings
    }

    /// (stronger − weaker) ÷ stronger × 100.
    static func percent(_ a: Double, _ b: Double) -> Double {
        let stronger = max(a, b)
        return stronger > 0 ? (stronger - min(a, b)) / stronger * 100 : 0
    }

    static func asymmetry(left: Measurement, right: Measurement, rule: AsymmetryRule) -> Finding {
        let value = percent(left.value.si, right.value.si)
        let weaker: Side? = left.value.si == right.value.si ? nil : (left.value.si < right.value.si ? .left : .right)
        let threshold = ThresholdUsed(
            green: rule.amber, red: rule.red, higherIsBetter: false, unit: "%", source: rule.source,
            population: "field-sport athletes")
        let band = threshold.band(for: value, decimals: 0)
        let what = describe(left)
        let shown = Formatting.fixed(value, digits: 0)
        var reason: String
        if let weaker {
            reason =
                "\(Formatting.capitalized(weaker.rawValue)) \(what): \(shown)% weaker than the \(weaker.opposite.rawValue)"
        } else {
            reason = "Left and right \(what) are equal"
        }
        switch band {
        case .green: reason += ": within the \(Formatting.fixed(rule.amber, digits: 0))% usually seen."
        case .amber: reason += ": a training target for the \(weaker?.rawValue ?? "weaker") leg."
        default:
            reason +=
                value >= rule.marked
                ? ": a marked difference. Work the \(weaker?.rawValue ?? "weaker") leg first."
                : ": beyond the \(Formatting.fixed(rule.red, digits: 0))% cut-off. Work the \(weaker?.rawValue ?? "weaker") leg first."
        }
        var caveats: [String] = []
        if band == .red {
            caveats.append("Confirm a difference this large on a second test day before acting on it alone.")
        }
        return Finding(
            measure: .asymmetry, velocity: left.velocity, angle: left.angle, muscle: left.muscle,
            contraction: left.contraction, weakerSide: weaker, value: value, band: band,
            reason: reason + " Formula: (stronger − weaker) ÷ stronger × 100.", threshold: threshold,
            inputs: inputs(left, right), measurements: [left, right], caveats: caveats)
    }

    static func limbSymmetry(left: Measurement, right: Measurement, involved: Side, rule: LimbSymmetryRule)
        -> Finding
    {
        let (inv, uninv) = involved == .left ? (left, right) : (right, left)
        let value = uninv.value.si > 0 ? inv.value.si / uninv.value.si * 100 : 0
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "%", source: rule.source,
            population: "athletes returning to sport after knee injury or surgery")
        let band = threshold.band(for: value, decimals: 0)
        let lead =
            "Involved \(involved.rawValue) \(describe(left)): \(Formatting.fixed(value, digits: 0))% of the "
            + "\(involved.opposite.rawValue)"
        let reason: String
        switch band {
        case .green:
            reason = "\(lead): at or above the \(Formatting.fixed(rule.green, digits: 0))% return-to-sport mark."
        case .amber: reason = "\(lead): below the \(Formatting.fixed(rule.green, digits: 0))% mark. A training target."
        default: reason = "\(lead): below \(Formatting.fixed(rule.red, digits: 0))%. Make the involved leg a priority."
        }
        return Finding(
            measure: .limbSymmetryIndex, side: involved, velocity: left.velocity, angle: left.angle,
            muscle: left.muscle, contraction: left.contraction,
            weakerSide: inv.value.si < uninv.value.si ? involved : nil,
            value: value, band: band, reason: reason + " Formula: involved ÷ uninvolved × 100.", threshold: threshold,
            inputs: inputs(left, right), measurements: [left, right])
    }

    private static func describe(_ m: Measurement) -> String {
        var text = "\(m.contraction.rawValue) \(m.muscle.rawValue)"
        if let velocity = m.velocity { text += " at \(Formatting.velocity(velocity))" }
        if let angle = m.angle { text += " at \(Formatting.fixed(angle, digits: 0))°" }
        if m.method == .nordic { text = "Nordic hamstrings" }
        if m.method == .bridgeTest { text = "single-leg bridge" }
        return text
    }

    private static func inputs(_ left: Measurement, _ right: Measurement) -> [FindingInput] {
        let unit = left.value.dimension.siSymbol
        return [
            FindingInput(name: "left \(left.muscle.rawValue) peak", value: left.value.si, unit: unit),
            FindingInput(name: "right \(right.muscle.rawValue) peak", value: right.value.si, unit: unit),
        ]
    }
}
