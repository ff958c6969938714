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
        hasher.combine(Self.bits(velocity))
        hasher.combine(Self.bits(angle))
        hasher.combine(Self.bits(value.si))
        hasher.combine(UInt64(source.fileNumber) << 32 ^ UInt64(truncatingIfNeeded: source.line))
    }

    /// The date and five case-valued fields, a byte each.
    private var dateAndKinds: UInt64 {
        var packed = UInt64(date.year) << 16 | UInt64(date.month) << 8 | UInt64(date.day)
        packed = packed << 8 | Self.caseByte(side)
        packed = packed << 8 | Self.caseByte(muscle)
        packed = packed << 8 | Self.caseByte(contraction)
        packed = packed << 8 | Self.caseByte(sourceUnit)
        return packed << 8 | Self.caseByte(method)
    }

    /// The remaining case-valued fields, the flags and the repetitions.
    private var detailsAndFlags: UInt64 {
        var packed = Self.caseByte(value.dimension)
        packed = packed << 8 | Self.caseByte(gravityCorrected)
        packed = packed << 8 | Self.caseByte(machine)
        packed = packed << 8 | Self.caseByte(position)
        packed = packed << 8 | (isWarmUp ? 1 : 0) | (isDropSet ? 2 : 0) | (fromTrainingLog ? 4 : 0)
        return packed << 24 | (repetitions.map { UInt64($0) } ?? 1 << 16)
    }

    /// A case-only enum (or an optional of one) is stored as a single byte: its case's number, nil
    /// one past the last. Reading that byte is what hashing by position needs, without a switch per
    /// enum to keep in step with its cases.
    private static func caseByte<Value>(_ value: Value) -> UInt64 {
        withUnsafeBytes(of: value) { bytes in
            precondition(bytes.count == 1, "\(Value.self) is not stored as one byte")
            return UInt64(bytes[0])
        }
    }

    /// -0.0 equals 0.0, so both hash alike; nil differs from every number.
    private static func bits(_ value: Double?) -> UInt64 {
        guard let value else { return 0x7FF8_DEAD_0000_0001 }
        return value == 0 ? 0 : value.bitPattern
    }
}
