import StrengthModel

/// The soccer-derived screening rule of Croisier et al. 2008: an imbalance when at least two of
/// four criteria are met. Reported as one bilateral finding whose value is the number met.
enum CroisierComposite {
    static func finding(_ findings: [Finding], index: PeakIndex, rule: CroisierRule, profile: ThresholdProfile)
        -> Finding?
    {
        var met: [String] = []
        var checked = 0
        var used: [Measurement] = []

        for contraction in [Contraction.concentric, .eccentric] {
            let pairs = index.keys.filter {
                $0.muscle == .hamstrings && $0.contraction == contraction && $0.side == .left && $0.dimension == .torque
                    && $0.method == .isokinetic
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
                    "\(contraction.rawValue) hamstrings weaker ÷ stronger \(Formatting.ratio(ratio(worst))) < "
                        + Formatting.ratio(rule.bilateralRatio))
                used += [worst.0, worst.1]
            }
        }
        let conventional = findings.filter {
            $0.measure == .conventionalHQ
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
        let mixed = findings.filter { $0.measure == .functionalHQ && $0.velocity == nil }
        if !mixed.isEmpty {
            checked += 1
            if let low = mixed.min(by: { $0.value < $1.value }), low.value < rule.mixed {
                met.append("mixed Hecc/Qcon \(Formatting.ratio(low.value)) < \(Formatting.ratio(rule.mixed))")
                used += low.measurements
            }
        }
        let unchecked = 4 - checked
        // Without a verdict the rule says nothing worth a line: the missing tests could still decide it.
        guard met.count >= 2 || met.count + unchecked < 2 else { return nil }
        let band: Band
        var reason: String
        if met.count >= 2 {
            band = .red
            reason = "Croisier-style imbalance: \(met.count) of the criteria met (\(met.joined(separator: "; ")))."
        } else if met.count == 1 {
            band = .amber
            reason = "Croisier-style rule: 1 criterion met (\(met[0])); an imbalance needs two. A training target."
        } else {
            band = .green
            reason = "Croisier-style rule: none of the \(checked) criteria checked is met."
        }
        return Finding(
            measure: .croisierComposite, value: Double(met.count), band: band,
            reason: reason + " A soccer-derived screening rule, not an injury prediction.",
            threshold: ThresholdUsed(
                green: 1, red: 2, higherIsBetter: false, unit: "criteria", source: rule.source,
                population: "professional soccer players"),
            inputs: [FindingInput(name: "criteria checked", value: Double(checked), unit: "criteria")],
            measurements: used)
    }

    private static func ratio(_ pair: (Measurement, Measurement)) -> Double {
        let (a, b) = (pair.0.value.si, pair.1.value.si)
        return max(a, b) > 0 ? min(a, b) / max(a, b) : 1
    }
}
