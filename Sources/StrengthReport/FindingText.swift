import StrengthAnalysis
import StrengthModel

/// Short labels and values for findings, shared by the terminal report and the team summary.
public enum FindingText {
    /// What the row measures, without the side: `Hcon/Qcon 60°/s`, `Hecc 30°/s ÷ Qcon 240°/s`.
    public static func label(_ f: Finding) -> String {
        let speed = f.velocity.map { " " + Formatting.velocity($0) } ?? ""
        let angle = f.angle.map { " \(Formatting.fixed($0, digits: 0))°" } ?? ""
        switch f.measure {
        case .conventionalHQ: return "Hcon/Qcon" + speed
        case .functionalHQ:
            if let pair = f.velocityPair, f.velocity == nil {
                return "Hecc \(Formatting.velocity(pair.eccentric)) ÷ Qcon \(Formatting.velocity(pair.concentric))"
            }
            return "Hecc/Qcon" + speed + " (same speed)"
        case .isometricHQ: return "Hiso/Qiso" + angle
        case .machine1RMHQ: return "Leg curl ÷ leg extension 1RM"
        case .nordicForce: return "Nordic force"
        case .torquePerBodyMass: return "\(Formatting.capitalized(f.muscle?.rawValue ?? "")) torque/kg" + speed
        case .asymmetry, .limbSymmetryIndex:
            let method = f.firstMeasurement?.method
            let what = method == .nordic ? "Nordic" : method == .bridgeTest ? "bridge" : abbreviation(f.contraction)
            let kind = f.measure == .asymmetry ? "" : " (LSI)"
            return "\(Formatting.capitalized(f.muscle?.rawValue ?? "")) \(what)\(speed)\(angle)\(kind)"
        case .croisierComposite: return "Croisier-style rule"
        case .singleLegBridge: return "Single-leg bridge"
        case .strengthChange:
            return "\(Formatting.capitalized(f.muscle?.rawValue ?? "")) \(abbreviation(f.contraction)) change\(speed)"
        }
    }

    /// The label in plain words for people who do not read Hcon/Qcon: `hamstrings vs quadriceps, slow speed`.
    public static func plainLabel(_ f: Finding) -> String {
        switch f.measure {
        case .conventionalHQ:
            return "hamstrings vs quadriceps" + (f.velocity.map { ", \(Words.speed($0)) speed" } ?? "")
        case .functionalHQ:
            return f.velocity == nil
                ? "hamstrings braking vs quadriceps kicking" : "hamstrings braking vs quadriceps, same speed"
        case .isometricHQ: return "hamstrings vs quadriceps, holding still"
        case .machine1RMHQ: return "leg curl vs leg extension, heaviest lift"
        case .nordicForce: return "hamstrings pulling force (Nordic)"
        case .asymmetry: return "difference between the legs"
        case .limbSymmetryIndex: return "injured leg vs the other leg"
        case .torquePerBodyMass: return "strength for your body weight"
        case .croisierComposite: return "combined imbalance rule"
        case .singleLegBridge: return "single-leg hip raises to fatigue"
        case .strengthChange: return "strength since the last test"
        }
    }

    /// The value as shown: `0.52`, `20%`, `412 N`, `2.31 Nm/kg`, `1 of 3 met`.
    public static func value(_ f: Finding) -> String {
        switch f.measure {
        case .asymmetry, .limbSymmetryIndex: return "\(f.shownValue(digits: 0))%"
        case .strengthChange:
            // The same minus sign as every other change in the report, not a hyphen.
            return "\(f.value > 0 ? "+" : f.value < 0 ? "−" : "")\(Formatting.fixed(abs(f.value), digits: 0))%"
        case .nordicForce: return "\(f.shownValue(digits: 0)) N"
        case .torquePerBodyMass: return "\(f.shownValue(digits: 2)) Nm/kg"
        case .singleLegBridge: return "\(f.shownValue(digits: 0)) reps"
        case .croisierComposite:
            let checked = f.inputs.first { $0.unit == "criteria" }.map { Int(saturating: $0.value) } ?? 0
            return "\(Int(saturating: f.value)) of \(checked) met"
        default: return f.shownValue(digits: 2)
        }
    }

    /// A change as shown: `+0.06`, `-4 points`, `+12 N`.
    public static func delta(_ f: Finding, _ amount: Double) -> String {
        let sign = amount > 0 ? "+" : amount < 0 ? "−" : "±"
        let size = abs(amount)
        switch f.measure {
        case .asymmetry, .limbSymmetryIndex, .strengthChange:
            return "\(sign)\(Formatting.fixed(size, digits: 1)) points"
        case .nordicForce: return "\(sign)\(Formatting.fixed(size, digits: 0)) N"
        case .torquePerBodyMass: return "\(sign)\(Formatting.fixed(size, digits: 2)) Nm/kg"
        case .singleLegBridge: return "\(sign)\(Formatting.fixed(size, digits: 0)) reps"
        case .croisierComposite: return "\(sign)\(Int(saturating: size))"
        default: return "\(sign)\(Formatting.ratio(size))"
        }
    }

    /// The side column of tables: the weaker leg for a difference, else the side or "both".
    public static func side(_ f: Finding) -> String {
        f.measure == .asymmetry ? (f.weakerSide.map { "\($0.rawValue) weaker" } ?? "") : (f.side?.rawValue ?? "both")
    }

    /// `+0.06 since 2026-01-12: improved`, or empty for a first test.
    public static func change(_ f: Finding) -> String {
        guard let c = f.change else { return "" }
        return "\(delta(f, c.sincePrevious)) since \(c.previousDate): \(verdict(c.verdictSincePrevious))"
    }

    /// `61.5 kg · female · 27 years · running · involved side: left`: what the file said about the athlete.
    public static func details(_ a: Assessment) -> [String] {
        var facts: [String] = []
        if let mass = a.info?.bodyMassKg { facts.append("\(Formatting.fixed(mass, digits: 1)) kg") }
        if let sex = a.info?.sex { facts.append(sex.rawValue) }
        if let age = a.info?.age { facts.append("\(age) years") }
        if let sport = a.info?.sport { facts.append(sport) }
        if let involved = a.info?.involvedSide { facts.append("involved side: \(involved.rawValue)") }
        return facts
    }

    /// The files a session came from.
    public static func sources(_ a: Assessment) -> [String] {
        a.info?.sources ?? Set(a.measurements.map(\.source.fileNumber)).map(SourceFiles.name).sorted()
    }

    public static func verdict(_ verdict: Change.Verdict) -> String {
        switch verdict {
        case .improved: "improved"
        case .noClearChange: "no clear change"
        case .worse: "worse"
        }
    }

    static func abbreviation(_ contraction: Contraction?) -> String {
        switch contraction {
        case .concentric: "con"
        case .eccentric: "ecc"
        case .isometric: "iso"
        case nil: ""
        }
    }
}
