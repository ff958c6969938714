/// The numbers a value hashes by when the synthesized hash would be slow: an enum with String raw
/// values hashes its string, where its case's number says the same.
public enum HashingBits {
    /// A case-only enum (or an optional of one) is stored as a single byte: its case's number, nil
    /// one past the last. Reading that byte is what hashing by position needs, without a switch per
    /// enum to keep in step with its cases.
    public static func caseByte<Value>(_ value: Value) -> UInt64 {
        withUnsafeBytes(of: value) { bytes in
            precondition(bytes.count == 1, "\(Value.self) is not stored as one byte")
            return UInt64(bytes[0])
        }
    }

    /// -0.0 equals 0.0, so both hash alike; nil differs from every number.
    public static func bits(_ value: Double?) -> UInt64 {
        guard let value else { return 0x7FF8_DEAD_0000_0001 }
        return value == 0 ? 0 : value.bitPattern
    }
}
