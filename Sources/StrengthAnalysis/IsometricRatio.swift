import StrengthModel

/// Hiso/Qiso: isometric flexor over extensor strength, same limb, same knee angle, same device.
enum IsometricRatio {
    static func findings(_ index: PeakIndex, profile: ThresholdProfile) -> (findings: [Finding], notes: [String]) {
        var findings: [Finding] = []
        var notes = UnpairedNotes()
        for key in index.keys where key.contraction == .isometric && key.side != nil && key.method != .nordic {
            let partnerKey = key.with(muscle: key.muscle == .hamstrings ? .quadriceps : .hamstrings)
            guard let partner = index[partnerKey] else {
                let otherAngle = index.keys.first {
                    $0.muscle == partnerKey.muscle && $0.side == key.side && $0.contraction == .isometric
                        && $0.method == key.method && $0.angle != key.angle
                }
                if let otherAngle {
                    notes.addDifferentAngle(key: key, other: otherAngle)
                } else {
                    notes.add(key: key, index: index, missing: partnerKey, purpose: "isometric ratio")
                }
                continue
            }
            guard key.muscle == .hamstrings, let h = index[key] else { continue }
            findings.append(finding(hamstrings: h, quadriceps: partner, rule: profile.isometric))
        }
        return (findings, notes.sentences)
    }

    /// Row 11's provisional cut-off comes from seated tests at 60–90° of knee flexion.
    static let bandedAngles = 60.0...90.0

    static func finding(hamstrings h: Measurement, quadriceps q: Measurement, rule: RatioCutoff) -> Finding {
        let ratio = h.value.si / q.value.si
        let kind = h.value.dimension == .torque ? "torque" : "force"
        let angle = h.angle.map { " at \(Formatting.fixed($0, digits: 0))° knee angle" } ?? ""
        let lead =
            "\(Words.side(h.side)) hamstrings hold \(Formatting.ratio(ratio, cutoffs: [rule.green] + (rule.red.map { [$0] } ?? []))) "
            + "of the quadriceps' isometric \(kind)\(angle) "
            + "(hamstrings vs quadriceps, holding still)"
        let unit = h.value.dimension.siSymbol
        var finding = Finding(
            measure: .isometricHQ, side: h.side, angle: h.angle, contraction: .isometric, value: ratio, band: .info,
            reason: lead + ".", threshold: nil,
            inputs: [
                FindingInput(name: "hamstrings isometric peak \(kind)", value: h.value.si, unit: unit),
                FindingInput(name: "quadriceps isometric peak \(kind)", value: q.value.si, unit: unit),
            ],
            measurements: [h, q])
        let protocolWords =
            "the provisional \(Formatting.ratio(rule.green)) is for seated tests at 60–90° of knee flexion"
        guard let knee = h.angle else {
            finding.missingDetails = [.kneeAngle]
            finding.populationNote =
                "No threshold: \(protocolWords), and the knee angle is not recorded (\(MissingDetail.kneeAngle.supply))"
            finding.reason = "\(lead). \(finding.populationNote!)."
            return finding
        }
        if !bandedAngles.contains(knee) || (h.position != nil && h.position != .seated) {
            let what =
                bandedAngles.contains(knee)
                ? "this test was \(h.position!.rawValue)" : "this test was at \(Formatting.fixed(knee, digits: 0))°"
            finding.populationNote = "No threshold for this protocol: \(protocolWords); \(what)"
            finding.reason = "\(lead). \(finding.populationNote!)."
            return finding
        }
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "ratio", source: rule.source,
            population: rule.population)
        finding.threshold = threshold
        finding.band = threshold.band(for: ratio)
        finding.reason =
            RatioWords.sentence(lead: lead, band: finding.band, green: rule.green, red: rule.red)
            + RatioWords.population(rule.population)
        if h.position == nil {
            finding.caveats.append("The body position is not recorded; the cut-off is for seated tests.")
        }
        return finding
    }
}

extension UnpairedNotes {
    mutating func addDifferentAngle(key: ProtocolKey, other: ProtocolKey) {
        addRaw(
            side: key.side, subject: Words.protocolDescription(key),
            predicate:
                "a partner only at another knee angle (\(other.muscle.rawValue) at \(other.angle.map { "\($0)°" } ?? "no stated angle")), so no isometric ratio"
        )
    }
}
