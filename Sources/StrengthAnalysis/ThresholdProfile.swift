/// Cut-offs for the conventional ratio at one velocity, with where they come from.
public struct ConventionalThreshold: Sendable, Hashable, Codable {
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

    /// Bands the ratio as it is shown and published: to two decimals, so a reported 0.60 is
    /// never called "below the 0.60 target".
    public func band(for ratio: Double) -> Band {
        let shown = (ratio * 100).rounded() / 100
        if let red, shown < red { return .red }
        return shown >= green ? .green : .amber
    }
}

/// A reference mean shown where no cut-off exists.
public struct ReferenceValue: Sendable, Hashable, Codable {
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

/// Every threshold HQScreen applies, as data with its source.
public struct ThresholdProfile: Sendable, Hashable, Codable {
    public var name: String
    public var conventional: [ConventionalThreshold]
    public var conventionalReference: [ReferenceValue]
    /// Two velocities within this many deg/s are the same protocol.
    public var velocityTolerance: Double
    public var retestWeeks: Int

    public init(
        name: String, conventional: [ConventionalThreshold], conventionalReference: [ReferenceValue],
        velocityTolerance: Double, retestWeeks: Int
    ) {
        self.name = name
        self.conventional = conventional
        self.conventionalReference = conventionalReference
        self.velocityTolerance = velocityTolerance
        self.retestWeeks = retestWeeks
    }

    public func conventionalThreshold(at velocity: Double) -> ConventionalThreshold? {
        conventional.first { abs($0.velocity - velocity) <= velocityTolerance }
    }

    public func conventionalReference(at velocity: Double) -> ReferenceValue? {
        conventionalReference.first { abs($0.velocity - velocity) <= velocityTolerance }
    }

    /// Rows 1–4 of the default-v1 table in docs/science.md.
    public static let defaultV1 = ThresholdProfile(
        name: "default-v1",
        conventional: [
            ConventionalThreshold(
                velocity: 60, green: 0.60, red: 0.47,
                source: "0.60 target: Coombs & Garbutt 2002, J Sports Sci Med 1:56; "
                    + "0.47 cut-off: Croisier et al. 2008, Am J Sports Med 36:1469 (as applied by Ardern et al. 2015)",
                population: "professional soccer players"),
            ConventionalThreshold(
                velocity: 180, green: 0.72, red: nil,
                source: "published normal value 0.72 quoted in PLoS ONE 2012, doi:10.1371/journal.pone.0050979",
                population: "young professional soccer players"),
            ConventionalThreshold(
                velocity: 240, green: 0.75, red: nil,
                source: "provisional: interpolated between the 0.72 (180°/s) and 0.78 (300°/s) normal values",
                population: "young professional soccer players"),
            ConventionalThreshold(
                velocity: 300, green: 0.78, red: nil,
                source: "published normal value 0.78 quoted in PLoS ONE 2012, doi:10.1371/journal.pone.0050979",
                population: "young professional soccer players"),
        ],
        conventionalReference: [
            ReferenceValue(
                velocity: 12, mean: 0.52, sd: 0.07, source: "Baroni et al. 2020, J Strength Cond Res 34:281"),
            ReferenceValue(
                velocity: 30, mean: 0.52, sd: 0.08, source: "Baroni et al. 2020, J Strength Cond Res 34:281"),
            ReferenceValue(
                velocity: 90, mean: 0.57, sd: 0.06, source: "Baroni et al. 2020, J Strength Cond Res 34:281"),
            ReferenceValue(
                velocity: 120, mean: 0.65, sd: 0.16, source: "Baroni et al. 2020, J Strength Cond Res 34:281"),
            ReferenceValue(
                velocity: 360, mean: 0.80, sd: 0.13, source: "Baroni et al. 2020, J Strength Cond Res 34:281"),
        ],
        velocityTolerance: 0.5,
        retestWeeks: 6)
}
