/// An optional number in eight bytes, where `Double?` takes nine and, in a struct, pads to sixteen: a
/// squad file holds millions of measurements with two of them each. nil is one NaN; a NaN given is
/// stored as the standard one, so no number reads back as nil.
///
/// Compares and hashes as the `Double?` it holds: −0.0 equals 0.0, NaN equals nothing.
public struct PackedOptionalDouble: Sendable, Hashable {
    private var bits: UInt64
    private static let nilBits: UInt64 = 0x7FF8_DEAD_0000_0001

    public init(_ value: Double?) {
        guard let value else {
            bits = Self.nilBits
            return
        }
        bits = value.isNaN ? Double.nan.bitPattern : value.bitPattern
    }

    public var value: Double? { bits == Self.nilBits ? nil : Double(bitPattern: bits) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
