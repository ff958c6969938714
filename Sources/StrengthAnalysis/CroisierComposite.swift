import StrengthModel

/// The soccer-derived screening rule of Croisier et al. 2008 as Ardern et al. 2015 apply it: an
/// imbalance when at least two of four criteria are met, each at the speeds the rule names —
/// bilateral hamstrings concentric at 60 and 240°/s and eccentric at 30 and 120°/s, Hcon/Qcon at
/// 60°/s and Hecc30/Qcon240. A deficit at any other speed is not one of its criteria. The rule is
/// met (red) or not met (green); while the untested criteria could still decide it, no finding.
enum CroisierComposite {
    static let concentricSpeeds = [60.0, 240]
    static let eccentricSpeeds = [30.0, 120]
    private static let bilateralCriteria = [(Contraction.concentric, concentricSpeeds), (.eccentric, eccentricSpeeds)]

    /// A criterion met, kept as numbers: its words are written only if the reason is read.
    private enum Criterion {
        case bilateral(Contraction, ratio: Double, velocity: Double)
        case conventional(Double)
        case mixed(Double)

        func words(_ rule: CroisierRule) -> String {
            switch self {
            case .bilateral(let contraction, let ratio, let velocity):
                "\(contraction.rawValue) hamstrings weaker ÷ stronger \(Formatting.ratio(ratio)) at "
                    + "\(Formatting.velocity(velocity)) < \(Formatting.ratio(rule.bilateralRatio))"
            case .conventional(let ratio):
                "Hcon/Qcon at \(Formatting.velocity(rule.conventionalVelocity)) \(Formatting.ratio(ratio)) < "
                    + Formatting.ratio(rule.conventional)
            case .mixed(let ratio):
                "mixed Hecc/Qcon \(Formatting.ratio(ratio)) < \(Formatting.ratio(rule.mixed))"
            }
        }
    }

    static func finding(_ findings: [Finding], index: PeakIndex, rule: CroisierRule, profile: ThresholdProfile)
        -> Finding?
    {
        var met: [Criterion] = []
        var checked = 0
        var used: [Measurement] = []

        // Two passes named in a static list: an array literal of pairs here was built every session.
        for (contraction, speeds) in Self.bilateralCriteria {
            // The worst pair's ratio and where it is, not the pair: two measurements carried through
            // the loop were copied at every key it passed.
            var worst: (ratio: Double, left: Int, right: Int)?
            for (position, key) in index.keys.enumerated()
            where key.muscle == .hamstrings && key.contraction == contraction && key.side == .left
                && key.dimension == .torque && key.method == .isokinetic
            {
                guard let velocity = key.velocity, speeds.contains(where: { profile.sameVelocity($0, velocity) }),
                    let right = index.position(of: key.with(side: .some(.right)))
                else { continue }
                let pairRatio = ratio(index.peak(at: position), index.peak(at: right))
                if worst.map({ pairRatio < $0.ratio }) ?? true { worst = (pairRatio, position, right) }
            }
            guard let worst else { continue }
            checked += 1
            if worst.ratio < rule.bilateralRatio {
                let (left, right) = (index.peak(at: worst.left), index.peak(at: worst.right))
                met.append(.bilateral(contraction, ratio: worst.ratio, velocity: left.velocity ?? 0))
                used += [left, right]
            }
        }
        // The lowest banded conventional ratio at the rule's speed, and the lowest banded mixed ratio.
        // By index: `for finding in` retains and releases every finding it passes.
        var conventionalIndex: Int?
        var mixedIndex: Int?
        for i in findings.indices where findings[i].hasThreshold {
            let value = findings[i].value
            switch findings[i].measure {
            case .conventionalHQ:
                guard let velocity = findings[i].velocity, profile.sameVelocity(velocity, rule.conventionalVelocity)
                else { continue }
                if conventionalIndex.map({ value < findings[$0].value }) ?? true { conventionalIndex = i }
            case .functionalHQ where findings[i].velocity == nil:
                if mixedIndex.map({ value < findings[$0].value }) ?? true { mixedIndex = i }
            default: continue
            }
        }
        let (conventional, mixed) = (conventionalIndex.map { findings[$0] }, mixedIndex.map { findings[$0] })
        if let low = conventional {
            checked += 1
            if low.value < rule.conventional {
                met.append(.conventional(low.value))
                used += low.measurements
            }
        }
        if let low = mixed {
            checked += 1
            if low.value < rule.mixed {
                met.append(.mixed(low.value))
                used += low.measurements
            }
        }
        let unchecked = 4 - checked
        // Undecided while the criteria not tested could still make two.
        guard met.count >= 2 || met.count + unchecked < 2 else { return nil }
        let band: Band = met.count >= 2 ? .red : .green
        var finding = Finding(
            measure: .croisierComposite, value: Double(met.count), band: band, reason: "",
            threshold: ThresholdUsed(
                green: 2, red: 2, higherIsBetter: false, unit: "criteria", source: rule.source,
                population: "professional soccer players"),
            inputs: [FindingInput(name: "criteria checked", value: Double(checked), unit: "criteria")],
            measurements: used)
        finding.setReason { [met, checked] in
            let reason =
                met.count >= 2
                ? "Croisier-style imbalance: \(met.count) of the criteria met "
                    + "(\(met.map { $0.words(rule) }.joined(separator: "; ")))."
                : met.isEmpty
                    ? "Croisier-style rule not met: none of the \(checked) criteria tested is."
                    : "Croisier-style rule not met: 1 of the \(checked) criteria tested (\(met[0].words(rule))); "
                        + "the rule needs two."
            return reason + " A soccer-derived screening rule (combined imbalance rule), not an injury prediction."
                + RatioWords.population("professional soccer players")
        }
        return finding
    }

    private static func ratio(_ left: Measurement, _ right: Measurement) -> Double {
        let (a, b) = (left.value.si, right.value.si)
        return max(a, b) > 0 ? min(a, b) / max(a, b) : 1
    }
}
