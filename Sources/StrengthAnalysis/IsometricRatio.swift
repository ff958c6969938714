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

    static func finding(hamstrings h: Measurement, quadriceps q: Measurement, rule: RatioCutoff) -> Finding {
        let ratio = h.value.si / q.value.si
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "ratio", source: rule.source,
            population: rule.population)
        let band = threshold.band(for: ratio, decimals: 2)
        let kind = h.value.dimension == .torque ? "torque" : "force"
        let angle = h.angle.map { " at \(Formatting.fixed($0, digits: 0))° knee angle" } ?? ""
        let lead =
            "\(Words.side(h.side)) hamstrings hold \(Formatting.percent(ratio)) of quadriceps isometric \(kind)\(angle)"
        let unit = h.value.dimension.siSymbol
        return Finding(
            measure: .isometricHQ, side: h.side, angle: h.angle, contraction: .isometric, value: ratio, band: band,
            reason: RatioWords.sentence(lead: lead, band: band, green: rule.green, red: rule.red), threshold: threshold,
            inputs: [
                FindingInput(name: "hamstrings isometric peak \(kind)", value: h.value.si, unit: unit),
                FindingInput(name: "quadriceps isometric peak \(kind)", value: q.value.si, unit: unit),
            ],
            measurements: [h, q],
            caveats: h.angle == nil ? ["The knee angle is not recorded; the ratio assumes both were tested alike."] : []
        )
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
