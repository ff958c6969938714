import StrengthModel

/// Fitbod exports: weight always in kg, `isWarmup` flags, `multiplier` for dumbbell pairs.
enum FitbodAdapter: LayoutAdapter {
    static let name = "fitbod"
    static let summary = "Fitbod workout export (Weight(kg), isWarmup, multiplier)"

    static let wanted: [(name: String, keys: [String])] = [
        ("Date", ["date"]), ("Exercise", ["exercise"]), ("Reps", ["reps"]), ("Weight(kg)", ["weight"]),
        ("isWarmup", ["iswarmup"]), ("multiplier", ["multiplier"]),
    ]

    static func identify(_ header: [HeaderColumn]) -> Identification {
        guard HeaderLookup(header).has("iswarmup"), HeaderLookup(header).has("exercise") else { return .no }
        let (found, missing) = HeaderLookup(header).score(wanted)
        return .from(found: found, missing: missing, sure: 90)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let date = h.column("date"), let exercise = h.column("exercise"), let weight = h.column("weight"),
            let reps = h.column("reps"), let warmUp = h.column("iswarmup")
        else { throw LayoutError(message: "a Fitbod export needs Date, Exercise, Reps, Weight(kg) and isWarmup") }
        return try GymSetExtractor(
            columns: GymColumns(
                date: date.index, exercise: exercise.index, weight: weight.index,
                weightUnit: .fixed(weight.unit ?? .kilogram), reps: reps.index, setKind: .warmUpFlag(warmUp.index),
                multiplier: h.column("multiplier")?.index),
            header: header, context: context)
    }
}
