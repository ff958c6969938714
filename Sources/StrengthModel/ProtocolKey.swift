/// The protocol a measurement was taken with: only measurements with equal keys are compared (the
/// analysis pairs and peaks them), and trials of one session with equal keys fold at import.
public struct ProtocolKey: Hashable, Comparable, Sendable {
    public var side: Side?
    public var muscle: MuscleGroup
    public var contraction: Contraction
    /// Velocity in tenths of a degree per second, so 60 and 60.0 pair.
    public var velocityTenths: Int?
    /// Whole degrees of knee angle, for isometric tests.
    public var angle: Int?
    public var method: TestMethod
    public var dimension: PhysicalDimension
    public var position: BodyPosition?

    public init(_ m: Measurement) {
        side = m.side
        muscle = m.muscle
        contraction = m.contraction
        velocityTenths = m.velocity.map { Int(saturating: ($0 * 10).rounded()) }
        angle = m.angle.map { Int(saturating: $0.rounded()) }
        method = m.method
        dimension = m.value.dimension
        position = m.position
    }

    public var velocity: Double? { velocityTenths.map { Double($0) / 10 } }

    /// The same protocol for another muscle, side or contraction.
    public func with(
        side: Side?? = nil, muscle: MuscleGroup? = nil, contraction: Contraction? = nil, velocity: Double?? = nil
    ) -> ProtocolKey {
        var key = self
        if let side { key.side = side }
        if let muscle { key.muscle = muscle }
        if let contraction { key.contraction = contraction }
        if let velocity { key.velocityTenths = velocity.map { Int(saturating: ($0 * 10).rounded()) } }
        return key
    }

    /// The readable order's main part (velocity, angle, then side, muscle, contraction and dimension):
    /// keys of equal rank are ordered by method and position. Worked out once per key by callers that
    /// sort many.
    public var rank: (Int, Int, Int) {
        let sideRank = side.map { $0 == .left ? 1 : 2 } ?? 0
        let muscleRank = muscle == .quadriceps ? 0 : 1
        let contractionRank = contraction == .concentric ? 0 : contraction == .eccentric ? 1 : 2
        let kinds = sideRank * 1000 + muscleRank * 100 + contractionRank * 10 + (dimension == .torque ? 0 : 1)
        return (velocityTenths ?? -1, angle ?? -1, kinds)
    }

    /// Method and position break ties only: building their string for every comparison was a hot path.
    public static func < (lhs: ProtocolKey, rhs: ProtocolKey) -> Bool {
        let l = lhs.rank
        let r = rhs.rank
        if l != r { return l < r }
        return lhs.method.rawValue + (lhs.position?.rawValue ?? "") < rhs.method.rawValue
            + (rhs.position?.rawValue ?? "")
    }
}
