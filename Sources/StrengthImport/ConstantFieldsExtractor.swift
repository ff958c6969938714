/// Gives every record the mapping file's constant columns (`constant contraction isometric`), so
/// the adapters read them like any other column.
struct ConstantFieldsExtractor: RowExtractor {
    var inner: any RowExtractor
    /// Fields the file's own header has; constants come after them.
    let fileColumns: Int
    let constants: [[UInt8]]
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init(inner: any RowExtractor, fileColumns: Int, constants: [String]) {
        self.inner = inner
        self.fileColumns = fileColumns
        self.constants = constants.map { Array($0.utf8) }
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        // The constants must land in their own columns, so the row must have the file's width.
        if record.count < fileColumns {
            return .rejected(column: nil, reason: "row has \(record.count) fields, the header has \(fileColumns)")
        }
        if let extra = (fileColumns..<record.count).first(where: { !record[$0].trimmed.isEmpty }) {
            return .rejected(
                column: extra + 1,
                reason:
                    "row has \(record.count) fields, the header has \(fileColumns) (is there an unquoted delimiter inside a value?)"
            )
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for i in 0..<fileColumns {
            bytes.append(contentsOf: record[i])
            ends.append(bytes.count)
        }
        for value in constants {
            bytes.append(contentsOf: value)
            ends.append(bytes.count)
        }
        var inner = self.inner
        let outcome = bytes.withUnsafeBytes { raw in
            ends.withUnsafeBufferPointer { endBuffer in
                inner.extract(
                    CSVRecord(line: record.line, bytes: raw, ends: endBuffer, firstField: 0, count: ends.count),
                    into: &sink)
            }
        }
        self.inner = inner
        return outcome
    }

    mutating func finish(into sink: inout FileCollector) { inner.finish(into: &sink) }

    /// The constants are not columns of the file.
    var columnUses: ColumnUses {
        var uses = ColumnUses()
        for (index, role) in inner.columnUses.byIndex where index < fileColumns { uses.add(index, role) }
        return uses
    }
}
