/// Hashing a key by its cases' positions rather than their names: the enums have String raw values,
/// so the synthesized hash hashed up to six strings per lookup, and lookups by protocol are the
/// analysis' and the import's most frequent operation.
extension ProtocolKey {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(velocityTenths ?? .min)
        hasher.combine(angle ?? .min)
        hasher.combine(kinds)
    }

    // Field by field, the likeliest difference first: packing both keys for every comparison cost more
    // than the comparison (a session's peaks are found by linear search).
    public static func == (lhs: ProtocolKey, rhs: ProtocolKey) -> Bool {
        lhs.muscle == rhs.muscle && lhs.velocityTenths == rhs.velocityTenths && lhs.side == rhs.side
            && lhs.contraction == rhs.contraction && lhs.angle == rhs.angle && lhs.method == rhs.method
            && lhs.dimension == rhs.dimension && lhs.position == rhs.position
    }

    /// The key as three numbers, equal exactly when the keys are: a session's few keys are searched
    /// linearly dozens of times, and comparing three numbers beats comparing eight optional fields.
    public struct Exact: Equatable, Sendable {
        let velocityTenths: Int
        let angle: Int
        let kinds: UInt32
        let stated: UInt8
    }

    public var exact: Exact {
        Exact(
            velocityTenths: velocityTenths ?? 0, angle: angle ?? 0, kinds: kinds,
            stated: (velocityTenths == nil ? 0 : 1) | (angle == nil ? 0 : 2))
    }

    /// Every case-valued field in one number, four bits each; 15 stands for "not stated".
    private var kinds: UInt32 {
        var packed = UInt32(side.map { $0 == .left ? 0 : 1 } ?? 15)
        packed = packed << 4 | (muscle == .quadriceps ? 0 : 1)
        packed = packed << 4 | Self.ordinal(contraction)
        packed = packed << 4 | Self.ordinal(method)
        packed = packed << 4 | Self.ordinal(dimension)
        return packed << 4 | (position.map(Self.ordinal) ?? 15)
    }

    private static func ordinal(_ contraction: Contraction) -> UInt32 {
        switch contraction {
        case .concentric: 0
        case .eccentric: 1
        case .isometric: 2
        }
    }

    private static func ordinal(_ method: TestMethod) -> UInt32 {
        switch method {
        case .isokinetic: 0
        case .handHeld: 1
        case .nordic: 2
        case .machine1RM: 3
        case .isometricStation: 4
        case .bridgeTest: 5
        case .unspecified: 6
        }
    }

    private static func ordinal(_ dimension: PhysicalDimension) -> UInt32 {
        switch dimension {
        case .torque: 0
        case .force: 1
        case .mass: 2
        case .count: 3
        }
    }

    private static func ordinal(_ position: BodyPosition) -> UInt32 {
        switch position {
        case .seated: 0
        case .prone: 1
        case .supine: 2
        case .standing: 3
        case .kneeling: 4
        }
    }
}
