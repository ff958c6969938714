/// The two knee muscle groups HQScreen compares.
public enum MuscleGroup: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Knee extensors.
    case quadriceps
    /// Knee flexors.
    case hamstrings

    public static func < (lhs: MuscleGroup, rhs: MuscleGroup) -> Bool {
        lhs == .quadriceps && rhs == .hamstrings
    }
}
