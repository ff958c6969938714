import StrengthModel

/// Hcon/Qcon: concentric peak knee-flexor torque over concentric peak knee-extensor torque,
/// same limb, same velocity, same kind of device.
enum ConventionalRatio {
    static func findings(_ index: PeakIndex, profile: ThresholdProfile) -> (findings: [Finding], notes: [String]) {
        var findings: [Finding] = []
        var notes = UnpairedNotes()
        for key in index.keys
        where key.contraction == .concentric && key.dimension == .torque && key.velocity != nil && key.side != nil {
            let partnerKey = key.with(muscle: key.muscle == .hamstrings ? .quadriceps : .hamstrings)
            guard let partner = index[partnerKey] else {
                notes.add(key: key, index: index, missing: partnerKey, purpose: "conventional ratio")
                continue
            }
            // Each pair once, from the hamstrings side.
            guard key.muscle == .hamstrings, let h = index[key] else { continue }
            findings.append(finding(hamstrings: h, quadriceps: partner, profile: profile))
        }
        return (findings, notes.sentences)
    }

    static func finding(hamstrings h: Measurement, quadriceps q: Measurement, profile: ThresholdProfile) -> Finding {
        let ratio = h.value.si / q.value.si
        let velocity = h.velocity!
        let lead =
            "\(Words.side(h.side)) hamstrings produce \(Formatting.percent(ratio)) of quadriceps torque at "
            + Formatting.velocity(velocity)
        var band = Band.info
        var reason = lead + "."
        var threshold: ThresholdUsed?
        if let row = profile.conventionalThreshold(at: velocity) {
            let used = ThresholdUsed(
                green: row.green, red: row.red, higherIsBetter: true, unit: "ratio", velocity: row.velocity,
                source: row.source, population: row.population)
            threshold = used
            band = used.band(for: ratio, decimals: 2)
            reason = RatioWords.sentence(lead: lead, band: band, green: row.green, red: row.red)
        } else if let reference = profile.conventionalReference(at: velocity) {
            reason =
                "\(lead). No validated cut-off at this speed; professional soccer players average "
                + "\(Formatting.ratio(reference.mean)) ± \(Formatting.ratio(reference.sd)) (\(reference.source))."
        } else {
            reason = "\(lead). No validated cut-off at this speed."
        }
        return Finding(
            measure: .conventionalHQ, side: h.side, velocity: velocity, contraction: .concentric, value: ratio,
            band: band, reason: reason, threshold: threshold,
            inputs: [
                FindingInput(name: "hamstrings concentric peak torque", value: h.value.si, unit: "Nm"),
                FindingInput(name: "quadriceps concentric peak torque", value: q.value.si, unit: "Nm"),
            ],
            measurements: [h, q], caveats: GravityCaveat.for([h, q]))
    }
}

/// The sentence for a higher-is-better ratio compared with a target and an optional cut-off.
enum RatioWords {
    static func sentence(lead: String, band: Band, green: Double, red: Double?) -> String {
        let target = Formatting.ratio(green)
        switch band {
        case .green:
            return "\(lead): at or above the \(target) target."
        case .amber:
            if let red {
                return
                    "\(lead): below the \(target) target, above the \(Formatting.ratio(red)) cut-off. A training target."
            }
            return "\(lead): below the \(target) reference. A training target."
        case .red:
            return "\(lead): below the \(Formatting.ratio(red ?? green)) cut-off. Make the hamstrings a priority."
        case .info:
            return lead + "."
        }
    }
}

/// Gravity assists knee flexion and resists extension on a seated dynamometer.
enum GravityCaveat {
    static func `for`(_ measurements: [Measurement]) -> [String] {
        guard measurements.contains(where: { $0.method == .isokinetic && $0.gravityCorrected != true }) else {
            return []
        }
        let state = measurements.contains { $0.gravityCorrected == false } ? "not" : "not known to be"
        return [
            "Torques \(state) gravity corrected: uncorrected ratios read higher at faster speeds (Aagaard et al. 1995)."
        ]
    }
}

/// Notes for tests without a partner, grouped so that left and right at one speed make one note.
struct UnpairedNotes {
    private struct Gap: Hashable {
        var subject: String
        var predicate: String
    }

    private var sides: [Gap: [Side?]] = [:]
    private var order: [Gap] = []

    mutating func add(key: ProtocolKey, index: PeakIndex, missing: ProtocolKey, purpose: String) {
        let otherDevice = index.keys.first {
            $0.muscle == missing.muscle && $0.side == missing.side && $0.contraction == missing.contraction
                && $0.velocityTenths == missing.velocityTenths && $0.angle == missing.angle
                && $0.method != missing.method
        }
        let otherPosition = index.keys.first {
            $0.muscle == missing.muscle && $0.side == missing.side && $0.contraction == missing.contraction
                && $0.velocityTenths == missing.velocityTenths && $0.angle == missing.angle
                && $0.method == missing.method && $0.position != missing.position
        }
        let wanted = "\(missing.contraction.rawValue) \(missing.muscle.rawValue) test"
        let article = missing.contraction == .concentric ? "a" : "an"
        var subject = Words.protocolDescription(key)
        let predicate: String
        if let otherDevice {
            subject += " (\(key.method.rawValue))"
            predicate = "\(article) \(wanted) only from another kind of device (\(otherDevice.method.rawValue))"
        } else if let otherPosition {
            subject += " (\(key.position?.rawValue ?? "position not stated"))"
            predicate =
                "\(article) \(wanted) only in another position (\(otherPosition.position?.rawValue ?? "position not stated"))"
        } else if missing.velocityTenths == key.velocityTenths {
            predicate = "no \(wanted) at the same speed"
        } else {
            predicate = "no \(Words.protocolDescription(missing)) test"
        }
        addRaw(side: key.side, subject: subject, predicate: predicate + ", so no \(purpose)")
    }

    mutating func addRaw(side: Side?, subject: String, predicate: String) {
        let gap = Gap(subject: subject, predicate: predicate)
        if sides[gap] == nil { order.append(gap) }
        sides[gap, default: []].append(side)
    }

    var sentences: [String] {
        order.map { gap in
            let list = sides[gap]!
            let who = Formatting.capitalized(list.map { Words.side($0).lowercased() }.joined(separator: " and "))
            return "\(who) \(gap.subject) \(list.count > 1 ? "have" : "has") \(gap.predicate)"
        }
    }
}
