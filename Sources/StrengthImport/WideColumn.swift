import StrengthModel

/// A wide-layout measurement header such as `Quad L 60 [ft-lb]`, `ham_right_con_180 (Nm)` or
/// `Hamstrings Left Ecc 30`: tokens for muscle, side, contraction and velocity in any order.
struct WideColumn: Equatable {
    var index: Int
    var text: String
    var muscle: MuscleGroup
    var side: Side
    var contraction: Contraction
    /// deg/s for dynamic tests.
    var velocity: Double?
    /// Knee angle for isometric tests (`Ham L Iso 90`).
    var angle: Double?
    /// nil until the header, a sibling column or `--unit` supplies one.
    var unit: MeasurementUnit?

    private static let quadricepsWords: Set<String> = [
        "q", "quad", "quads", "quadricep", "quadriceps", "ext", "extension", "extensor", "extensors", "kneeext",
    ]
    private static let hamstringWords: Set<String> = [
        "h", "ham", "hams", "hamstring", "hamstrings", "flex", "flexion", "flexor", "flexors", "kneeflex",
    ]
    private static let fillerWords: Set<String> = [
        "knee", "peak", "torque", "pt", "force", "max", "value", "deg", "degs", "dps", "s", "d", "sec", "per",
        "velocity", "speed", "at", "best", "mvc", "mvic", "degree", "degrees", "o",
    ]

    init?(_ column: HeaderColumn) {
        var muscle: MuscleGroup?
        var side: Side?
        var contraction: Contraction?
        var number: Double?
        var unit = column.unit
        for (position, token) in column.tokens.enumerated() {
            if WideColumn.quadricepsWords.contains(token) {
                guard muscle == nil else { return nil }
                muscle = .quadriceps
            } else if WideColumn.hamstringWords.contains(token) {
                guard muscle == nil else { return nil }
                muscle = .hamstrings
            } else if let limb = WideColumn.side(token) {
                guard side == nil else { return nil }
                side = limb
            } else if let mode = WideColumn.contraction(token) {
                guard contraction == nil else { return nil }
                contraction = mode
            } else if let value = Double(token), token.allSatisfy(\.isNumber) {
                guard number == nil, value <= 1000 else { return nil }
                number = value
            } else if position == column.tokens.count - 1, let trailing = MeasurementUnit(spelling: token) {
                unit = unit ?? trailing
            } else if !WideColumn.fillerWords.contains(token) {
                return nil
            }
        }
        guard let muscle, let side else { return nil }
        self.index = column.index
        self.text = column.text
        self.muscle = muscle
        self.side = side
        let mode = contraction ?? (number == 0 ? .isometric : .concentric)
        self.contraction = mode
        if mode == .isometric {
            velocity = nil
            angle = number == 0 ? nil : number
        } else {
            velocity = number
            angle = nil
        }
        self.unit = unit
    }

    private static func side(_ token: String) -> Side? {
        switch token {
        case "l", "left", "lt": .left
        case "r", "right", "rt": .right
        default: nil
        }
    }

    private static func contraction(_ token: String) -> Contraction? {
        switch token {
        case "con", "conc", "concentric": .concentric
        case "ecc", "eccentric": .eccentric
        case "iso", "isom", "isometric": .isometric
        default: nil
        }
    }
}
