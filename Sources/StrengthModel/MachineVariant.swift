/// The kind of leg-curl machine a gym set was done on. Their loads are not comparable: the lever,
/// the hip angle and the pad differ, so a ratio or a trend never mixes them.
public enum MachineVariant: String, Sendable, Hashable, Codable, CaseIterable {
    case seated
    case lying
    case standing

    /// `seated leg curl`, or `leg curl` when the name did not say.
    public static func curlName(_ variant: MachineVariant?) -> String {
        variant.map { "\($0.rawValue) leg curl" } ?? "leg curl"
    }

    /// Reads `Seated Leg Curl (Machine)`, `Lying Leg Curl`, `Prone hamstring curl`, `Standing curl`.
    public init?(exerciseName: String) {
        let name = exerciseName.lowercased()
        if name.contains("seated") || name.contains("sitting") {
            self = .seated
        } else if name.contains("lying") || name.contains("prone") {
            self = .lying
        } else if name.contains("standing") {
            self = .standing
        } else {
            return nil
        }
    }
}
