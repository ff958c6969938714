import StrengthModel

/// What became of one data row. Every row gets exactly one, which keeps the accounting exact.
enum RowOutcome: Equatable {
    case imported
    /// Valid, but not a knee strength test; counted and summarised, not an error.
    case skipped(reason: String)
    /// Could not be read; `column` is 1-based.
    case rejected(column: Int?, reason: String)
}

/// A measurement whose date still depends on the column's day/month order.
struct PendingMeasurement {
    var athlete: String
    var date: DateCell
    var side: Side
    var muscle: MuscleGroup
    var contraction: Contraction
    var velocity: Double?
    var angle: Double?
    var value: Double
    var unit: MeasurementUnit
    var method: TestMethod
    var gravityCorrected: Bool?
    var line: Int
}
