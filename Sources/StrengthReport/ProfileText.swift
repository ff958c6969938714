import StrengthAnalysis

/// `hqscreen profile show`: every threshold with its source, for people.
public enum ProfileText {
    /// The population and protocol gates, in words: docs/thresholds.md says the same.
    static func gates(_ p: ThresholdProfile) -> [String] {
        let n = p.nordic
        let population =
            "\(n.sex) athletes aged \(n.minimumAge) or over whose sport is one of: \(n.sports.joined(separator: ", ")) "
            + "(the whole sport as recorded, case and punctuation aside)"
        return [
            "Conventional and functional ratios and torque per kg: isokinetic dynamometer tests only; a hand-held "
                + "\"60°/s\" value gets no threshold. A pair with one torque gravity corrected and the other not is "
                + "non-standard and gets no band.",
            "Hcon/Qcon \(Formatting.velocity(p.aclReconstruction.velocity)) red: only when the involved knee had an ACL "
                + "reconstruction (column 'ACL reconstruction' or --acl-reconstruction) and sex is known.",
            "Nordic force bands: only for \(population). Unknown sex, age or sport is not established: the force "
                + "expected for the body mass is shown instead.",
            "Left/right difference red (≥ \(Formatting.fixed(p.asymmetry.red, digits: 0))%): only for the same population, and "
                + "never for bridge repetitions; elsewhere amber at most. On one test day a red-sized difference is "
                + "amber, \"confirm on a second test day\"; it turns red when a test within "
                + "\(p.asymmetry.confirmWithinWeeks) weeks shows the same weaker side as large.",
            "Isometric Hiso/Qiso: seated tests at 60–90° of knee flexion only (a test with no recorded position is "
                + "banded with a caveat).",
            "Croisier-style rule: only the speeds named above; a deficit at another speed is not a criterion. Met "
                + "(red) or not met (green); undecided while untested criteria could still decide it.",
            "Every band is decided on the value itself, not a rounded copy (0.5998 is below 0.60); the value is shown "
                + "with enough decimals to agree with its band.",
        ]
    }

    public static func render(_ p: ThresholdProfile) -> String {
        var lines = ["Profile \(p.name)", p.description, ""]
        func ratio(_ value: Double?) -> String { value.map(Formatting.ratio) ?? "—" }
        lines.append("Conventional Hcon/Qcon (green at or above, red below):")
        for row in p.conventional {
            lines.append(
                "  \(TextReport.pad(Formatting.velocity(row.velocity), 8)) green ≥ \(ratio(row.green))  \(row.red.map { "red < " + ratio($0) } ?? "no red band")"
                    + "   \(row.source) [\(row.population)]")
        }
        for row in p.conventionalReference {
            lines.append(
                "  \(TextReport.pad(Formatting.velocity(row.velocity), 8)) information: mean \(ratio(row.mean)) ± "
                    + "\(ratio(row.sd))   \(row.source)")
        }
        let f = p.functional
        lines.append("")
        lines.append(
            "Functional Hecc \(Formatting.velocity(f.eccentricVelocity)) ÷ Qcon \(Formatting.velocity(f.concentricVelocity)): "
                + "green ≥ \(ratio(f.cutoff.green)), red < \(ratio(f.cutoff.red))   \(f.cutoff.source)")
        for row in p.functionalReference {
            lines.append(
                "  same speed \(Formatting.velocity(row.velocity)): information, mean \(ratio(row.mean)) ± \(ratio(row.sd))"
            )
        }
        lines.append(
            "Isometric Hiso/Qiso: green ≥ \(ratio(p.isometric.green)), \(p.isometric.red.map { "red < " + ratio($0) } ?? "no red band")   "
                + p.isometric.source)
        let m = p.machine
        lines.append(
            "Machine 1RM curl ÷ extension: green ≥ \(ratio(m.greenFemale)) women, ≥ \(ratio(m.greenMale)) men; "
                + "\(m.formula.rawValue) estimate from sets of ≤ \(m.maxReps) reps (≤ \(m.warnReps) with a warning)   "
                + m.source)
        let n = p.nordic
        lines.append(
            "Nordic force: green ≥ \(Formatting.fixed(n.green, digits: 0)) N, red < \(Formatting.fixed(n.red, digits: 0)) N "
                + "for \(n.sex) athletes aged \(n.minimumAge)+ in \(n.sports.joined(separator: ", ")); otherwise "
                + "information with expected \(Formatting.fixed(n.expectedPerKilogram, digits: 0)) × body mass + "
                + "\(Formatting.fixed(n.expectedIntercept, digits: 1)) N   \(n.source); \(n.expectedSource)")
        let a = p.asymmetry
        lines.append(
            "Left/right difference: green < \(Formatting.fixed(a.amber, digits: 0))%, red ≥ \(Formatting.fixed(a.red, digits: 0))%, "
                + "marked ≥ \(Formatting.fixed(a.marked, digits: 0))%   \(a.source)")
        lines.append(
            "Limb symmetry index: green ≥ \(Formatting.fixed(p.limbSymmetry.green, digits: 0))%, red < "
                + "\(Formatting.fixed(p.limbSymmetry.red, digits: 0))%   \(p.limbSymmetry.source)")
        lines.append(
            "Knee-extensor torque/kg at \(Formatting.velocity(p.relativeTorque.velocity)): green ≥ "
                + "\(Formatting.fixed(p.relativeTorque.green, digits: 1)) Nm/kg when an involved side is known   "
                + p.relativeTorque.source)
        lines.append(
            "Single-leg bridge: green ≥ \(Formatting.fixed(p.bridge.green, digits: 0)) reps, "
                + "\(p.bridge.red.map { "red < " + Formatting.fixed($0, digits: 0) } ?? "no red band")   \(p.bridge.source)"
        )
        let acl = p.aclReconstruction
        lines.append(
            "Hcon/Qcon \(Formatting.velocity(acl.velocity)) after ACL reconstruction: red < \(ratio(acl.redFemale)) women, "
                + "< \(ratio(acl.redMale)) men   \(acl.source) [\(acl.population)]")
        let c = p.croisier
        lines.append(
            "Croisier-style rule: imbalance when 2 or more of: weaker ÷ stronger hamstrings < \(ratio(c.bilateralRatio)) "
                + "(concentric at 60 and 240°/s; eccentric at 30 and 120°/s), Hcon/Qcon "
                + "\(Formatting.velocity(c.conventionalVelocity)) < \(ratio(c.conventional)), mixed ratio < \(ratio(c.mixed))   "
                + c.source)
        lines.append("")
        lines.append(
            "Where each cut-off applies (otherwise the value is shown without a band, and the report says why):")
        for gate in gates(p) { lines.append("  - " + gate) }
        lines.append("")
        lines.append(
            "Retest after \(p.retestWeeks) weeks. Changes within ±\(Formatting.ratio(p.change.ratio)) (ratios; "
                + "\(p.change.ratioSource)), ±\(Formatting.fixed(p.change.asymmetryPoints, digits: 0)) points "
                + "(asymmetry; \(p.change.asymmetrySource)) and ±\(Formatting.fixed(p.change.strengthPercent, digits: 0))% "
                + "(forces; \(p.change.strengthSource)) are 'no clear change'.")
        // Names and sources come from a profile file: print them, never obey them.
        return lines.map(TerminalSafe.escape).joined(separator: "\n") + "\n"
    }
}
