import StrengthModel

/// Hecc/Qcon: how well the hamstrings can brake the knee extension the quadriceps drive.
///
/// The mixed ratio (eccentric hamstrings at a slow speed over concentric quadriceps at a fast one,
/// 30/240°/s by default) is banded. Same-speed ratios are shown as information only: professional
/// players average 0.79 at 60°/s, so the mixed ratio's 0.80 cut-off would flag half of them.
enum FunctionalRatio {
    static func findings(_ index: PeakIndex, profile: ThresholdProfile) -> (findings: [Finding], notes: [String]) {
        var findings: [Finding] = []
        var notes = UnpairedNotes()
        let rule = profile.functional
        for (position, key) in index.keys.enumerated()
        where key.muscle == .hamstrings && key.contraction == .eccentric && key.dimension == .torque
            && key.side != nil
        {
            guard let velocity = key.velocity else { continue }
            let h = index.peak(at: position)
            if profile.sameVelocity(velocity, rule.eccentricVelocity) {
                let quadKey = key.with(
                    muscle: .quadriceps, contraction: .concentric, velocity: .some(rule.concentricVelocity))
                if let q = index.position(of: quadKey) {
                    findings.append(
                        mixed(hamstrings: h, quadriceps: index.peak(at: q), rows: index.rows(position, q), rule: rule))
                } else {
                    notes.add(key: key, index: index, missing: quadKey, purpose: "functional ratio")
                }
            }
            let sameSpeed = key.with(muscle: .quadriceps, contraction: .concentric)
            if let q = index.position(of: sameSpeed) {
                findings.append(
                    sameVelocity(
                        hamstrings: h, quadriceps: index.peak(at: q), rows: index.rows(position, q), profile: profile))
            }
        }
        return (findings, notes.sentences)
    }

    /// `rows` holds `h` and `q`, in that order.
    static func mixed(hamstrings h: Measurement, quadriceps q: Measurement, rows: Finding.Rows, rule: FunctionalRule)
        -> Finding
    {
        let ratio = h.value.si / q.value.si
        let pair = VelocityPair(eccentric: h.velocity!, concentric: q.velocity!)
        let threshold = ThresholdUsed(
            green: rule.cutoff.green, red: rule.cutoff.red, higherIsBetter: true, unit: "ratio",
            source: rule.cutoff.source, population: rule.cutoff.population)
        let side = h.side
        let caveats = GravityCaveat.for(h, q)
        if let refusal = ProtocolGate.isokineticPair(h, q) {
            var finding = Finding(
                measure: .functionalHQ, side: side, velocityPair: pair, value: ratio, band: .info, threshold: nil,
                inputs: .functional, rows: rows, caveats: caveats)
            finding.setReason { "\(lead(side, pair, ratio, threshold.cutoffs)). \(refusal)." }
            finding.populationNote = refusal
            return finding
        }
        return Finding(
            measure: .functionalHQ, side: side, velocityPair: pair, value: ratio, band: threshold.band(for: ratio),
            threshold: threshold, inputs: .functional, rows: rows, caveats: caveats, words: Self.mixedWords)
    }

    /// A banded mixed ratio's words, made from the finding: its side, velocities, value, band and threshold.
    @Sendable private static func mixedWords(_ f: Finding) -> String {
        guard let pair = f.velocityPair, let used = f.threshold, let green = used.green else { return "" }
        return RatioWords.sentence(
            lead: lead(f.side, pair, f.value, used.cutoffs), band: f.band, green: green, red: used.red)
            + RatioWords.population(used.population)
    }

    /// A static function, so a reason's closure holds plain values rather than a nested function's context.
    private static func lead(_ side: Side?, _ pair: VelocityPair, _ ratio: Double, _ cutoffs: [Double]) -> String {
        "\(Words.side(side)) eccentric hamstrings at \(Formatting.velocity(pair.eccentric)) reach "
            + "\(Formatting.ratio(ratio, cutoffs: cutoffs)) of the concentric quadriceps' torque at "
            + "\(Formatting.velocity(pair.concentric)) "
            + "(hamstrings braking vs quadriceps kicking)"
    }

    /// `rows` holds `h` and `q`, in that order.
    static func sameVelocity(
        hamstrings h: Measurement, quadriceps q: Measurement, rows: Finding.Rows, profile: ThresholdProfile
    ) -> Finding {
        let ratio = h.value.si / q.value.si
        let velocity = h.velocity!
        let side = h.side
        let reference = profile.functionalReference(at: velocity)
        var finding = Finding(
            measure: .functionalHQ, side: h.side, velocity: velocity,
            velocityPair: VelocityPair(eccentric: velocity, concentric: velocity), value: ratio, band: .info,
            threshold: nil, inputs: .functional, rows: rows, caveats: GravityCaveat.for(h, q))
        finding.setReason {
            var reason =
                "\(Words.side(side)) eccentric hamstrings reach \(Formatting.ratio(ratio)) of the concentric "
                + "quadriceps' torque at \(Formatting.velocity(velocity)) (hamstrings braking vs quadriceps, same "
                + "speed). Shown for information: no cut-off applies to a same-speed ratio"
            if let reference {
                reason +=
                    "; professional soccer players average \(Formatting.ratio(reference.mean)) ± "
                    + "\(Formatting.ratio(reference.sd)) (\(reference.source))"
            }
            return reason + "."
        }
        return finding
    }
}
