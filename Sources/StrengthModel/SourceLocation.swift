/// Where a value came from, so every number in a report can be traced to a line of a file.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    /// 1-based physical line of the file where the record starts.
    public var line: Int
    /// 1-based field position, when one field is responsible.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}
