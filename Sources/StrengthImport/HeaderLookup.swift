/// Finds columns by their normalised keys, for adapters that know their format's exact headers.
struct HeaderLookup {
    let header: [HeaderColumn]

    init(_ header: [HeaderColumn]) { self.header = header }

    /// The first column whose key is one of `keys`.
    func column(_ keys: String...) -> HeaderColumn? {
        header.first { keys.contains($0.key) }
    }

    func has(_ keys: String...) -> Bool { header.contains { keys.contains($0.key) } }

    /// How many of the wanted columns are present, for a confidence and a "missing" list.
    func score(_ wanted: [(name: String, keys: [String])]) -> (found: Int, missing: [String]) {
        var found = 0
        var missing: [String] = []
        for item in wanted {
            if header.contains(where: { item.keys.contains($0.key) }) { found += 1 } else { missing.append(item.name) }
        }
        return (found, missing)
    }
}

extension Identification {
    /// Sure only when everything is there; a partial match scores low so messages can name what is missing.
    static func from(found: Int, missing: [String], sure: Int) -> Identification {
        guard found > 0 else { return Identification(confidence: 0, missing: missing) }
        return Identification(confidence: missing.isEmpty ? sure : found * 4, missing: missing)
    }
}
