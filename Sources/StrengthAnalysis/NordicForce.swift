import StrengthModel

/// Nordic hamstring exercise peak force per limb, against cut-offs that hold only for the adult
/// male field-sport athletes they came from; for anyone else it is information with the force
/// expected for their body mass.
enum NordicForce {
    static func findings(_ index: PeakIndex, info: SessionInfo?, profile: ThresholdProfile) -> [Finding] {
        index.keys.filter {
            $0.method == .nordic && $0.muscle == .hamstrings && $0.dimension == .force && $0.side != nil
        }
        .filter { $0.contraction != .isometric }
        .compactMap { index[$0] }
        .map { finding($0, info: info, rule: profile.nordic) }
    }

    static func applies(_ rule: NordicRule, to info: SessionInfo?) -> Bool {
        guard let info, info.sex?.rawValue == rule.sex, let sport = info.sport?.lowercased() else { return false }
        if let age = info.age, age < rule.minimumAge { return false }
        return rule.sports.contains { sport.contains($0) }
    }

    static func finding(_ m: Measurement, info: SessionInfo?, rule: NordicRule) -> Finding {
        let newtons = m.value.si
        var inputs = [FindingInput(name: "Nordic peak force", value: newtons, unit: "N")]
        var lead = "\(Words.side(m.side)) Nordic peak force is \(Formatting.fixed(newtons, digits: 0)) N"
        var expectedText = ""
        if let mass = info?.bodyMassKg {
            let perKg = newtons / mass
            let expected = rule.expectedPerKilogram * mass + rule.expectedIntercept
            inputs.append(FindingInput(name: "body mass", value: mass, unit: "kg"))
            inputs.append(FindingInput(name: "force per body mass", value: perKg, unit: "N/kg"))
            lead += " (\(Formatting.fixed(perKg, digits: 1)) N/kg)"
            expectedText =
                "; expected for \(Formatting.fixed(mass, digits: 1)) kg: about \(Formatting.fixed(expected, digits: 0)) N "
                + "(\(Formatting.fixed(rule.expectedPerKilogram, digits: 0)) × body mass + "
                + "\(Formatting.fixed(rule.expectedIntercept, digits: 1)), \(rule.expectedSource))"
        }
        guard applies(rule, to: info) else {
            return Finding(
                measure: .nordicForce, side: m.side, muscle: .hamstrings, contraction: m.contraction, value: newtons,
                band: .info,
                reason: lead
                    + ". The \(Formatting.fixed(rule.red, digits: 0)) N and \(Formatting.fixed(rule.green, digits: 0)) N "
                    + "cut-offs come from adult male field-sport athletes and are not applied here" + expectedText
                    + ".",
                threshold: nil, inputs: inputs, measurements: [m])
        }
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "N", source: rule.source,
            population: "adult male field-sport athletes")
        let band = threshold.band(for: newtons, decimals: 0)
        let reason: String
        switch band {
        case .green: reason = "\(lead): at or above \(Formatting.fixed(rule.green, digits: 0)) N"
        case .amber:
            reason =
                "\(lead): between the \(Formatting.fixed(rule.red, digits: 0)) N and \(Formatting.fixed(rule.green, digits: 0)) N "
                + "cut-offs. A training target"
        default:
            reason =
                "\(lead): below the \(Formatting.fixed(rule.red, digits: 0)) N cut-off. Make the hamstrings a priority"
        }
        var caveats: [String] = []
        if info?.age == nil { caveats.append("Age is not recorded; the cut-offs come from adults.") }
        return Finding(
            measure: .nordicForce, side: m.side, muscle: .hamstrings, contraction: m.contraction, value: newtons,
            band: band, reason: reason + expectedText + ".", threshold: threshold, inputs: inputs, measurements: [m],
            caveats: caveats)
    }
}
