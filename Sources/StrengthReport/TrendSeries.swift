import StrengthAnalysis
import StrengthModel

/// A measure across an athlete's tests, for the history table and the trend charts: left and right
/// for sided measures, one value for a difference between the legs.
public struct TrendSeries: Sendable {
    public struct Point: Sendable {
        public var date: TestDate
        public var left: Double?
        public var right: Double?
        /// A between-leg measure (asymmetry) or a both-leg one (machine ratio).
        public var both: Double?
    }

    public var label: String
    public var finding: Finding
    public var points: [Point]

    /// One series per banded measure of the latest test that was measured on two or more dates,
    /// asymmetry included; a measure is the same only with the same label (speed, machine, …).
    public static func series(latest: Assessment, history: [Assessment]) -> [TrendSeries] {
        let past = history.filter { $0.date <= latest.date }
        guard past.count >= 2 else { return [] }
        var result: [TrendSeries] = []
        var seen = Set<String>()
        for f in latest.findings
        where f.threshold != nil && f.measure != .croisierComposite && f.measure != .strengthChange {
            let label = FindingText.label(f)
            guard seen.insert(label).inserted else { continue }
            let points = past.compactMap { session -> Point? in
                let same = session.findings.filter { $0.measure == f.measure && FindingText.label($0) == label }
                guard !same.isEmpty else { return nil }
                return Point(
                    date: session.date, left: same.first { $0.side == .left }?.value,
                    right: same.first { $0.side == .right }?.value, both: same.first { $0.side == nil }?.value)
            }
            guard points.count >= 2 else { continue }
            // A difference between the legs is history worth a line only once it has reached the amber band.
            if f.measure == .asymmetry, let amber = f.threshold?.green,
                !points.contains(where: { ($0.both ?? 0) >= amber })
            {
                continue
            }
            result.append(TrendSeries(label: label, finding: f, points: points))
        }
        return result
    }

    /// `left 0.44 → 0.50 · right 0.61 → 0.63`, or `29% → 21%` for a difference.
    public var text: String {
        func run(_ values: [Double?]) -> String? {
            let present = values.compactMap { $0 }
            guard present.count >= 2 else { return nil }
            return present.map { FindingText.value(finding.with(value: $0)) }.joined(separator: " → ")
        }
        var parts: [String] = []
        if let left = run(points.map(\.left)) { parts.append("left " + left) }
        if let right = run(points.map(\.right)) { parts.append("right " + right) }
        if let both = run(points.map(\.both)) {
            parts.append(finding.measure == .asymmetry ? "difference " + both : both)
        }
        return parts.joined(separator: " · ")
    }
}

extension Finding {
    /// The same finding with another value, to format a past value exactly as the present one.
    func with(value: Double) -> Finding {
        var copy = self
        copy.value = value
        return copy
    }
}
