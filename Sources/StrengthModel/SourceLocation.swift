/// Where a measurement came from, so every number in a report can be traced to a line of a file.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    /// 1-based physical line of the file where the record starts.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
