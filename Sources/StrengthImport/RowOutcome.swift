/// What became of one data row. Every row gets exactly one, which keeps the accounting exact.
enum RowOutcome: Equatable {
    case imported
    /// Valid, but not a knee strength test; counted and summarised, not an error.
    case skipped(reason: String)
    /// Could not be read; `column` is 1-based.
    case rejected(column: Int?, reason: String)
}
