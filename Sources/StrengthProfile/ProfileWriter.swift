import StrengthAnalysis

extension ProfileFile {
    /// The profile as an editable YAML file, with comments that say what each section means.
    public static func render(_ p: ThresholdProfile) -> String {
        var out = YAMLText()
        out.comment("HQScreen threshold profile. Edit the numbers, keep the sources honest, and use it with")
        out.comment("  hqscreen report FILE... --profile THIS-FILE")
        out.comment("Every key is required. Ratios are fractions (0.60), asymmetries percent, forces newtons.")
        out.comment("A `red: null` means the band stops at amber: no validated cut-off exists.")
        out.blank()
        out.pair("name", p.name)
        out.pair("description", p.description)
        out.comment("Two velocities this close (deg/s) count as the same protocol.")
        out.pair("velocityTolerance", p.velocityTolerance)
        out.pair("retestWeeks", p.retestWeeks)
        out.blank()
        out.comment("Conventional Hcon/Qcon per velocity: green at or above `green`, red below `red`.")
        out.key("conventional")
        for row in p.conventional {
            out.item([
                ("velocity", .number(row.velocity)), ("green", .number(row.green)), ("red", .optional(row.red)),
                ("source", .text(row.source)), ("population", .text(row.population)),
            ])
        }
        out.comment("Means ± SD shown where no cut-off exists.")
        out.key("conventionalReference")
        for row in p.conventionalReference { out.reference(row) }
        out.blank()
        out.comment("Mixed functional ratio: eccentric hamstrings at one speed over concentric quadriceps at another.")
        out.mapping(
            "functional",
            [
                ("eccentricVelocity", .number(p.functional.eccentricVelocity)),
                ("concentricVelocity", .number(p.functional.concentricVelocity)),
                ("green", .number(p.functional.cutoff.green)), ("red", .optional(p.functional.cutoff.red)),
                ("source", .text(p.functional.cutoff.source)), ("population", .text(p.functional.cutoff.population)),
            ])
        out.comment("Same-speed Hecc/Qcon means, shown as information only.")
        out.key("functionalReference")
        for row in p.functionalReference { out.reference(row) }
        out.blank()
        out.mapping(
            "isometric",
            [
                ("green", .number(p.isometric.green)), ("red", .optional(p.isometric.red)),
                ("source", .text(p.isometric.source)), ("population", .text(p.isometric.population)),
            ])
        out.comment("Leg-curl 1RM ÷ leg-extension 1RM. formula: epley or brzycki. Sets up to maxReps estimate a")
        out.comment("1RM; up to warnReps with a warning; above that they are not used.")
        out.mapping(
            "machine",
            [
                ("greenFemale", .number(p.machine.greenFemale)), ("greenMale", .number(p.machine.greenMale)),
                ("formula", .text(p.machine.formula.rawValue)), ("maxReps", .integer(p.machine.maxReps)),
                ("warnReps", .integer(p.machine.warnReps)), ("source", .text(p.machine.source)),
                ("population", .text(p.machine.population)),
            ])
        out.comment("Nordic force cut-offs (N) apply only to this sex, from minimumAge, and to these sports (the whole")
        out.comment("recorded sport, case and punctuation aside); others get the expected force: expectedPerKilogram ×")
        out.comment("body mass + expectedIntercept. The same population decides where the asymmetry red applies.")
        out.mapping(
            "nordic",
            [
                ("green", .number(p.nordic.green)), ("red", .number(p.nordic.red)), ("sex", .text(p.nordic.sex)),
                ("minimumAge", .integer(p.nordic.minimumAge)), ("sports", .list(p.nordic.sports)),
                ("expectedPerKilogram", .number(p.nordic.expectedPerKilogram)),
                ("expectedIntercept", .number(p.nordic.expectedIntercept)), ("source", .text(p.nordic.source)),
                ("expectedSource", .text(p.nordic.expectedSource)),
            ])
        out.comment(
            "Left/right difference in percent: green below amber, red from red, 'marked' from marked. Red needs")
        out.comment("the same weaker side at red or more on a second test within confirmWithinWeeks.")
        out.mapping(
            "asymmetry",
            [
                ("amber", .number(p.asymmetry.amber)), ("red", .number(p.asymmetry.red)),
                ("marked", .number(p.asymmetry.marked)),
                ("confirmWithinWeeks", .integer(p.asymmetry.confirmWithinWeeks)),
                ("source", .text(p.asymmetry.source)),
            ])
        out.comment("Limb symmetry index (involved ÷ uninvolved × 100), used when an involved side is known.")
        out.mapping(
            "limbSymmetry",
            [
                ("green", .number(p.limbSymmetry.green)), ("red", .number(p.limbSymmetry.red)),
                ("source", .text(p.limbSymmetry.source)),
            ])
        out.mapping(
            "relativeTorque",
            [
                ("velocity", .number(p.relativeTorque.velocity)), ("green", .number(p.relativeTorque.green)),
                ("source", .text(p.relativeTorque.source)),
            ])
        out.comment(
            "Conventional ratio red cut-offs at this speed for people whose involved knee had an ACL reconstruction.")
        out.mapping(
            "aclReconstruction",
            [
                ("velocity", .number(p.aclReconstruction.velocity)),
                ("redFemale", .number(p.aclReconstruction.redFemale)),
                ("redMale", .number(p.aclReconstruction.redMale)), ("source", .text(p.aclReconstruction.source)),
                ("population", .text(p.aclReconstruction.population)),
            ])
        out.comment("Single-leg hamstring bridge, repetitions to failure per leg: green from green, red below red.")
        out.mapping(
            "bridge",
            [
                ("green", .number(p.bridge.green)), ("red", .optional(p.bridge.red)),
                ("source", .text(p.bridge.source)), ("population", .text(p.bridge.population)),
            ])
        out.mapping(
            "croisier",
            [
                ("bilateralRatio", .number(p.croisier.bilateralRatio)),
                ("conventionalVelocity", .number(p.croisier.conventionalVelocity)),
                ("conventional", .number(p.croisier.conventional)), ("mixed", .number(p.croisier.mixed)),
                ("source", .text(p.croisier.source)),
            ])
        out.comment("Changes between tests smaller than these are 'no clear change'.")
        out.mapping(
            "change",
            [
                ("ratio", .number(p.change.ratio)), ("ratioSource", .text(p.change.ratioSource)),
                ("asymmetryPoints", .number(p.change.asymmetryPoints)),
                ("asymmetrySource", .text(p.change.asymmetrySource)),
                ("strengthPercent", .number(p.change.strengthPercent)),
                ("strengthSource", .text(p.change.strengthSource)),
            ])
        return out.text
    }
}

/// A small YAML emitter: block style, double-quoted strings, comments.
struct YAMLText {
    enum Value {
        case number(Double)
        case integer(Int)
        case optional(Double?)
        case text(String)
        case list([String])
    }

    private(set) var text = ""

    mutating func comment(_ line: String) { text += "# \(line)\n" }
    mutating func blank() { text += "\n" }
    mutating func key(_ name: String) { text += "\(name):\n" }
    mutating func pair(_ name: String, _ value: String) { text += "\(name): \(Self.render(.text(value)))\n" }
    mutating func pair(_ name: String, _ value: Double) { text += "\(name): \(Self.render(.number(value)))\n" }
    mutating func pair(_ name: String, _ value: Int) { text += "\(name): \(value)\n" }

    mutating func item(_ fields: [(String, Value)]) {
        for (i, field) in fields.enumerated() {
            text += (i == 0 ? "  - " : "    ") + "\(field.0): \(Self.render(field.1))\n"
        }
    }

    mutating func reference(_ row: ReferenceValue) {
        item([
            ("velocity", .number(row.velocity)), ("mean", .number(row.mean)), ("sd", .number(row.sd)),
            ("source", .text(row.source)),
        ])
    }

    mutating func mapping(_ name: String, _ fields: [(String, Value)]) {
        text += "\(name):\n"
        for field in fields { text += "  \(field.0): \(Self.render(field.1))\n" }
        text += "\n"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .integer(let n): return String(n)
        case .optional(let n): return n.map { render(.number($0)) } ?? "null"
        case .text(let s): return quoted(s)
        case .list(let items): return "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
