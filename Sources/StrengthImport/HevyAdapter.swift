import StrengthModel

/// Hevy workout exports: `weight_kg`, or `weight_lbs` from imperial accounts; `set_type` marks
/// warm-ups.
enum HevyAdapter: LayoutAdapter {
    static let name = "hevy"
    static let summary = "Hevy workout export (weight_kg or weight_lbs, set_type)"

    static let wanted: [(name: String, keys: [String])] = [
        ("start_time", ["starttime"]), ("exercise_title", ["exercisetitle"]), ("set_type", ["settype"]),
        ("weight_kg or weight_lbs", ["weightkg", "weightlbs"]), ("reps", ["reps"]),
    ]

    static func identify(_ header: [HeaderColumn]) -> Identification {
        guard HeaderLookup(header).has("exercisetitle") else { return .no }
        let (found, missing) = HeaderLookup(header).score(wanted)
        return .from(found: found, missing: missing, sure: 90)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let date = h.column("starttime"), let exercise = h.column("exercisetitle"),
            let setType = h.column("settype"), let weight = h.column("weightkg", "weightlbs"),
            let reps = h.column("reps")
        else { throw LayoutError(message: "a Hevy export needs start_time, exercise_title, set_type, weight and reps") }
        return try GymSetExtractor(
            columns: GymColumns(
                date: date.index, exercise: exercise.index, weight: weight.index,
                weightUnit: .fixed(weight.key == "weightlbs" ? .pound : .kilogram), reps: reps.index,
                setKind: .setType(setType.index)),
            header: header, context: context)
    }
}
