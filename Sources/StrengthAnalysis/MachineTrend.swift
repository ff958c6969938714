import StrengthModel

/// What a machine ratio's trend must say: a change of machine starts a new line, and a 1RM that
/// jumps by more than 30% between neighbouring windows is more often a logging slip than training.
enum MachineTrend {
    static let plausibleJump = 0.30

    static func caveats(_ finding: Finding, earlier: (date: TestDate, finding: Finding)) -> [String] {
        let old = earlier.finding
        if let now = finding.exercise, let before = old.exercise, now != before {
            return [
                "The leg curl machine changed from the \(before) (last on \(earlier.date)) to the \(now): a new trend "
                    + "line starts here, because the loads of two machines are not comparable."
            ]
        }
        var caveats: [String] = []
        for (index, name) in [(0, finding.exercise ?? "leg curl"), (1, "leg extension")] {
            guard index < finding.inputs.count, index < old.inputs.count, old.inputs[index].value > 0 else { continue }
            let change = finding.inputs[index].value / old.inputs[index].value - 1
            guard abs(change) > plausibleJump else { continue }
            caveats.append(
                "The \(name) 1RM \(change > 0 ? "rose" : "fell") \(Formatting.fixed(abs(change) * 100, digits: 0))% since "
                    + "\(earlier.date) (\(Formatting.fixed(old.inputs[index].value, digits: 1)) → "
                    + "\(Formatting.fixed(finding.inputs[index].value, digits: 1)) kg): more than training changes in a few "
                    + "weeks. Check for weights in the wrong unit, an exercise mapped to the wrong kind, or a drop set "
                    + "logged as a working set.")
        }
        return caveats
    }
}
