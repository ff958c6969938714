/// Compares a record's field count with its header; libcsv leaves that to us.
struct FieldCountCheck {
    /// Header columns up to the last one with a name; empty trailing header cells are padding.
    let headerCount: Int
    /// The highest column index a row must reach.
    let requiredCount: Int

    init(header: [HeaderColumn], usedColumns: [Int]) {
        let named = header.lastIndex { !$0.text.trimmingSpaces.isEmpty }.map { $0 + 1 } ?? 0
        headerCount = named
        requiredCount = (usedColumns.max() ?? -1) + 1
    }

    func check(_ record: CSVRecord, allowExtraFields: Bool = false) -> RowRejection? {
        if record.count < requiredCount {
            return RowRejection(
                column: nil,
                "row has \(record.count) field\(record.count == 1 ? "" : "s"), the header has \(headerCount)")
        }
        if record.count > headerCount && !allowExtraFields {
            for extra in headerCount..<record.count where !record[extra].trimmed.isEmpty {
                return RowRejection(
                    column: extra,
                    "row has \(record.count) fields, the header has \(headerCount) "
                        + "(is there an unquoted delimiter inside a value?)")
            }
        }
        return nil
    }
}
