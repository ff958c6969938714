import StrengthModel

/// Athlete details read from a row, before the date column's order is known.
struct SessionDraft {
    var athlete: String
    var date: DateCell
    var name: String?
    var sex: Sex?
    var age: Int?
    var bodyMassKg: Double?
    var sport: String?
    var involvedSide: Side?
    var aclReconstruction: Bool?
    var line: Int

    struct Key: Hashable {
        var athlete: String
        var date: DateCell
    }

    var key: Key { Key(athlete: athlete, date: date) }

    /// Drafts of the same athlete-session merged into the first, in order of first appearance;
    /// `conflict` hears of each later draft that disagrees (the draft, the merged one it joined, and
    /// the fields that differ).
    static func merged(
        _ drafts: [SessionDraft], conflict: (_ draft: SessionDraft, _ into: SessionDraft, _ fields: [String]) -> Void
    ) -> [SessionDraft] {
        var index: [Key: Int] = [:]
        index.reserveCapacity(drafts.count)
        var merged: [SessionDraft] = []
        for draft in drafts {
            // One hash for the usual new session; a repeated one puts its first place back.
            let key = draft.key
            guard let at = index.updateValue(merged.count, forKey: key) else {
                merged.append(draft)
                continue
            }
            index[key] = at
            let conflicts = merged[at].merge(draft)
            if !conflicts.isEmpty { conflict(draft, merged[at], conflicts) }
        }
        return merged
    }

    /// Fills gaps from a later row; returns the fields whose values disagree.
    mutating func merge(_ other: SessionDraft) -> [String] {
        var conflicts: [String] = []
        func take<T: Equatable>(_ mine: inout T?, _ theirs: T?, _ label: String) {
            guard let theirs else { return }
            if let current = mine {
                if current != theirs { conflicts.append(label) }
            } else {
                mine = theirs
            }
        }
        take(&name, other.name, "name")
        take(&sex, other.sex, "sex")
        take(&age, other.age, "age")
        take(&bodyMassKg, other.bodyMassKg, "body mass")
        take(&sport, other.sport, "sport")
        take(&involvedSide, other.involvedSide, "involved side")
        take(&aclReconstruction, other.aclReconstruction, "ACL reconstruction")
        return conflicts
    }
}
