/// Remembers how a handful of distinct cell texts were read, so a column such as side or
/// muscle costs one byte comparison per row instead of a `String` and a lookup.
struct SmallCache<Value> {
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    private let capacity: Int

    init(capacity: Int = 32) { self.capacity = capacity }

    mutating func value(for field: UnsafeRawBufferPointer, compute: (String) -> Value) -> Value {
        for i in keys.indices where field.elementsEqual(keys[i]) { return values[i] }
        let value = compute(String(decoding: field, as: UTF8.self))
        if keys.count < capacity {
            keys.append(Array(field))
            values.append(value)
        }
        return value
    }
}

/// Keeps the last text seen in a column, for ids that repeat on consecutive rows.
struct LastStringCache {
    private var lastBytes: [UInt8] = []
    private var lastString: String?

    /// nil when the bytes are not valid UTF-8.
    mutating func string(for field: UnsafeRawBufferPointer) -> String? {
        if let lastString, field.elementsEqual(lastBytes) { return lastString }
        guard let text = field.validatedString else { return nil }
        lastBytes = Array(field)
        lastString = text
        return text
    }
}
