import StrengthAnalysis
import StrengthModel

/// Beside the published cut-offs, where each athlete stands in their own squad: for the key ratios,
/// the percentile among the latest tests of the squad, when ten or more athletes were tested with
/// the same protocol. Squad-relative, labelled so, never a norm.
public enum SquadStanding {
    static let minimumAthletes = 10

    /// The key ratios: Hcon/Qcon at 60°/s, the mixed functional ratio, the machine 1RM ratio.
    static func isKey(_ f: Finding) -> Bool {
        switch f.measure {
        case .conventionalHQ: f.velocity.map { abs($0 - 60) < 0.5 } ?? false
        case .functionalHQ: f.velocity == nil
        case .machine1RMHQ: true
        default: false
        }
    }

    /// A key ratio of an athlete's latest test: which finding, its measure and value.
    struct KeyValue: Sendable {
        var finding: Int
        var key: Finding.Key
        var value: Double
    }

    /// Where one finding of an athlete's latest test stands in the squad.
    struct Standing: Sendable {
        var finding: Int
        var percentile: Int
        var size: Int
    }

    static func keyValues(_ latest: Assessment) -> [KeyValue] {
        latest.findings.indices.compactMap { i in
            let f = latest.findings[i]
            return isKey(f) ? KeyValue(finding: i, key: key(f), value: f.value) : nil
        }
    }

    /// Per athlete, from the key values of every athlete's latest test, the standing of each.
    static func standings(_ athletes: [[KeyValue]]) -> [[Standing]] {
        var values: [Finding.Key: [Double]] = [:]
        for keyValues in athletes {
            for k in keyValues { values[k.key, default: []].append(k.value) }
        }
        // Sorted once per measure, each athlete placed by binary search: counting every other athlete
        // for every athlete was quadratic in the squad.
        for k in values.keys { values[k]!.sort() }
        return athletes.map { keyValues in
            keyValues.compactMap { k in
                guard let all = values[k.key], all.count >= minimumAthletes else { return nil }
                let below = firstIndex(in: all) { $0 >= k.value }
                let equal = firstIndex(in: all) { $0 > k.value } - below
                let percentile = Int(
                    saturating: ((Double(below) + Double(equal) / 2) / Double(all.count) * 100).rounded())
                return Standing(finding: k.finding, percentile: percentile, size: all.count)
            }
        }
    }

    static func apply(_ standings: [Standing], to latest: inout Assessment) {
        for standing in standings {
            latest.findings[standing.finding].squadPercentile = standing.percentile
            latest.findings[standing.finding].squadSize = standing.size
        }
    }

    static func annotate(_ entries: inout [ScreeningReport.Entry]) {
        // The latest entry of each athlete.
        var latest: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            let a = entry.assessment
            if let j = latest[a.athlete], entries[j].assessment.date > a.date { continue }
            latest[a.athlete] = i
        }
        let athletes = Array(latest.values)
        let standings = standings(athletes.map { keyValues(entries[$0].assessment) })
        for (i, standing) in zip(athletes, standings) { apply(standing, to: &entries[i].assessment) }
    }

    /// The first index of an ascending array whose value passes `test` (false for all before it, true after).
    static func firstIndex(in sorted: [Double], where test: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if test(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The same measure, side and protocol: the finding's identity.
    static func key(_ f: Finding) -> Finding.Key { f.key }

    /// `Within this squad (40 athletes' latest tests; squad-relative, not a norm): …` for an athlete's latest test.
    public static func sentence(_ a: Assessment) -> String? {
        let ranked = a.findings.filter { $0.squadPercentile != nil }
        guard !ranked.isEmpty else { return nil }
        let parts = ranked.map { f in
            "\(FindingText.label(f))\(f.side.map { " " + $0.rawValue } ?? "") \(ordinal(f.squadPercentile!)) percentile"
        }
        let size = ranked.compactMap(\.squadSize).max() ?? 0
        return "Within this squad of \(size) athletes (squad-relative, not a norm): " + parts.joined(separator: ", ")
    }

    static func ordinal(_ n: Int) -> String {
        let suffix =
            (11...13).contains(n % 100) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }
}
