/// A strength value held in the SI unit of its dimension.
public struct Quantity: Sendable, Hashable, Codable {
    public var dimension: PhysicalDimension
    /// Newton metres, newtons or kilograms, depending on `dimension`.
    public var si: Double

    public init(dimension: PhysicalDimension, si: Double) {
        self.dimension = dimension
        self.si = si
    }

    public init(_ value: Double, _ unit: MeasurementUnit) {
        self.init(dimension: unit.dimension, si: value * unit.toSI)
    }
}
