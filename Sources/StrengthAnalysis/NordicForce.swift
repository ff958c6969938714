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

    static func finding(_ m: Measurement, info: SessionInfo?, rule: NordicRule) -> Finding {
        let newtons = m.value.si
        var inputs = [FindingInput(name: "Nordic peak force", value: newtons, unit: "N")]
        var lead =
            "\(Words.side(m.side)) Nordic peak force (hamstrings pulling force) is "
            + "\(Formatting.banded(newtons, digits: 0, cutoffs: [rule.red, rule.green])) N"
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
        var missing: [MissingDetail] = []
        if info?.bodyMassKg == nil {
            missing.append(.bodyMass)
            expectedText = "; the force expected for the body mass needs it (\(MissingDetail.bodyMass.supply))"
        }
        if case .notEstablished(let why, let details) = FieldSportPopulation.check(info, rule: rule) {
            let note =
                "The \(Formatting.fixed(rule.red, digits: 0)) N and \(Formatting.fixed(rule.green, digits: 0)) N cut-offs "
                + "come from \(FieldSportPopulation.description(rule)) and are not established here: \(why)"
            var finding = Finding(
                measure: .nordicForce, side: m.side, muscle: .hamstrings, contraction: m.contraction, value: newtons,
                band: .info, reason: lead + ". " + note + expectedText + ".", threshold: nil, inputs: inputs,
                measurements: [m])
            finding.populationNote = note
            finding.missingDetails = details + missing
            return finding
        }
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "N", source: rule.source,
            population: FieldSportPopulation.description(rule))
        let band = threshold.band(for: newtons)
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
        var finding = Finding(
            measure: .nordicForce, side: m.side, muscle: .hamstrings, contraction: m.contraction, value: newtons,
            band: band, reason: reason + expectedText + "." + RatioWords.population(threshold.population),
            threshold: threshold, inputs: inputs, measurements: [m])
        finding.missingDetails = missing
        return finding
    }
}
