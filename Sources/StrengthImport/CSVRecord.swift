/// One parsed CSV record. It borrows the reader's buffers: use it only inside the handler that
/// receives it, and copy out what you keep.
struct CSVRecord {
    /// 1-based physical line where the record starts.
    let line: Int
    let count: Int
    fileprivate let bytes: UnsafeRawBufferPointer
    fileprivate let ends: UnsafeBufferPointer<Int>
    fileprivate let firstField: Int

    init(line: Int, bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, firstField: Int, count: Int) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
        self.firstField = firstField
        self.count = count
    }

    /// The bytes of field `index` (0-based); empty past the end of the record.
    subscript(index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let f = firstField + index
        let start = f == 0 ? 0 : ends[f - 1]
        return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[f]])
    }

    func string(_ index: Int) -> String? { self[index].validatedString }

    /// All fields as text, invalid UTF-8 replaced; for headers and messages, not the hot path.
    var strings: [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }
}
