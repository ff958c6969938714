/// Which columns an extractor reads and as what, so `check` can name every column it uses and
/// every column it ignores: nothing in a file vanishes without a word.
struct ColumnUses {
    private(set) var byIndex: [Int: String] = [:]

    /// Records `role` for a 0-based column; the first role given to a column stays.
    mutating func add(_ index: Int?, _ role: String) {
        guard let index, byIndex[index] == nil else { return }
        byIndex[index] = role
    }

    mutating func merge(_ other: ColumnUses) {
        for (index, role) in other.byIndex { add(index, role) }
    }
}

extension SessionColumns {
    var columnUses: ColumnUses {
        var uses = ColumnUses()
        uses.add(athlete, "athlete")
        uses.add(name, "name")
        uses.add(date, "test date")
        uses.add(sex, "sex")
        uses.add(age, "age")
        uses.add(bodyMass?.index, "body mass (\(bodyMass?.unit.rawValue ?? "kg"))")
        uses.add(sport, "sport")
        uses.add(involvedSide, "involved side")
        uses.add(aclReconstruction, "ACL reconstruction")
        uses.add(gravityCorrected, "gravity corrected")
        uses.add(method, "test method")
        return uses
    }
}

extension SideForceColumns {
    static func uses(_ columns: [SideForceColumns], muscle: String) -> ColumnUses {
        var uses = ColumnUses()
        for column in columns {
            uses.add(column.force, "\(muscle) force, \(column.side.rawValue) (N)")
            uses.add(column.reps, "\(muscle) repetitions, \(column.side.rawValue)")
        }
        return uses
    }
}
