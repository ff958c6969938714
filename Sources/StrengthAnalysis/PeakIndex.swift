import StrengthModel

/// The protocol a measurement was taken with; only measurements with equal keys are compared.
struct ProtocolKey: Hashable, Comparable {
    var side: Side?
    var muscle: MuscleGroup
    var contraction: Contraction
    /// Velocity in tenths of a degree per second, so 60 and 60.0 pair.
    var velocityTenths: Int?
    /// Whole degrees of knee angle, for isometric tests.
    var angle: Int?
    var method: TestMethod
    var dimension: PhysicalDimension
    var position: BodyPosition?

    init(_ m: Measurement) {
        side = m.side
        muscle = m.muscle
        contraction = m.contraction
        velocityTenths = m.velocity.map { Int(saturating: ($0 * 10).rounded()) }
        angle = m.angle.map { Int(saturating: $0.rounded()) }
        method = m.method
        dimension = m.value.dimension
        position = m.position
    }

    var velocity: Double? { velocityTenths.map { Double($0) / 10 } }

    /// The same protocol for another muscle, side or contraction.
    func with(
        side: Side?? = nil, muscle: MuscleGroup? = nil, contraction: Contraction? = nil, velocity: Double?? = nil
    ) -> ProtocolKey {
        var key = self
        if let side { key.side = side }
        if let muscle { key.muscle = muscle }
        if let contraction { key.contraction = contraction }
        if let velocity { key.velocityTenths = velocity.map { Int(saturating: ($0 * 10).rounded()) } }
        return key
    }

    private var rank: (Int, Int, Int) {
        let sideRank = side.map { $0 == .left ? 1 : 2 } ?? 0
        let muscleRank = muscle == .quadriceps ? 0 : 1
        let contractionRank = contraction == .concentric ? 0 : contraction == .eccentric ? 1 : 2
        let kinds = sideRank * 1000 + muscleRank * 100 + contractionRank * 10 + (dimension == .torque ? 0 : 1)
        return (velocityTenths ?? -1, angle ?? -1, kinds)
    }

    /// Method and position break ties only: building their string for every comparison was a hot path.
    static func < (lhs: ProtocolKey, rhs: ProtocolKey) -> Bool {
        let l = lhs.rank
        let r = rhs.rank
        if l != r { return l < r }
        return lhs.method.rawValue + (lhs.position?.rawValue ?? "") < rhs.method.rawValue
            + (rhs.position?.rawValue ?? "")
    }
}

/// The best result per protocol in one session: repeated trials count by their peak, as every
/// isokinetic and dynamometer report does. Load-based sets are left to the 1RM estimate.
struct PeakIndex {
    let peaks: [ProtocolKey: Measurement]
    /// Keys in a stable, readable order (by velocity, then side, muscle, contraction), sorted once.
    let keys: [ProtocolKey]

    init(_ measurements: [Measurement]) {
        var peaks: [ProtocolKey: Measurement] = [:]
        for m in measurements where m.method != .machine1RM && !m.isWarmUp {
            let key = ProtocolKey(m)
            if m.value.si > (peaks[key]?.value.si ?? -1) { peaks[key] = m }
        }
        self.peaks = peaks
        keys = peaks.keys.sorted()
    }

    subscript(key: ProtocolKey) -> Measurement? { peaks[key] }
}

/// Words for sides and muscles in sentences.
public enum Words {
    /// `slow` for 60°/s and below, `moderate` to 180°/s, `fast` above: names people understand.
    public static func speed(_ degreesPerSecond: Double) -> String {
        degreesPerSecond <= 90 ? "slow" : degreesPerSecond <= 180 ? "moderate" : "fast"
    }

    static func side(_ side: Side?) -> String {
        side.map { Formatting.capitalized($0.rawValue) } ?? "Both-leg"
    }

    static func protocolDescription(_ key: ProtocolKey) -> String {
        var parts = ["\(key.contraction.rawValue) \(key.muscle.rawValue)"]
        if let velocity = key.velocity { parts.append("at \(Formatting.velocity(velocity))") }
        if let angle = key.angle { parts.append("at \(angle)° knee angle") }
        return parts.joined(separator: " ")
    }
}
