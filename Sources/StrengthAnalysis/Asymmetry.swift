import StrengthModel

/// Left/right differences per muscle, contraction, velocity and device.
///
/// Screening uses (stronger − weaker) ÷ stronger × 100. When the file names an involved (injured
/// or operated) limb, the limb symmetry index involved ÷ uninvolved × 100 is reported instead,
/// as return-to-sport testing does.
enum Asymmetry {
    static func findings(
        _ index: PeakIndex, info: SessionInfo?, profile: ThresholdProfile, undetailed: FieldSportRed? = nil
    ) -> [Finding] {
        var findings: [Finding] = []
        findings.reserveCapacity(index.keys.count / 2)
        let words = Self.words(profile.asymmetry)
        // Whether the field-sport red applies is one question per session, not one per pair.
        var population: FieldSportRed?
        for (position, key) in index.keys.enumerated() where key.side == .left {
            guard let partner = index.position(of: key.with(side: .some(.right))) else { continue }
            let (left, right, rows) = (index.peak(at: position), index.peak(at: partner), index.rows(position, partner))
            if let involved = info?.involvedSide {
                findings.append(
                    limbSymmetry(left: left, right: right, rows: rows, involved: involved, rule: profile.limbSymmetry))
            } else {
                if population == nil {
                    population =
                        info?.sex == nil && info?.age == nil && info?.sport == nil
                        ? undetailed ?? FieldSportRed(info: info, profile: profile)
                        : FieldSportRed(info: info, profile: profile)
                }
                findings.append(
                    asymmetry(
                        left: left, right: right, rows: rows, info: info, profile: profile, population: population,
                        words: words))
            }
        }
        return findings
    }

    /// (stronger − weaker) ÷ stronger × 100.
    static func percent(_ a: Double, _ b: Double) -> Double {
        let stronger = max(a, b)
        return stronger > 0 ? (stronger - min(a, b)) / stronger * 100 : 0
    }

    /// Bands a difference. The red cut-off is applied only where it was derived (male field-sport
    /// athletes, dynamometer or Nordic tests) and, on one test day, only as "confirm on a second
    /// day": `Retest` turns a confirmed one red.
    /// Whether the 15% red applies to this athlete, said once per session.
    struct FieldSportRed {
        var note: String?
        var missing: [MissingDetail] = []
        var population: String

        init(info: SessionInfo?, profile: ThresholdProfile) {
            population = FieldSportPopulation.description(profile.nordic)
            if case .notEstablished(let why, let details) = FieldSportPopulation.check(info, rule: profile.nordic) {
                note =
                    "the \(Formatting.fixed(profile.asymmetry.red, digits: 0))% red comes from \(population) "
                    + "and is not established here: \(why)"
                missing = details
            }
        }
    }

    /// `rows` holds `left` and `right`, in that order.
    static func asymmetry(
        left: Measurement, right: Measurement, rows: Finding.Rows, info: SessionInfo?, profile: ThresholdProfile,
        population: FieldSportRed? = nil, words: @escaping @Sendable (Finding) -> String
    ) -> Finding {
        let rule = profile.asymmetry
        let value = percent(left.value.si, right.value.si)
        let weaker: Side? = left.value.si == right.value.si ? nil : (left.value.si < right.value.si ? .left : .right)
        let fieldSport = population ?? FieldSportRed(info: info, profile: profile)
        var redNote: String?
        var missing: [MissingDetail] = []
        if left.method == .bridgeTest {
            redNote = "the \(Formatting.fixed(rule.red, digits: 0))% red is not established for bridge repetitions"
        } else if let note = fieldSport.note {
            redNote = note
            missing = fieldSport.missing
        }
        var threshold = ThresholdUsed(
            green: rule.amber, red: redNote == nil ? rule.red : nil, higherIsBetter: false, unit: "%",
            source: rule.source,
            population: redNote == nil
                ? fieldSport.population : "isokinetic testing in general (Sapega 1990), without the red band")
        var band = threshold.band(for: value)
        var confirmation: Finding.Confirmation?
        if band == .red {
            // One test day is not enough: differences of 14–23% come and go between sessions.
            band = .amber
            confirmation = .pendingSecondTest
        }
        if redNote != nil && band == .amber && value >= rule.red { threshold.red = nil }
        // Only a difference the red would have caught needs the word, or the details that decide it.
        let caught = value >= rule.red
        return Finding(
            measure: .asymmetry, velocity: left.velocity, angle: left.angle, muscle: left.muscle,
            contraction: left.contraction, weakerSide: weaker, value: value, band: band, threshold: threshold,
            inputs: .leftAndRight, rows: rows, words: words, confirmation: confirmation,
            populationNote: caught ? redNote : nil, missingDetails: caught ? missing : [])
    }

    /// A difference's words, made from the finding when read: its band, confirmation, value, weaker
    /// side, first row, threshold and note. Made once a session and shared by its differences, where a
    /// closure holding each difference's numbers was an allocation a finding.
    static func words(_ rule: AsymmetryRule) -> @Sendable (Finding) -> String {
        { f in
            guard let left = f.firstMeasurement else { return "" }
            let (value, weaker) = (f.value, f.weakerSide)
            var reason = lead(left, value: value, weaker: weaker, rule: rule)
            let leg = weaker?.rawValue ?? "weaker"
            switch (f.band, f.confirmation) {
            case (.green, _): reason += ": within the \(Formatting.fixed(rule.amber, digits: 0))% usually seen."
            case (_, .pendingSecondTest?):
                reason +=
                    ": at or above \(Formatting.fixed(rule.red, digits: 0))% — confirm on a second test day within "
                    + "\(rule.confirmWithinWeeks) weeks (a single test can differ this much by chance). "
                    + "Until then, a training target for the \(leg) leg."
            default:
                // The note is set on the differences the red would have caught, and only where it does not apply.
                if let redNote = f.populationNote {
                    reason += ": a large difference, but \(redNote). A training target for the \(leg) leg."
                } else {
                    reason += ": a training target for the \(leg) leg."
                }
            }
            return reason + " Formula: (stronger − weaker) ÷ stronger × 100."
                + RatioWords.population(f.cutoffPopulation ?? "")
        }
    }

    /// `Left concentric hamstrings at 60°/s: 17% weaker than the right (difference between the legs)`.
    private static func lead(_ m: Measurement, value: Double, weaker: Side?, rule: AsymmetryRule) -> String {
        let shown = Formatting.banded(value, digits: 0, cutoffs: [rule.amber, rule.red])
        let what = describe(m)
        let text =
            weaker.map {
                "\(Formatting.capitalized($0.rawValue)) \(what): \(shown)% weaker than the \($0.opposite.rawValue)"
            }
            ?? "Left and right \(what) are equal"
        return text + " (difference between the legs)"
    }

    /// The red of an earlier difference, confirmed: same measure, same weaker side, red-sized both times.
    static func confirm(_ finding: inout Finding, earlier: Finding, rule: AsymmetryRule) {
        guard finding.confirmation == .pendingSecondTest, earlier.confirmation != nil,
            earlier.weakerSide == finding.weakerSide, let threshold = finding.threshold, let red = threshold.red
        else { return }
        finding.band = threshold.band(for: finding.value) == .red ? .red : finding.band
        guard finding.band == .red, let earlierDate = earlier.firstMeasurement?.date,
            let measured = finding.firstMeasurement
        else { return }
        finding.confirmation = .confirmed
        let (value, weaker) = (finding.value, finding.weakerSide)
        finding.setReason {
            let leg = weaker?.rawValue ?? "weaker"
            let marked = value >= rule.marked ? "a marked, " : ""
            return lead(measured, value: value, weaker: weaker, rule: rule)
                + ": at or above \(Formatting.fixed(red, digits: 0))% on this test and on \(earlierDate) — "
                + "\(marked)confirmed difference. Work the \(leg) leg first. "
                + "Formula: (stronger − weaker) ÷ stronger × 100." + RatioWords.population(threshold.population)
        }
    }

    /// `rows` holds `left` and `right`, in that order.
    static func limbSymmetry(
        left: Measurement, right: Measurement, rows: Finding.Rows, involved: Side, rule: LimbSymmetryRule
    ) -> Finding {
        let (inv, uninv) = involved == .left ? (left, right) : (right, left)
        let value = uninv.value.si > 0 ? inv.value.si / uninv.value.si * 100 : 0
        let population = "athletes returning to sport after knee injury or surgery"
        let threshold = ThresholdUsed(
            green: rule.green, red: rule.red, higherIsBetter: true, unit: "%", source: rule.source,
            population: population)
        let band = threshold.band(for: value)
        let lead =
            "Involved \(involved.rawValue) \(describe(left)): "
            + "\(Formatting.banded(value, digits: 0, cutoffs: [rule.red, rule.green]))% of the "
            + "\(involved.opposite.rawValue) (injured leg vs the other leg)"
        let reason: String
        switch band {
        case .green:
            reason =
                "\(lead): at or above the \(Formatting.fixed(rule.green, digits: 0))% mark used in return-to-sport "
                + "testing. One test is not a clearance: that needs the full test battery and your clinician."
        case .amber: reason = "\(lead): below the \(Formatting.fixed(rule.green, digits: 0))% mark. A training target."
        default: reason = "\(lead): below \(Formatting.fixed(rule.red, digits: 0))%. Make the involved leg a priority."
        }
        var finding = Finding(
            measure: .limbSymmetryIndex, side: involved, velocity: left.velocity, angle: left.angle,
            muscle: left.muscle, contraction: left.contraction,
            weakerSide: inv.value.si < uninv.value.si ? involved : nil, value: value, band: band,
            threshold: threshold, inputs: .leftAndRight, rows: rows)
        finding.reason = reason + " Formula: involved ÷ uninvolved × 100." + RatioWords.population(population)
        return finding
    }

    private static func describe(_ m: Measurement) -> String {
        var text = "\(m.contraction.rawValue) \(m.muscle.rawValue)"
        if let velocity = m.velocity { text += " at \(Formatting.velocity(velocity))" }
        if let angle = m.angle { text += " at \(Formatting.fixed(angle, digits: 0))°" }
        if m.method == .nordic { text = "Nordic hamstrings" }
        if m.method == .bridgeTest { text = "single-leg bridge" }
        return text
    }
}
