import StrengthModel

/// Hcon/Qcon: concentric peak knee-flexor torque over concentric peak knee-extensor torque,
/// same limb, same velocity, same kind of device.
enum ConventionalRatio {
    struct PairKey: Hashable, Comparable {
        var side: Side
        /// Velocity in tenths of a degree per second, so 60 and 60.0 pair.
        var velocityTenths: Int
        var method: TestMethod

        static func < (lhs: PairKey, rhs: PairKey) -> Bool {
            (lhs.velocityTenths, lhs.side == .left ? 0 : 1, lhs.method.rawValue)
                < (rhs.velocityTenths, rhs.side == .left ? 0 : 1, rhs.method.rawValue)
        }
    }

    static func findings(
        in measurements: [Measurement], profile: ThresholdProfile
    ) -> (findings: [Finding], notes: [String]) {
        var hamstrings: [PairKey: Measurement] = [:]
        var quadriceps: [PairKey: Measurement] = [:]
        for m in measurements where m.contraction == .concentric && m.value.dimension == .torque {
            guard let velocity = m.velocity else { continue }
            let key = PairKey(side: m.side, velocityTenths: Int((velocity * 10).rounded()), method: m.method)
            // Repeated trials: the peak counts, as in every isokinetic report.
            switch m.muscle {
            case .hamstrings: if m.value.si > (hamstrings[key]?.value.si ?? -1) { hamstrings[key] = m }
            case .quadriceps: if m.value.si > (quadriceps[key]?.value.si ?? -1) { quadriceps[key] = m }
            }
        }
        var findings: [Finding] = []
        // Unpaired tests, grouped so that left and right at one speed make one note.
        struct Unpaired: Hashable {
            var present: MuscleGroup
            var velocityTenths: Int
            /// The counterpart exists, but from another kind of device.
            var counterpartMethod: TestMethod?
            var method: TestMethod
        }
        var unpaired: [Unpaired: [Side]] = [:]
        var unpairedOrder: [Unpaired] = []
        for key in Set(hamstrings.keys).union(quadriceps.keys).sorted() {
            guard let h = hamstrings[key], let q = quadriceps[key] else {
                let present: MuscleGroup = hamstrings[key] != nil ? .hamstrings : .quadriceps
                let others = present == .hamstrings ? quadriceps : hamstrings
                let counterpart = others.keys.first {
                    $0.side == key.side && $0.velocityTenths == key.velocityTenths && $0.method != key.method
                }
                let gap = Unpaired(
                    present: present, velocityTenths: key.velocityTenths, counterpartMethod: counterpart?.method,
                    method: key.method)
                if unpaired[gap] == nil { unpairedOrder.append(gap) }
                unpaired[gap, default: []].append(key.side)
                continue
            }
            findings.append(finding(hamstrings: h, quadriceps: q, profile: profile))
        }
        let notes = unpairedOrder.map { gap in
            let sides = unpaired[gap]!
            let subject = Formatting.capitalized(sides.map(\.rawValue).joined(separator: " and "))
            let absent: MuscleGroup = gap.present == .hamstrings ? .quadriceps : .hamstrings
            let verb = sides.count > 1 ? "have" : "has"
            let lead = "\(subject) \(gap.present.rawValue) at \(Formatting.velocity(Double(gap.velocityTenths) / 10))"
            if let other = gap.counterpartMethod {
                return
                    "\(lead) (\(gap.method.rawValue)) \(verb) a concentric \(absent.rawValue) test only from another "
                    + "kind of device (\(other.rawValue)), so no conventional ratio"
            }
            return "\(lead) \(verb) no concentric \(absent.rawValue) test at the same speed, so no conventional ratio"
        }
        return (findings, notes)
    }

    static func finding(hamstrings h: Measurement, quadriceps q: Measurement, profile: ThresholdProfile) -> Finding {
        let ratio = h.value.si / q.value.si
        let velocity = h.velocity!
        let speed = Formatting.velocity(velocity)
        let percent = Formatting.percent(ratio)
        let lead =
            "\(Formatting.capitalized(h.side.rawValue)) hamstrings produce \(percent) of quadriceps torque at \(speed)"
        var band = Band.info
        var reason: String
        let threshold = profile.conventionalThreshold(at: velocity)
        if let threshold {
            band = threshold.band(for: ratio)
            let target = Formatting.ratio(threshold.green)
            switch band {
            case .green:
                reason = "\(lead): at or above the \(target) target."
            case .amber:
                if let red = threshold.red {
                    reason =
                        "\(lead): below the \(target) target, above the \(Formatting.ratio(red)) cut-off. A training target."
                } else {
                    reason = "\(lead): below the \(target) reference. A training target."
                }
            case .red:
                reason =
                    "\(lead): below the \(Formatting.ratio(threshold.red!)) cut-off. Make the hamstrings a priority."
            case .info:
                reason = lead
            }
        } else if let reference = profile.conventionalReference(at: velocity) {
            reason =
                "\(lead). No validated cut-off at this speed; professional soccer players average "
                + "\(Formatting.ratio(reference.mean)) ± \(Formatting.ratio(reference.sd)) (\(reference.source))."
        } else {
            reason = "\(lead). No validated cut-off at this speed."
        }
        var caveats: [String] = []
        if h.gravityCorrected != true || q.gravityCorrected != true {
            let state = (h.gravityCorrected == false || q.gravityCorrected == false) ? "not" : "not known to be"
            caveats.append(
                "Torques \(state) gravity corrected: uncorrected ratios read higher at faster speeds "
                    + "(Aagaard et al. 1995).")
        }
        return Finding(
            measure: .conventionalHQ, side: h.side, velocity: velocity, muscle: nil, value: ratio, band: band,
            reason: reason, threshold: threshold, inputs: [h, q], caveats: caveats)
    }
}
