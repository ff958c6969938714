import StrengthModel

/// One-repetition maximum from a set of `repetitions` with `load`.
public enum OneRepMax {
    public enum Estimate: Equatable {
        /// A single repetition: the load is the 1RM.
        case measured(Double)
        case estimated(Double, warning: Bool)
        /// Too many repetitions for a linear formula.
        case refused
    }

    public static func estimate(load: Double, repetitions: Int, rule: MachineRule) -> Estimate {
        guard repetitions >= 1 else { return .refused }
        if repetitions == 1 { return .measured(load) }
        guard repetitions <= rule.warnReps else { return .refused }
        let r = Double(repetitions)
        let value =
            switch rule.formula {
            case .epley: load * (1 + r / 30)
            case .brzycki: load * 36 / (37 - r)
            }
        return .estimated(value, warning: repetitions > rule.maxReps)
    }
}

/// Leg-curl 1RM over leg-extension 1RM from gym sets: what runners' app exports can give.
enum MachineRatio {
    struct Best {
        var oneRepMax: Double
        var set: Measurement
        var warning: Bool
        var measured: Bool
    }

    static func findings(_ measurements: [Measurement], info: SessionInfo?, profile: ThresholdProfile)
        -> (findings: [Finding], notes: [String])
    {
        let rule = profile.machine
        var best: [Side?: [MuscleGroup: Best]] = [:]
        var refusedSets = 0
        for m in measurements where m.method == .machine1RM && m.value.dimension == .mass && !m.isWarmUp {
            let reps = Int(m.repetitions ?? 1)
            let estimate = OneRepMax.estimate(load: m.value.si, repetitions: reps, rule: rule)
            let candidate: Best
            switch estimate {
            case .measured(let value): candidate = Best(oneRepMax: value, set: m, warning: false, measured: true)
            case .estimated(let value, let warning):
                candidate = Best(oneRepMax: value, set: m, warning: warning, measured: false)
            case .refused:
                refusedSets += 1
                continue
            }
            // Sets within the validated repetition range win over warned ones, then the higher estimate.
            let current = best[m.side]?[m.muscle]
            if current == nil
                || (candidate.warning ? 0 : 1, candidate.oneRepMax) > (current!.warning ? 0 : 1, current!.oneRepMax)
            {
                best[m.side, default: [:]][m.muscle] = candidate
            }
        }
        var findings: [Finding] = []
        var notes: [String] = []
        if refusedSets > 0 {
            notes.append(
                "\(refusedSets) set\(refusedSets == 1 ? "" : "s") of more than \(rule.warnReps) repetitions "
                    + "\(refusedSets == 1 ? "was" : "were") not used: 1RM formulas are not valid that high")
        }
        let sides = best.keys.sorted { ($0.map { $0 == .left ? 1 : 2 } ?? 0) < ($1.map { $0 == .left ? 1 : 2 } ?? 0) }
        for side in sides {
            let pair = best[side]!
            guard let curl = pair[.hamstrings], let extensionSet = pair[.quadriceps] else {
                let has = pair[.hamstrings] != nil ? "leg curl" : "leg extension"
                let lacks = pair[.hamstrings] != nil ? "leg extension" : "leg curl"
                notes.append("\(Words.side(side)) \(has) has no \(lacks) on the same day, so no machine ratio")
                continue
            }
            findings.append(finding(curl: curl, extension: extensionSet, side: side, sex: info?.sex, rule: rule))
        }
        return (findings, notes)
    }

    static func finding(curl: Best, extension ext: Best, side: Side?, sex: Sex?, rule: MachineRule) -> Finding {
        let ratio = curl.oneRepMax / ext.oneRepMax
        let lead =
            "\(side == nil ? "Leg" : Words.side(side) + " leg") curl 1RM is "
            + "\(Formatting.ratio(ratio, cutoffs: sex.map { [$0 == .female ? rule.greenFemale : rule.greenMale] } ?? [])) of the leg "
            + "extension 1RM (leg curl vs leg extension, heaviest lift)"
        var threshold: ThresholdUsed?
        var band = Band.info
        var reason: String
        var missing: [MissingDetail] = []
        if let sex {
            let green = sex == .female ? rule.greenFemale : rule.greenMale
            let used = ThresholdUsed(
                green: green, red: nil, higherIsBetter: true, unit: "ratio", source: rule.source,
                population: "\(sex.rawValue == "female" ? "women" : "men"), \(rule.population)")
            threshold = used
            band = used.band(for: ratio)
            reason = RatioWords.sentence(lead: lead, band: band, green: green, red: nil) + RatioWords.population(used.population)
        } else {
            missing = [.sex]
            reason =
                "\(lead). Sex is not recorded (\(MissingDetail.sex.supply)), so no band: the reference is "
                + "\(Formatting.ratio(rule.greenFemale)) for women and \(Formatting.ratio(rule.greenMale)) for men."
        }
        var caveats = ["Machine loads are not joint torques; this ratio runs lower than a dynamometer's."]
        for (name, best) in [("leg curl", curl), ("leg extension", ext)] where !best.measured {
            let reps = Int(best.set.repetitions ?? 1)
            caveats.append(
                "The \(name) 1RM is estimated from \(reps) repetitions (\(Formatting.capitalized(rule.formula.rawValue)))"
                    + (best.warning ? ", above the \(rule.maxReps) the formulas are validated for." : "."))
        }
        var finding = Finding(
            measure: .machine1RMHQ, side: side, contraction: .concentric, value: ratio, band: band, reason: reason,
            threshold: threshold,
            inputs: [
                FindingInput(name: "leg curl 1RM", value: curl.oneRepMax, unit: "kg"),
                FindingInput(name: "leg extension 1RM", value: ext.oneRepMax, unit: "kg"),
            ],
            measurements: [curl.set, ext.set], caveats: caveats)
        finding.missingDetails = missing
        return finding
    }
}
