import StrengthModel

/// The soccer-derived screening rule of Croisier et al. 2008 as Ardern et al. 2015 apply it: an
/// imbalance when at least two of four criteria are met, each at the speeds the rule names —
/// bilateral hamstrings concentric at 60 and 240°/s and eccentric at 30 and 120°/s, Hcon/Qcon at
/// 60°/s and Hecc30/Qcon240. A deficit at any other speed is not one of its criteria. The rule is
/// met (red) or not met (green); while the untested criteria could still decide it, no finding.
enum CroisierComposite {
    static let concentricSpeeds = [60.0, 240]
    static let eccentricSpeeds = [30.0, 120]

    static func finding(_ findings: [Finding], index: PeakIndex, rule: CroisierRule, profile: ThresholdProfile)
        -> Finding?
    {
        var met: [String] = []
        var checked = 0
        var used: [Measurement] = []

        for (contraction, speeds) in [(Contraction.concentric, concentricSpeeds), (.eccentric, eccentricSpeeds)] {
            let pairs = index.keys.filter {
                $0.muscle == .hamstrings && $0.contraction == contraction && $0.side == .left && $0.dimension == .torque
                    && $0.method == .isokinetic
                    && $0.velocity.map { v in speeds.contains { profile.sameVelocity($0, v) } } == true
            }
            .compactMap { key -> (Measurement, Measurement)? in
                guard let l = index[key], let r = index[key.with(side: .some(.right))] else { return nil }
                return (l, r)
            }
            guard !pairs.isEmpty else { continue }
            checked += 1
            let worst = pairs.min { ratio($0) < ratio($1) }!
            if ratio(worst) < rule.bilateralRatio {
                met.append(
                    "\(contraction.rawValue) hamstrings weaker ÷ stronger \(Formatting.ratio(ratio(worst))) at "
                        + "\(Formatting.velocity(worst.0.velocity ?? 0)) < \(Formatting.ratio(rule.bilateralRatio))")
                used += [worst.0, worst.1]
            }
        }
        let conventional = findings.filter {
            $0.measure == .conventionalHQ && $0.threshold != nil
                && $0.velocity.map { profile.sameVelocity($0, rule.conventionalVelocity) } == true
        }
        if !conventional.isEmpty {
            checked += 1
            if let low = conventional.min(by: { $0.value < $1.value }), low.value < rule.conventional {
                met.append(
                    "Hcon/Qcon at \(Formatting.velocity(rule.conventionalVelocity)) \(Formatting.ratio(low.value)) < "
                        + Formatting.ratio(rule.conventional))
                used += low.measurements
            }
        }
        let mixed = findings.filter { $0.measure == .functionalHQ && $0.velocity == nil && $0.threshold != nil }
        if !mixed.isEmpty {
            checked += 1
            if let low = mixed.min(by: { $0.value < $1.value }), low.value < rule.mixed {
                met.append("mixed Hecc/Qcon \(Formatting.ratio(low.value)) < \(Formatting.ratio(rule.mixed))")
                used += low.measurements
            }
        }
        let unchecked = 4 - checked
        // Undecided while the criteria not tested could still make two.
        guard met.count >= 2 || met.count + unchecked < 2 else { return nil }
        let band: Band = met.count >= 2 ? .red : .green
        let reason =
            met.count >= 2
            ? "Croisier-style imbalance: \(met.count) of the criteria met (\(met.joined(separator: "; ")))."
            : met.isEmpty
                ? "Croisier-style rule not met: none of the \(checked) criteria tested is."
                : "Croisier-style rule not met: 1 of the \(checked) criteria tested (\(met[0])); the rule needs two."
        return Finding(
            measure: .croisierComposite, value: Double(met.count), band: band,
            reason: reason + " A soccer-derived screening rule (combined imbalance rule), not an injury prediction."
                + RatioWords.population("professional soccer players"),
            threshold: ThresholdUsed(
                green: 2, red: 2, higherIsBetter: false, unit: "criteria", source: rule.source,
                population: "professional soccer players"),
            inputs: [FindingInput(name: "criteria checked", value: Double(checked), unit: "criteria")],
            measurements: used)
    }

    private static func ratio(_ pair: (Measurement, Measurement)) -> Double {
        let (a, b) = (pair.0.value.si, pair.1.value.si)
        return max(a, b) > 0 ? min(a, b) / max(a, b) : 1
    }
}
