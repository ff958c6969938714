import StrengthModel

/// The best result per protocol in one session: repeated trials count by their peak, as every
/// isokinetic and dynamometer report does. Load-based sets are left to the 1RM estimate.
struct PeakIndex {
    let peaks: [ProtocolKey: Measurement]
    /// Keys in a stable, readable order (by velocity, then side, muscle, contraction), sorted once.
    let keys: [ProtocolKey]

    init(_ measurements: [Measurement]) {
        var peaks: [ProtocolKey: Measurement] = [:]
        for m in measurements where m.method != .machine1RM && !m.isWarmUp {
            let key = ProtocolKey(m)
            if m.value.si > (peaks[key]?.value.si ?? -1) { peaks[key] = m }
        }
        self.peaks = peaks
        keys = peaks.keys.sorted()
    }

    subscript(key: ProtocolKey) -> Measurement? { peaks[key] }
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
