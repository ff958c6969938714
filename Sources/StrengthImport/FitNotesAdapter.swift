import StrengthModel

/// FitNotes (Android) exports, newer (`Weight`, `Weight Unit`) and older (`Weight (kgs)`) forms.
/// FitNotes does not quote fields, so a comma inside an exercise name pushes the row one field
/// right; such rows are read from the right.
enum FitNotesAdapter: LayoutAdapter {
    static let name = "fitnotes"
    static let summary = "FitNotes workout export (Weight Unit column or unit in the header; unquoted names)"

    static let wanted: [(name: String, keys: [String])] = [
        ("Date", ["date"]), ("Exercise", ["exercise"]), ("Category", ["category"]), ("Weight", ["weight"]),
        ("Reps", ["reps"]),
    ]

    static func identify(_ header: [HeaderColumn]) -> Identification {
        guard HeaderLookup(header).has("category"), HeaderLookup(header).has("exercise") else { return .no }
        let (found, missing) = HeaderLookup(header).score(wanted)
        return .from(found: found, missing: missing, sure: 85)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let date = h.column("date"), let exercise = h.column("exercise"), let weight = h.column("weight"),
            let reps = h.column("reps")
        else { throw LayoutError(message: "a FitNotes export needs Date, Exercise, Weight and Reps") }
        let unit = GymColumns.WeightUnit.find(weight: weight, in: h)
        return try GymSetExtractor(
            columns: GymColumns(
                date: date.index, exercise: exercise.index, weight: weight.index, weightUnit: unit, reps: reps.index,
                nameMaySpillRight: true),
            header: header, context: context)
    }
}
