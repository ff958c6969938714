import StrengthModel

/// Concentric peak torque per kilogram of body mass at the profile's velocity (60°/s).
///
/// The 3.0 Nm/kg mark is a return-to-sport criterion for knee extensors, so it bands only the
/// involved quadriceps of athletes with an involved limb; everything else is information.
enum RelativeTorque {
    static func findings(_ index: PeakIndex, info: SessionInfo?, profile: ThresholdProfile) -> [Finding] {
        guard let mass = info?.bodyMassKg, mass > 0 else { return [] }
        let rule = profile.relativeTorque
        return index.keys.filter {
            $0.contraction == .concentric && $0.dimension == .torque && $0.side != nil
                && $0.velocity.map { profile.sameVelocity($0, rule.velocity) } == true
        }
        .compactMap { index[$0] }
        .map { m in
            let value = m.value.si / mass
            let lead =
                "\(Words.side(m.side)) \(m.muscle.rawValue) produce "
                + "\(Formatting.banded(value, digits: 2, cutoffs: [rule.green])) Nm per kg of body mass at "
                + "\(Formatting.velocity(m.velocity!)) (strength for your body weight)"
            var band = Band.info
            var threshold: ThresholdUsed?
            var reason = lead + "."
            // The return-to-sport mark is for the involved knee on an isokinetic dynamometer; the rest is context.
            if m.method != .isokinetic {
                reason =
                    "\(lead). No threshold for this protocol: the \(Formatting.fixed(rule.green, digits: 1)) Nm/kg "
                    + "mark is for isokinetic dynamometers."
            } else if m.muscle == .quadriceps, let involved = info?.involvedSide, m.side == involved {
                let used = ThresholdUsed(
                    green: rule.green, red: nil, higherIsBetter: true, unit: "Nm/kg", source: rule.source,
                    population: "athletes returning to sport after ACL reconstruction")
                threshold = used
                band = used.band(for: value)
                reason =
                    (band == .green
                        ? "\(lead): at or above the \(Formatting.fixed(rule.green, digits: 1)) Nm/kg mark used in "
                            + "return-to-sport testing. One test is not a clearance: that needs the full test battery and "
                            + "your clinician."
                        : "\(lead): below the \(Formatting.fixed(rule.green, digits: 1)) Nm/kg mark used in return-to-sport "
                            + "testing.") + RatioWords.population(used.population)
            }
            return Finding(
                measure: .torquePerBodyMass, side: m.side, velocity: m.velocity, muscle: m.muscle,
                contraction: .concentric, value: value, band: band, reason: reason, threshold: threshold,
                inputs: [
                    FindingInput(name: "\(m.muscle.rawValue) concentric peak torque", value: m.value.si, unit: "Nm"),
                    FindingInput(name: "body mass", value: mass, unit: "kg"),
                ],
                measurements: [m])
        }
    }
}
