/// How the muscle worked during the test.
public enum Contraction: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case concentric
    case eccentric
    case isometric

    private var order: Int {
        switch self {
        case .concentric: 0
        case .eccentric: 1
        case .isometric: 2
        }
    }

    public static func < (lhs: Contraction, rhs: Contraction) -> Bool { lhs.order < rhs.order }
}
