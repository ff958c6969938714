/// The kind of equipment that produced a measurement; ratios only pair like with like.
public enum TestMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case isokinetic
    case handHeld = "hand-held"
    case nordic
    case machine1RM = "machine-1rm"
    case isometricStation = "isometric-station"
    case unspecified
}
