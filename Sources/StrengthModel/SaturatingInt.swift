extension Int {
    /// A total conversion for display and bucketing: NaN becomes 0 and values beyond `Int`'s range
    /// stop at its ends, where `Int(_: Double)` would trap and end the program.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
