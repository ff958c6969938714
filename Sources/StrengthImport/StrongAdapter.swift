import StrengthModel

/// Strong (iOS and Android) workout exports in all their dialects: the classic 12-column and the
/// 2025 10-column comma files, the fully quoted semicolon file with units in the headers, the
/// Android file with a per-row `Weight Unit`, and translated headers (French).
enum StrongAdapter: LayoutAdapter {
    static let name = "strong"
    static let summary = "Strong app workout export (classic, 2025, semicolon, Android with Weight Unit, French)"

    static let wanted: [(name: String, keys: [String])] = [
        ("Date", ["date"]),
        ("Exercise Name", ["exercisename", "nomdelexercice"]),
        ("Set Order", ["setorder", "ordredelasérie", "ordredelaserie"]),
        ("Weight", ["weight", "poids", "lbs", "kgs", "kg"]),
        ("Reps", ["reps", "réps"]),
    ]

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let (found, missing) = HeaderLookup(header).score(wanted)
        // Set Order is Strong's own; without it this is some other log.
        guard HeaderLookup(header).has("setorder", "ordredelasérie", "ordredelaserie") else { return .no }
        return .from(found: found, missing: missing, sure: 90)
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        guard let date = h.column("date"), let exercise = h.column("exercisename", "nomdelexercice"),
            let setOrder = h.column("setorder", "ordredelasérie", "ordredelaserie"),
            let weight = h.column("weight", "poids", "lbs", "kgs", "kg"), let reps = h.column("reps", "réps")
        else { throw LayoutError(message: "a Strong export needs Date, Exercise Name, Set Order, Weight and Reps") }
        let unit = GymColumns.WeightUnit.find(weight: weight, in: h)
        return try GymSetExtractor(
            columns: GymColumns(
                date: date.index, exercise: exercise.index, weight: weight.index, weightUnit: unit, reps: reps.index,
                setKind: .strongSetOrder(setOrder.index)),
            header: header, context: context)
    }
}
