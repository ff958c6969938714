/// Remembers how a handful of distinct cell texts were read, so a column such as side or
/// muscle costs one byte comparison per row instead of a `String` and a lookup.
struct SmallCache<Value> {
    // Cells of up to 7 bytes (L, R, Q, con, 60…) are packed into one integer with their length, so a
    // lookup is a few integer compares; longer cells are compared byte by byte.
    private var shortKeys: [UInt64] = []
    private var shortValues: [Value] = []
    private var longKeys: [[UInt8]] = []
    private var longValues: [Value] = []
    private let capacity: Int

    init(capacity: Int = 32) { self.capacity = capacity }

    /// The bytes with their length in the top byte; nil for cells over 7 bytes.
    @inline(__always)
    private static func pack(_ field: UnsafeRawBufferPointer) -> UInt64? {
        guard field.count <= 7 else { return nil }
        var packed = UInt64(field.count) << 56
        for i in 0..<field.count { packed |= UInt64(field[i]) << (8 * UInt64(i)) }
        return packed
    }

    mutating func value(for field: UnsafeRawBufferPointer, compute: (String) -> Value) -> Value {
        if let packed = Self.pack(field) {
            if let i = shortKeys.firstIndex(of: packed) { return shortValues[i] }
            let value = compute(String(decoding: field, as: UTF8.self))
            if shortKeys.count < capacity {
                shortKeys.append(packed)
                shortValues.append(value)
            }
            return value
        }
        for i in longKeys.indices where field.elementsEqual(longKeys[i]) { return longValues[i] }
        let value = compute(String(decoding: field, as: UTF8.self))
        if longKeys.count < capacity {
            longKeys.append(Array(field))
            longValues.append(value)
        }
        return value
    }
}

/// Keeps the last text seen in a column, for ids that repeat on consecutive rows.
struct LastStringCache {
    private var lastBytes: [UInt8] = []
    private var lastString: String?

    /// nil when the bytes are not valid UTF-8; `isNew` when they differ from the previous call's.
    mutating func string(for field: UnsafeRawBufferPointer) -> (text: String, isNew: Bool)? {
        if let lastString, field.elementsEqual(lastBytes) { return (lastString, false) }
        guard let text = field.validatedString else { return nil }
        lastBytes = Array(field)
        lastString = text
        return (text, true)
    }
}
