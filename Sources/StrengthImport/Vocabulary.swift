import StrengthModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the words people put in side, muscle, contraction and method cells.
enum Vocabulary {
    /// Lower-case letters and digits only: `Knee Extensors` → `kneeextensors`.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter(HeaderColumn.isWordScalar).map(Character.init))
    }

    /// Whether a key contains a word, compared as UTF-8 bytes. The words searched are ASCII and a key
    /// holds only letters and digits, so a byte match is a match of whole characters; `String.contains`
    /// goes through the string-processing library's generic search, about a microsecond a call.
    static func contains(_ key: String, _ word: String) -> Bool {
        var key = key
        var word = word
        return key.withUTF8 { text in
            word.withUTF8 { word in
                guard let first = word.first else { return true }
                guard word.count <= text.count else { return false }
                for start in 0...(text.count - word.count) where text[start] == first {
                    if memcmp(text.baseAddress! + start, word.baseAddress!, word.count) == 0 { return true }
                }
                return false
            }
        }
    }

    static func side(_ text: String) -> Side? {
        switch key(text) {
        case "l", "left", "lt", "lft", "leftleg", "leftside", "links", "gauche", "izquierda", "sx": .left
        case "r", "right", "rt", "rght", "rightleg", "rightside", "rechts", "droite", "derecha", "dx": .right
        default: nil
        }
    }

    /// A side cell where "both" is allowed: `.some(nil)` means both legs together.
    static func limb(_ text: String) -> Side?? {
        switch key(text) {
        case "both", "bilateral", "bilat", "b", "bl", "lr", "rl", "2", "double", "twolegs", "bothlegs": .some(nil)
        default: side(text).map { .some($0) }
        }
    }

    /// A set-type or warm-up cell: true for warm-up sets.
    /// What kind of set a gym app's set-type cell says: Strong's `W`/`D`/`F`, Hevy's `warmup`,
    /// `normal`, `failure`, `dropset`, Fitbod's `true`/`false` warm-up flag.
    enum SetKind: Equatable {
        case working
        case warmUp
        case drop
    }

    static func setKind(_ text: String) -> SetKind? {
        switch key(text) {
        case "dropset", "drop", "d", "dropsets": .drop
        default: warmUp(text).map { $0 ? .warmUp : .working }
        }
    }

    static func warmUp(_ text: String) -> Bool? {
        switch key(text) {
        case "w", "warmup", "warm", "wu", "yes", "y", "true", "1", "warmupset": true
        case "", "normal", "working", "work", "n", "no", "false", "0", "failure", "f", "dropset", "drop", "d", "amrap",
            "top", "topset", "backoff":
            false
        default: nil
        }
    }

    enum MuscleReading: Equatable {
        case knee(MuscleGroup)
        /// A real muscle or test, just not a knee extensor or flexor one.
        case otherMuscle
        case unknown
    }

    static func muscle(_ text: String) -> MuscleReading {
        let k = key(text)
        switch k {
        case "q", "quad", "quads", "quadricep", "quadriceps", "quadricepsfemoris", "ext", "extension",
            "extensor", "extensors", "kneeextension", "kneeextensor", "kneeextensors", "kneeext", "kneeextn",
            "legextension":
            return .knee(.quadriceps)
        case "h", "ham", "hams", "hamstring", "hamstrings", "flex", "flexion", "flexor", "flexors", "kneeflexion",
            "kneeflexor", "kneeflexors", "kneeflex", "kneeflexn", "legcurl", "hamstringcurl":
            return .knee(.hamstrings)
        default:
            let others = [
                "hip", "adduct", "abduct", "glute", "calf", "calves", "ankle", "plantar", "dorsi", "soleus",
                "gastroc", "shoulder", "elbow", "wrist", "grip", "trunk", "back", "neck", "groin", "bicep",
                "tricep", "chest", "pec", "lat", "rotator", "core", "squat", "press", "row", "deadlift",
            ]
            return others.contains { contains(k, $0) } ? .otherMuscle : .unknown
        }
    }

    static func contraction(_ text: String) -> Contraction? {
        switch key(text) {
        case "con", "conc", "concentric", "c", "isokineticconcentric", "concentricconcentric": .concentric
        case "ecc", "eccentric", "e", "isokineticeccentric": .eccentric
        case "iso", "isometric", "i", "static", "hold", "mvic", "mvc": .isometric
        default: nil
        }
    }

    static func method(_ text: String) -> TestMethod? {
        let k = key(text)
        if k.isEmpty { return nil }
        let table: [(TestMethod, [String])] = [
            (
                .isokinetic,
                ["isokinetic", "biodex", "humac", "cybex", "kincom", "isomed", "contrex", "con-trex", "ikd"]
            ),
            (.handHeld, ["handheld", "hhd", "microfet", "lafayette", "activforce", "kinvent", "dynamometerhand"]),
            (.nordic, ["nordic", "nordbord"]),
            (.bridgeTest, ["bridge", "slhb", "hamstringbridge"]),
            (.isometricStation, ["forceframe", "isometricstation", "fixed", "straingauge", "loadcell"]),
            (.machine1RM, ["machine", "1rm", "onerm", "legcurlmachine", "gym"]),
        ]
        for (method, words) in table where words.contains(where: { k.contains(Vocabulary.key($0)) }) {
            return method
        }
        return nil
    }

    static func sex(_ text: String) -> Sex? {
        switch key(text) {
        case "f", "female", "woman", "w", "femme", "weiblich": .female
        case "m", "male", "man", "homme", "männlich", "mannlich": .male
        default: nil
        }
    }

    /// `yes`/`no` cells; nil for blank or "unknown".
    static func yesNo(_ text: String) -> Bool?? {
        switch key(text) {
        case "y", "yes", "true", "1", "corrected", "gc", "on": .some(true)
        case "n", "no", "false", "0", "uncorrected", "off", "none": .some(false)
        case "", "unknown", "unk", "na", "u": .some(nil)
        default: nil
        }
    }
}
