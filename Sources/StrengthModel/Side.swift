/// The limb a measurement was taken on.
public enum Side: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case left
    case right

    public var opposite: Side { self == .left ? .right : .left }

    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .left && rhs == .right }
}
