/// Traffic-light band of a finding. None of them is a diagnosis or an injury prediction.
public enum Band: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Within the commonly used range.
    case green
    /// Below the common target: a training target; retest.
    case amber
    /// Beyond a published cut-off: prioritise, and consider a professional review.
    case red
    /// A reference is shown, but no validated cut-off exists for this protocol.
    case info

    /// Severity order for sorting a team: red first.
    public var severity: Int {
        switch self {
        case .red: 3
        case .amber: 2
        case .green: 1
        case .info: 0
        }
    }

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.severity < rhs.severity }
}
