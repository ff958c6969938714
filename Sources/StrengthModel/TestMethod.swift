/// The kind of equipment that produced a measurement; ratios only pair like with like.
public enum TestMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case isokinetic
    case handHeld = "hand-held"
    case nordic
    case machine1RM = "machine-1rm"
    case isometricStation = "isometric-station"
    /// Single-leg hamstring bridge, heel on a box: repetitions to failure.
    case bridgeTest = "single-leg-bridge"
    case unspecified
}
