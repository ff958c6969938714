/// A problem in a profile file, with the line and the key path it concerns.
public struct ProfileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Dotted path such as `conventional[1].green`; empty for the document itself.
    public var key: String
    public var message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `profile.yaml:12: conventional[1].green: must be a number`
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
    }
}
