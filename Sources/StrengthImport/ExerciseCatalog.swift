/// What a gym exercise is, for the machine 1RM ratio.
public enum ExerciseKind: String, Sendable, Hashable, CaseIterable {
    case legCurl = "leg-curl"
    case legExtension = "leg-extension"
    /// Counted and skipped.
    case ignore
}

/// Maps exercise names as gym apps write them (`Seated Leg Curl (Machine)`, `Leg Extension Machine`,
/// `Lying Leg Curl (Each Side)`) to leg curl or leg extension. Users add names with `--exercise`.
enum ExerciseCatalog {
    enum Reading: Equatable {
        case exercise(ExerciseKind)
        /// A leg curl or extension done one leg at a time: its load is per leg, so it is not paired
        /// with two-leg sets.
        case singleLeg(ExerciseKind)
        /// A bodyweight hamstring exercise such as the Nordic or glute-ham raise: no load to compare.
        case bodyweight
        case other
    }

    static let curlWords = [
        "legcurl", "hamstringcurl", "hamcurl", "kneecurl", "kneeflexion", "seatedcurl", "lyingcurl",
    ]
    static let extensionWords = ["legextension", "kneeextension", "quadextension", "quadricepsextension", "legext"]
    static let singleLegWords = ["singleleg", "oneleg", "unilateral", "eachside", "eachleg", "perleg"]
    static let bodyweightWords = ["nordic", "gluteham", "ghr", "razorcurl"]

    static func classify(_ name: String, overrides: [String: ExerciseKind]) -> Reading {
        let key = Vocabulary.key(name)
        if let kind = overrides[key] { return kind == .ignore ? .other : .exercise(kind) }
        let has = { (words: [String]) in words.contains { Vocabulary.contains(key, $0) } }
        if has(bodyweightWords) { return .bodyweight }
        let kind: ExerciseKind?
        if has(curlWords) {
            kind = .legCurl
        } else if has(extensionWords) {
            kind = .legExtension
        } else {
            kind = nil
        }
        guard let kind else { return .other }
        return has(singleLegWords) ? .singleLeg(kind) : .exercise(kind)
    }

    /// `--exercise "Pin curl=leg-curl"` entries, keyed the way names are compared.
    static func overrides(_ pairs: [(name: String, kind: ExerciseKind)]) -> [String: ExerciseKind] {
        Dictionary(pairs.map { (Vocabulary.key($0.name), $0.kind) }, uniquingKeysWith: { _, last in last })
    }
}
