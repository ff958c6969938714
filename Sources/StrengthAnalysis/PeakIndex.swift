import StrengthModel

/// The best result per protocol in one session: repeated trials count by their peak, as every
/// isokinetic and dynamometer report does. Load-based sets are left to the 1RM estimate.
struct PeakIndex {
    /// Keys in a stable, readable order (by velocity, then side, muscle, contraction), sorted once.
    let keys: [ProtocolKey]
    /// The same keys as numbers, searched instead of the keys themselves.
    private let exactKeys: [ProtocolKey.Exact]
    /// The peak of each key, at the key's position.
    let peaks: [Measurement]

    /// A session has a dozen or two protocols: a linear search of them beats hashing every key, and
    /// building arrays beats growing a dictionary.
    init(_ measurements: [Measurement]) {
        // One array sized once: growing two arrays was eleven allocations a session.
        var entries: [(key: ProtocolKey, exact: ProtocolKey.Exact, peak: Measurement)] = []
        entries.reserveCapacity(measurements.count)
        for m in measurements where m.method != .machine1RM && !m.isWarmUp {
            let key = ProtocolKey(m)
            let exact = key.exact
            if let i = entries.firstIndex(where: { $0.exact == exact }) {
                if m.value.si > entries[i].peak.value.si { entries[i].peak = m }
            } else if m.value.si > -1 {
                entries.append((key, exact, m))
            }
        }
        // Positions sorted, each key's rank worked out once: sorting the entries themselves moved 160
        // bytes a step and ranked both keys at every comparison. Equals keep the file's order.
        let ranks = entries.map(\.key.rank)
        let order = entries.indices.sorted { i, j in
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            if entries[i].key < entries[j].key { return true }
            return !(entries[j].key < entries[i].key) && i < j
        }
        keys = order.map { entries[$0].key }
        exactKeys = order.map { entries[$0].exact }
        peaks = order.map { entries[$0].peak }
    }

    subscript(key: ProtocolKey) -> Measurement? {
        position(of: key).map { peaks[$0] }
    }

    /// Where `key` is among `keys`, for callers that keep positions rather than copies of the peaks.
    func position(of key: ProtocolKey) -> Int? {
        exactKeys.firstIndex(of: key.exact)
    }

    /// The peak of the key at `position` in `keys`.
    func peak(at position: Int) -> Measurement { peaks[position] }
}

/// Words for sides and muscles in sentences.
public enum Words {
    /// `slow` for 60°/s and below, `moderate` to 180°/s, `fast` above: names people understand.
    public static func speed(_ degreesPerSecond: Double) -> String {
        degreesPerSecond <= 90 ? "slow" : degreesPerSecond <= 180 ? "moderate" : "fast"
    }

    static func side(_ side: Side?) -> String {
        side.map { Formatting.capitalized($0.rawValue) } ?? "Both-leg"
    }

    static func protocolDescription(_ key: ProtocolKey) -> String {
        var parts = ["\(key.contraction.rawValue) \(key.muscle.rawValue)"]
        if let velocity = key.velocity { parts.append("at \(Formatting.velocity(velocity))") }
        if let angle = key.angle { parts.append("at \(angle)° knee angle") }
        return parts.joined(separator: " ")
    }
}
