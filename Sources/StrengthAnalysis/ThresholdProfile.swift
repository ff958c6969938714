/// Cut-offs for the conventional ratio at one velocity, with where they come from.
public struct ConventionalThreshold: Sendable, Hashable {
    /// Isokinetic velocity in deg/s.
    public var velocity: Double
    /// Ratios at or above this are green.
    public var green: Double
    /// Ratios below this are red; nil caps the band at amber (no validated cut-off).
    public var red: Double?
    public var source: String
    /// The population the numbers come from, said plainly in reports.
    public var population: String

    public init(velocity: Double, green: Double, red: Double?, source: String, population: String) {
        self.velocity = velocity
        self.green = green
        self.red = red
        self.source = source
        self.population = population
    }
}

/// A reference mean shown where no cut-off exists.
public struct ReferenceValue: Sendable, Hashable {
    public var velocity: Double
    public var mean: Double
    public var sd: Double
    public var source: String

    public init(velocity: Double, mean: Double, sd: Double, source: String) {
        self.velocity = velocity
        self.mean = mean
        self.sd = sd
        self.source = source
    }
}

/// Green from `green` up, red below `red` (when there is one), amber between.
public struct RatioCutoff: Sendable, Hashable {
    public var green: Double
    public var red: Double?
    public var source: String
    public var population: String

    public init(green: Double, red: Double?, source: String, population: String) {
        self.green = green
        self.red = red
        self.source = source
        self.population = population
    }
}

/// Hecc at one speed over Qcon at another (the "mixed" ratio).
public struct FunctionalRule: Sendable, Hashable {
    public var eccentricVelocity: Double
    public var concentricVelocity: Double
    public var cutoff: RatioCutoff

    public init(eccentricVelocity: Double, concentricVelocity: Double, cutoff: RatioCutoff) {
        self.eccentricVelocity = eccentricVelocity
        self.concentricVelocity = concentricVelocity
        self.cutoff = cutoff
    }
}

/// How a one-repetition maximum is estimated from a set.
public enum OneRepMaxFormula: String, Sendable, Hashable, CaseIterable {
    /// w × (1 + r/30)
    case epley
    /// w × 36 / (37 − r)
    case brzycki
}

/// Leg-curl 1RM over leg-extension 1RM, and which sets may estimate a 1RM.
public struct MachineRule: Sendable, Hashable {
    public var greenFemale: Double
    public var greenMale: Double
    public var formula: OneRepMaxFormula
    /// Sets of up to this many repetitions estimate a 1RM.
    public var maxReps: Int
    /// Sets above `maxReps` and up to this still estimate one, with a warning.
    public var warnReps: Int
    public var source: String
    public var population: String

    public init(
        greenFemale: Double, greenMale: Double, formula: OneRepMaxFormula, maxReps: Int, warnReps: Int,
        source: String, population: String
    ) {
        self.greenFemale = greenFemale
        self.greenMale = greenMale
        self.formula = formula
        self.maxReps = maxReps
        self.warnReps = warnReps
        self.source = source
        self.population = population
    }
}

/// Nordic eccentric force cut-offs, which apply only to the population they were derived in.
public struct NordicRule: Sendable, Hashable {
    /// Newtons at or above: green.
    public var green: Double
    /// Newtons below: red.
    public var red: Double
    /// Cut-offs apply to this sex only (lower case), with a sport from `sports`, aged at least `minimumAge`.
    public var sex: String
    public var minimumAge: Int
    /// Field sports by name, lower case, compared with the whole recorded sport (punctuation and case
    /// aside): "rugby union" matches, "American football" does not match "football".
    public var sports: [String]
    /// Expected force = perKilogram × body mass + intercept.
    public var expectedPerKilogram: Double
    public var expectedIntercept: Double
    public var source: String
    public var expectedSource: String

    public init(
        green: Double, red: Double, sex: String, minimumAge: Int, sports: [String], expectedPerKilogram: Double,
        expectedIntercept: Double, source: String, expectedSource: String
    ) {
        self.green = green
        self.red = red
        self.sex = sex
        self.minimumAge = minimumAge
        self.sports = sports
        self.expectedPerKilogram = expectedPerKilogram
        self.expectedIntercept = expectedIntercept
        self.source = source
        self.expectedSource = expectedSource
    }
}

/// Percent bands for a between-limb difference: green below `amber`, red from `red`.
///
/// The red cut-off comes from male field-sport cohorts (the population of `NordicRule`); elsewhere
/// a difference that large stays amber. One session is not enough for red: the same weaker side at
/// `red` or more on a second test within `confirmWithinWeeks` confirms it.
public struct AsymmetryRule: Sendable, Hashable {
    public var amber: Double
    public var red: Double
    /// Differences from here are called marked.
    public var marked: Double
    public var confirmWithinWeeks: Int
    public var source: String

    public init(amber: Double, red: Double, marked: Double, confirmWithinWeeks: Int, source: String) {
        self.amber = amber
        self.red = red
        self.marked = marked
        self.confirmWithinWeeks = confirmWithinWeeks
        self.source = source
    }
}

/// The return-to-sport red cut-offs of the conventional ratio at high speed, for people whose
/// involved knee had an ACL reconstruction only.
public struct ACLRule: Sendable, Hashable {
    public var velocity: Double
    public var redFemale: Double
    public var redMale: Double
    public var source: String
    public var population: String

    public init(velocity: Double, redFemale: Double, redMale: Double, source: String, population: String) {
        self.velocity = velocity
        self.redFemale = redFemale
        self.redMale = redMale
        self.source = source
        self.population = population
    }
}

/// Limb symmetry index (involved ÷ uninvolved × 100) bands.
public struct LimbSymmetryRule: Sendable, Hashable {
    public var green: Double
    public var red: Double
    public var source: String

    public init(green: Double, red: Double, source: String) {
        self.green = green
        self.red = red
        self.source = source
    }
}

/// Knee-extensor peak torque per body mass, a return-to-sport context measure.
public struct RelativeTorqueRule: Sendable, Hashable {
    public var velocity: Double
    /// Nm/kg at or above: green, when an involved (operated or injured) side is known.
    public var green: Double
    public var source: String

    public init(velocity: Double, green: Double, source: String) {
        self.velocity = velocity
        self.green = green
        self.source = source
    }
}

/// The soccer-derived composite: imbalance when at least two criteria are met.
public struct CroisierRule: Sendable, Hashable {
    /// Weaker ÷ stronger hamstrings below this is a criterion (concentric, and separately eccentric).
    public var bilateralRatio: Double
    public var conventionalVelocity: Double
    public var conventional: Double
    public var mixed: Double
    public var source: String

    public init(
        bilateralRatio: Double, conventionalVelocity: Double, conventional: Double, mixed: Double, source: String
    ) {
        self.bilateralRatio = bilateralRatio
        self.conventionalVelocity = conventionalVelocity
        self.conventional = conventional
        self.mixed = mixed
        self.source = source
    }
}

/// How large a change between two tests must be before it counts as real.
public struct ChangeNoise: Sendable, Hashable {
    /// Absolute change of any H:Q ratio.
    public var ratio: Double
    public var ratioSource: String
    /// Percentage points of asymmetry or limb symmetry index.
    public var asymmetryPoints: Double
    public var asymmetrySource: String
    /// Percent change of a force, torque or load.
    public var strengthPercent: Double
    public var strengthSource: String

    public init(
        ratio: Double, ratioSource: String, asymmetryPoints: Double, asymmetrySource: String,
        strengthPercent: Double, strengthSource: String
    ) {
        self.ratio = ratio
        self.ratioSource = ratioSource
        self.asymmetryPoints = asymmetryPoints
        self.asymmetrySource = asymmetrySource
        self.strengthPercent = strengthPercent
        self.strengthSource = strengthSource
    }
}

/// Every threshold HQScreen applies, as data with its source.
public struct ThresholdProfile: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Two velocities within this many deg/s are the same protocol.
    public var velocityTolerance: Double
    public var retestWeeks: Int
    public var conventional: [ConventionalThreshold]
    public var conventionalReference: [ReferenceValue]
    public var functional: FunctionalRule
    /// Same-velocity Hecc/Qcon means, shown as information only.
    public var functionalReference: [ReferenceValue]
    public var isometric: RatioCutoff
    public var machine: MachineRule
    public var nordic: NordicRule
    public var asymmetry: AsymmetryRule
    public var limbSymmetry: LimbSymmetryRule
    public var relativeTorque: RelativeTorqueRule
    public var aclReconstruction: ACLRule
    /// Single-leg hamstring bridge repetitions: green from `green`, red below `red`.
    public var bridge: RatioCutoff
    public var croisier: CroisierRule
    public var change: ChangeNoise

    public init(
        name: String, description: String, velocityTolerance: Double, retestWeeks: Int,
        conventional: [ConventionalThreshold], conventionalReference: [ReferenceValue], functional: FunctionalRule,
        functionalReference: [ReferenceValue], isometric: RatioCutoff, machine: MachineRule, nordic: NordicRule,
        asymmetry: AsymmetryRule, limbSymmetry: LimbSymmetryRule, relativeTorque: RelativeTorqueRule,
        aclReconstruction: ACLRule, bridge: RatioCutoff, croisier: CroisierRule, change: ChangeNoise
    ) {
        self.aclReconstruction = aclReconstruction
        self.name = name
        self.description = description
        self.velocityTolerance = velocityTolerance
        self.retestWeeks = retestWeeks
        self.conventional = conventional
        self.conventionalReference = conventionalReference
        self.functional = functional
        self.functionalReference = functionalReference
        self.isometric = isometric
        self.machine = machine
        self.nordic = nordic
        self.asymmetry = asymmetry
        self.limbSymmetry = limbSymmetry
        self.relativeTorque = relativeTorque
        self.bridge = bridge
        self.croisier = croisier
        self.change = change
    }

    public func sameVelocity(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= velocityTolerance }

    public func conventionalThreshold(at velocity: Double) -> ConventionalThreshold? {
        conventional.first { sameVelocity($0.velocity, velocity) }
    }

    public func conventionalReference(at velocity: Double) -> ReferenceValue? {
        conventionalReference.first { sameVelocity($0.velocity, velocity) }
    }

    public func functionalReference(at velocity: Double) -> ReferenceValue? {
        functionalReference.first { sameVelocity($0.velocity, velocity) }
    }
}
