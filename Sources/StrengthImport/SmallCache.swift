/// Remembers how a handful of distinct cell texts were read, so a column such as side or
/// muscle costs one byte comparison per row instead of a `String` and a lookup.
struct SmallCache<Value> {
    // Keys live back to back in one buffer: no per-key array to retain on the hot path.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private var values: [Value] = []
    private let capacity: Int

    init(capacity: Int = 32) { self.capacity = capacity }

    mutating func value(for field: UnsafeRawBufferPointer, compute: (String) -> Value) -> Value {
        let hit: Int? = keyBytes.withUnsafeBytes { all in
            var start = 0
            for (i, end) in keyEnds.enumerated() {
                defer { start = end }
                guard end - start == field.count else { continue }
                var same = true
                for k in 0..<field.count where all[start + k] != field[k] {
                    same = false
                    break
                }
                if same { return i }
            }
            return nil
        }
        if let hit { return values[hit] }
        let value = compute(String(decoding: field, as: UTF8.self))
        if keyEnds.count < capacity {
            keyBytes.append(contentsOf: field)
            keyEnds.append(keyBytes.count)
            values.append(value)
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
