import StrengthModel

/// Hcon/Qcon: concentric peak knee-flexor torque over concentric peak knee-extensor torque,
/// same limb, same velocity, same kind of device.
enum ConventionalRatio {
    static func findings(_ index: PeakIndex, info: SessionInfo?, profile: ThresholdProfile)
        -> (findings: [Finding], notes: [String])
    {
        var findings: [Finding] = []
        findings.reserveCapacity(index.keys.count / 4)
        var notes = UnpairedNotes()
        for (position, key) in index.keys.enumerated()
        where key.contraction == .concentric && key.dimension == .torque && key.velocity != nil && key.side != nil {
            let partnerKey = key.with(muscle: key.muscle == .hamstrings ? .quadriceps : .hamstrings)
            guard let partner = index.position(of: partnerKey) else {
                notes.add(key: key, index: index, missing: partnerKey, purpose: "conventional ratio")
                continue
            }
            // Each pair once, from the hamstrings side.
            guard key.muscle == .hamstrings else { continue }
            findings.append(
                finding(
                    hamstrings: index.peak(at: position), quadriceps: index.peak(at: partner),
                    rows: index.rows(position, partner), info: info, profile: profile))
        }
        return (findings, notes.sentences)
    }

    /// `rows` holds `h` and `q`, in that order.
    static func finding(
        hamstrings h: Measurement, quadriceps q: Measurement, rows: Finding.Rows, info: SessionInfo? = nil,
        profile: ThresholdProfile
    ) -> Finding {
        let ratio = h.value.si / q.value.si
        let velocity = h.velocity!
        let side = h.side
        // The reasons call a static function with plain values: calling a nested function made each
        // closure hold that function's context too, a second allocation per finding.
        // The sentence's lead is written once, with the cut-offs it is shown against when there are any.
        let caveats = GravityCaveat.for(h, q)
        func unbanded() -> Finding {
            Finding(
                measure: .conventionalHQ, side: side, velocity: velocity, contraction: .concentric, value: ratio,
                band: .info, threshold: nil, inputs: .conventional, rows: rows, caveats: caveats)
        }
        if let refusal = ProtocolGate.isokineticPair(h, q) {
            var finding = unbanded()
            finding.setReason { "\(lead(side, ratio, velocity, [])). \(refusal)." }
            finding.populationNote = refusal
            return finding
        }
        guard let row = profile.conventionalThreshold(at: velocity) else {
            var finding = unbanded()
            if let reference = profile.conventionalReference(at: velocity) {
                finding.setReason {
                    "\(lead(side, ratio, velocity, [])). No validated cut-off at this speed; professional soccer players average "
                        + "\(Formatting.ratio(reference.mean)) ± \(Formatting.ratio(reference.sd)) (\(reference.source))."
                }
            } else {
                finding.setReason { "\(lead(side, ratio, velocity, [])). No validated cut-off at this speed." }
            }
            return finding
        }
        var used = ThresholdUsed(
            green: row.green, red: row.red, higherIsBetter: true, unit: "ratio", velocity: row.velocity,
            source: row.source, population: row.population)
        var missing: [MissingDetail] = []
        var note: String?
        // The return-to-sport red after ACL reconstruction (default-v1 row 4) is for those athletes only.
        let acl = profile.aclReconstruction
        if profile.sameVelocity(velocity, acl.velocity), info?.involvedSide != nil {
            switch (info?.aclReconstruction, info?.sex) {
            case (true?, let sex?):
                used.red = sex == .female ? acl.redFemale : acl.redMale
                used.source = row.source + "; red: " + acl.source
                used.population = row.population + "; red: " + acl.population
            case (true?, nil):
                missing.append(.sex)
                note =
                    "the return-to-sport red after ACL reconstruction depends on sex, which is not recorded "
                    + "(\(MissingDetail.sex.supply))"
            case (nil, _):
                missing.append(.aclReconstruction)
                note =
                    "whether the involved knee had an ACL reconstruction is not recorded "
                    + "(\(MissingDetail.aclReconstruction.supply)); its return-to-sport red is not applied"
            case (false?, _):
                break
            }
        }
        // Six of a session's findings: the words are made from the finding itself, so the closure holds
        // nothing. Nothing read here changes once the finding is made.
        return Finding(
            measure: .conventionalHQ, side: side, velocity: velocity, contraction: .concentric, value: ratio,
            band: used.band(for: ratio), threshold: used, inputs: .conventional, rows: rows, caveats: caveats,
            words: Self.words, populationNote: note, missingDetails: missing)
    }

    /// A banded ratio's words: the finding's side, value, velocity, band and threshold, and the note on
    /// the ACL red when there is one.
    @Sendable private static func words(_ f: Finding) -> String {
        guard let used = f.threshold, let green = used.green, let velocity = f.velocity else { return "" }
        return RatioWords.sentence(
            lead: lead(f.side, f.value, velocity, used.cutoffs), band: f.band, green: green, red: used.red)
            + RatioWords.population(used.population)
            + (f.populationNote.map { " Note: \($0)." } ?? "")
    }

    private static func lead(_ side: Side?, _ ratio: Double, _ velocity: Double, _ cutoffs: [Double]) -> String {
        "\(Words.side(side)) hamstrings produce \(Formatting.ratio(ratio, cutoffs: cutoffs)) of the quadriceps' "
            + "torque at \(Formatting.velocity(velocity)) (hamstrings vs quadriceps, \(Words.speed(velocity)) speed)"
    }
}

/// Rows 1–6 of the default profile are isokinetic cut-offs: a ratio from another device, or from two
/// torques of which only one is gravity corrected, is shown without a band.
enum ProtocolGate {
    /// nil when the pair may be banded; otherwise why not, in words.
    static func isokineticPair(_ h: Measurement, _ q: Measurement) -> String? {
        if h.method != .isokinetic || q.method != .isokinetic {
            let other = h.method != .isokinetic ? h.method : q.method
            return "No threshold for this protocol: the cut-offs are for isokinetic dynamometers, and this pair "
                + (other == .unspecified ? "comes from a device that is not stated" : "includes a \(other.words) test")
        }
        if let hc = h.gravityCorrected, let qc = q.gravityCorrected, hc != qc {
            return
                "Non-standard ratio, not banded: the \(hc ? "hamstrings" : "quadriceps") torque is gravity corrected "
                + "and the \(hc ? "quadriceps" : "hamstrings") torque is not, so it compares with no cut-off; "
                + "export both the same way"
        }
        return nil
    }
}

extension TestMethod {
    /// `hand-held dynamometer`, for sentences.
    var words: String {
        switch self {
        case .isokinetic: "isokinetic dynamometer"
        case .handHeld: "hand-held dynamometer"
        case .nordic: "Nordic"
        case .isometricStation: "isometric station"
        case .machine1RM: "gym machine"
        case .bridgeTest: "bridge"
        case .unspecified: "device not stated"
        }
    }
}

/// The sentence for a higher-is-better ratio compared with a target and an optional cut-off.
enum RatioWords {
    /// ` Cut-off from professional soccer players.`: where a band's numbers come from, beside the band.
    static func population(_ population: String) -> String { " Cut-off from \(population)." }

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
    /// For the two torques of a ratio, without an array to hold them.
    static func `for`(_ a: Measurement, _ b: Measurement) -> [String] {
        let uncorrected = { (m: Measurement) in m.method == .isokinetic && m.gravityCorrected != true }
        guard uncorrected(a) || uncorrected(b) else { return [] }
        return a.gravityCorrected == false || b.gravityCorrected == false ? notCorrected : notKnownCorrected
    }

    // Shared, not built: the caveat is on most dynamometer findings.
    private static let notCorrected = [
        "Torques not gravity corrected: uncorrected ratios read higher at faster speeds (Aagaard et al. 1995)."
    ]
    private static let notKnownCorrected = [
        """
        Torques not known to be gravity corrected: uncorrected ratios read higher at faster speeds \
        (Aagaard et al. 1995).
        """
    ]
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
