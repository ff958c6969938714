/// Where a measurement came from, so every number in a report can be traced to a line of a file.
///
/// The file is held as a number into `SourceFiles`: every measurement of a file shares its name,
/// and copying a measurement used to retain that one string from every core at once.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file's number in `SourceFiles`; equal numbers are equal names.
    public private(set) var fileNumber: UInt32
    /// 1-based physical line of the file where the record starts.
    public var line: Int

    public var file: String {
        get { SourceFiles.name(fileNumber) }
        set { fileNumber = SourceFiles.number(newValue) }
    }

    public init(file: String, line: Int) {
        fileNumber = SourceFiles.number(file)
        self.line = line
    }

    /// For a file already numbered: no look-up per row.
    public init(fileNumber: UInt32, line: Int) {
        self.fileNumber = fileNumber
        self.line = line
    }

    private enum CodingKeys: String, CodingKey {
        case file, line
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
    }
}
