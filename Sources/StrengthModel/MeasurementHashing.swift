/// Hashing a measurement as seven numbers rather than field by field: its eight enums have String raw
/// values, and the synthesized hash hashed each one's string, while the early rows of a squad report
/// hash every test twice (a tenth of a second of a 100 MB report).
///
/// Every stored field goes in; `MeasurementHashingTests` counts them so a new field cannot be missed.
extension Measurement {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(athleteNumber)
        hasher.combine(dateAndKinds)
        hasher.combine(detailsAndFlags)
        hasher.combine(HashingBits.bits(velocity))
        hasher.combine(HashingBits.bits(angle))
        hasher.combine(HashingBits.bits(value.si))
        hasher.combine(UInt64(source.fileNumber) << 32 ^ UInt64(truncatingIfNeeded: source.line))
    }

    /// The date and five case-valued fields, a byte each.
    private var dateAndKinds: UInt64 {
        var packed = UInt64(date.year) << 16 | UInt64(date.month) << 8 | UInt64(date.day)
        packed = packed << 8 | HashingBits.caseByte(side)
        packed = packed << 8 | HashingBits.caseByte(muscle)
        packed = packed << 8 | HashingBits.caseByte(contraction)
        packed = packed << 8 | HashingBits.caseByte(sourceUnit)
        return packed << 8 | HashingBits.caseByte(method)
    }

    /// The remaining case-valued fields, the flags and the repetitions.
    private var detailsAndFlags: UInt64 {
        var packed = HashingBits.caseByte(value.dimension)
        packed = packed << 8 | HashingBits.caseByte(gravityCorrected)
        packed = packed << 8 | HashingBits.caseByte(machine)
        packed = packed << 8 | HashingBits.caseByte(position)
        packed = packed << 8 | (isWarmUp ? 1 : 0) | (isDropSet ? 2 : 0) | (fromTrainingLog ? 4 : 0)
        return packed << 24 | (repetitions.map { UInt64($0) } ?? 1 << 16)
    }
}
