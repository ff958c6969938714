import StrengthModel

/// Single-leg hamstring bridge, heel on a box, repetitions to failure per leg.
///
/// A posterior-chain endurance test rather than a pure hamstring one (Roberti et al. 2024 found
/// no correlation with isokinetic hamstring endurance), so every finding says so.
enum BridgeTest {
    static func findings(_ index: PeakIndex, rule: RatioCutoff) -> [Finding] {
        index.keys.filter { $0.method == .bridgeTest && $0.dimension == .count && $0.side != nil }
            .compactMap { index[$0] }
            .map { m in
                let reps = m.value.si
                let threshold = ThresholdUsed(
                    green: rule.green, red: rule.red, higherIsBetter: true, unit: "reps", source: rule.source,
                    population: rule.population)
                let band = threshold.band(for: reps)
                let lead = "\(Words.side(m.side)) single-leg bridge: \(Formatting.fixed(reps, digits: 0)) repetitions"
                let green = Formatting.fixed(rule.green, digits: 0)
                var reason: String
                switch band {
                case .green: reason = "\(lead), at or above the \(green) usually reached."
                case .amber: reason = "\(lead), below the \(green) usually reached. A training target."
                default:
                    reason =
                        "\(lead), below \(Formatting.fixed(rule.red ?? rule.green, digits: 0)). "
                        + "Make the hamstrings a priority."
                }
                reason += RatioWords.population(rule.population)
                return Finding(
                    measure: .singleLegBridge, side: m.side, muscle: .hamstrings, value: reps, band: band,
                    reason: reason, threshold: threshold,
                    inputs: [FindingInput(name: "repetitions to failure", value: reps, unit: "reps")],
                    measurements: [m],
                    caveats: [
                        "The bridge test measures posterior-chain endurance, not hamstring strength alone "
                            + "(Roberti et al. 2024)."
                    ])
            }
    }
}
