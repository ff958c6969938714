/// A strength value held in the SI unit of its dimension.
public struct Quantity: Sendable, Hashable, Codable {
    // The number first: a measurement's one-byte fields then follow the dimension's byte, where the
    // other order left seven bytes of padding between them.
    /// Newton metres, newtons or kilograms, depending on `dimension`.
    public var si: Double
    public var dimension: PhysicalDimension

    public init(dimension: PhysicalDimension, si: Double) {
        self.dimension = dimension
        self.si = si
    }

    public init(_ value: Double, _ unit: MeasurementUnit) {
        self.init(dimension: unit.dimension, si: value * unit.toSI)
    }
}
