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
///
/// Over a test day or a training-log window: each exercise's best estimate from working sets
/// (no warm-ups, no drop sets), the curl and the extension from any days of the window. Seated,
/// lying and standing curls are different exercises: the one the window uses most is paired.
enum MachineRatio {
    struct Best {
        var oneRepMax: Double
        var set: Measurement
        var warning: Bool
        var measured: Bool
    }

    /// A ratio outside this is almost never real: a unit, a mapping or a drop set went wrong.
    static let plausible = 0.2...0.9

    static func findings(_ measurements: [Measurement], info: SessionInfo?, profile: ThresholdProfile)
        -> (findings: [Finding], notes: [String])
    {
        let rule = profile.machine
        let sets = measurements.filter { $0.method == .machine1RM && $0.value.dimension == .mass }
        guard !sets.isEmpty else { return ([], []) }
        var notes: [String] = []
        // The curl machine of the window: the variant with the most working sets.
        var curlSets: [MachineVariant?: Int] = [:]
        for m in sets where m.muscle == .hamstrings && m.isWorkingSet { curlSets[m.machine, default: 0] += 1 }
        let byUse = curlSets.sorted { ($0.value, $0.key?.rawValue ?? "") > ($1.value, $1.key?.rawValue ?? "") }
        let curlMachine = byUse.first?.key
        if byUse.count > 1 {
            let others = byUse.dropFirst().map {
                "\(MachineVariant.curlName($0.key)) (\($0.value) set\($0.value == 1 ? "" : "s"))"
            }
            notes.append(
                "the \(MachineVariant.curlName(curlMachine)) is paired (\(byUse[0].value) working sets); "
                    + "\(others.joined(separator: ", ")) is a different machine and is left out of the ratio")
        }
        var best: [Side?: [MuscleGroup: Best]] = [:]
        var refusedSets = 0
        for m in sets where m.isWorkingSet && (m.muscle == .quadriceps || m.machine == curlMachine) {
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
        if refusedSets > 0 {
            notes.append(
                "\(refusedSets) set\(refusedSets == 1 ? "" : "s") of more than \(rule.warnReps) repetitions "
                    + "\(refusedSets == 1 ? "was" : "were") not used: 1RM formulas are not valid that high")
        }
        let notWorking = sets.count { !$0.isWorkingSet }
        if notWorking > 0 && best.isEmpty {
            notes.append("only warm-up or drop sets were logged, and those do not count for a 1RM")
        }
        let sides = best.keys.sorted { ($0.map { $0 == .left ? 1 : 2 } ?? 0) < ($1.map { $0 == .left ? 1 : 2 } ?? 0) }
        let inLog = sets.contains(where: \.fromTrainingLog)
        for side in sides {
            let pair = best[side]!
            guard let curl = pair[.hamstrings], let extensionSet = pair[.quadriceps] else {
                let lacks = pair[.hamstrings] != nil ? "leg extension" : "leg curl"
                let has = pair[.hamstrings] != nil ? MachineVariant.curlName(curlMachine) : "leg extension"
                notes.append(
                    inLog
                        ? "the log has \(has) sets but no \(lacks) in this window, so no ratio: do a 5–10 repetition "
                            + "maximum on the \(lacks) machine within the same weeks as your \(has) and log it"
                        : "\(Words.side(side)) \(has) has no \(lacks) on the same day, so no machine ratio")
                continue
            }
            findings.append(
                finding(
                    curl: curl, extension: extensionSet, side: side, sex: info?.sex, machine: curlMachine, rule: rule))
        }
        return (findings, notes)
    }

    static func finding(
        curl: Best, extension ext: Best, side: Side?, sex: Sex?, machine: MachineVariant?, rule: MachineRule
    ) -> Finding {
        let ratio = curl.oneRepMax / ext.oneRepMax
        let curlName = MachineVariant.curlName(machine)
        let lead =
            "\(side == nil ? "Leg" : Words.side(side) + " leg") curl 1RM is "
            + "\(Formatting.ratio(ratio, cutoffs: sex.map { [$0 == .female ? rule.greenFemale : rule.greenMale] } ?? [])) of the leg "
            + "extension 1RM (leg curl vs leg extension, heaviest lift; \(curlName) \(describe(curl)), leg extension "
            + "\(describe(ext)))"
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
            reason =
                RatioWords.sentence(lead: lead, band: band, green: green, red: nil)
                + RatioWords.population(used.population)
        } else {
            missing = [.sex]
            reason =
                "\(lead). Sex is not recorded (\(MissingDetail.sex.supply)), so no band: the reference is "
                + "\(Formatting.ratio(rule.greenFemale)) for women and \(Formatting.ratio(rule.greenMale)) for men."
        }
        var caveats = ["Machine loads are not joint torques; this ratio runs lower than a dynamometer's."]
        for (name, best) in [(curlName, curl), ("leg extension", ext)] where !best.measured {
            let reps = Int(best.set.repetitions ?? 1)
            caveats.append(
                "The \(name) 1RM is estimated from \(reps) repetitions (\(Formatting.capitalized(rule.formula.rawValue)))"
                    + (best.warning ? ", above the \(rule.maxReps) the formulas are validated for." : "."))
        }
        if !plausible.contains(ratio) {
            caveats.append(
                "A curl ÷ extension ratio of \(Formatting.ratio(ratio)) is outside the \(Formatting.ratio(plausible.lowerBound))–"
                    + "\(Formatting.ratio(plausible.upperBound)) these machines give: check for weights in the wrong unit "
                    + "(kg against lb), an exercise mapped to the wrong kind (--exercise), or a drop set logged as a "
                    + "working set.")
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
        finding.exercise = curlName
        return finding
    }

    /// `best set 40 kg × 8 on 2026-05-04`, naming the workout the estimate came from.
    private static func describe(_ best: Best) -> String {
        let set = best.set
        let load = Formatting.fixed(
            set.valueInSourceUnit, digits: set.valueInSourceUnit.rounded() == set.valueInSourceUnit ? 0 : 1)
        return "best set \(load) \(set.sourceUnit.rawValue) × \(set.repetitions ?? 1) on \(set.date)"
    }
}
