/// How the athlete was positioned: the same angle tested seated and prone is a different protocol.
public enum BodyPosition: String, Sendable, Hashable, Codable, CaseIterable {
    case seated
    case prone
    case supine
    case standing
    case kneeling

    /// Reads `Seated`, `sitting`, `Prone (lying face down)`, `supine`, `standing`, `kneeling`.
    public init?(text: String) {
        let key = String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        if key.hasPrefix("seat") || key.hasPrefix("sit") {
            self = .seated
        } else if key.hasPrefix("prone") || key.contains("facedown") {
            self = .prone
        } else if key.hasPrefix("supine") || key.contains("faceup") {
            self = .supine
        } else if key.hasPrefix("stand") {
            self = .standing
        } else if key.hasPrefix("kneel") {
            self = .kneeling
        } else {
            return nil
        }
    }
}
