import StrengthAnalysis
import StrengthModel

extension ScreeningReport.TeamRow {
    /// The finding that decided a session's band: ratios before differences before the rest, and
    /// within a kind the lowest ratio or the largest difference.
    static func deciding(_ a: Assessment) -> Finding? {
        guard let worst = a.worstBand else { return nil }
        // One pass, the first of equals kept (as `min(by:)` keeps it): filtering copied the findings.
        // By index: `for finding in` retains and releases every finding it passes.
        var deciding: (index: Int, order: (Int, Double))?
        for i in a.findings.indices where a.findings[i].band == worst {
            let order = order(a.findings[i])
            if deciding.map({ order < $0.order }) ?? true { deciding = (i, order) }
        }
        return deciding.map { a.findings[$0.index] }
    }

    private static func order(_ f: Finding) -> (Int, Double) {
        switch f.measure {
        case .conventionalHQ: (0, f.value)
        case .functionalHQ, .isometricHQ, .machine1RMHQ: (1, f.value)
        case .asymmetry: (2, -f.value)
        case .limbSymmetryIndex: (2, f.value)
        default: (3, f.value)
        }
    }

    /// How far beyond the cut-off that set its band, as a fraction of the cut-off: 0.40 against a
    /// 0.47 red is 0.149; 18% against a 15% line is 0.2.
    static func beyond(_ f: Finding) -> Double {
        guard let threshold = f.threshold else { return 0 }
        let line: Double?
        switch f.band {
        case .red: line = threshold.red
        case .amber: line = threshold.green
        default: line = nil
        }
        guard let line, line != 0 else { return 0 }
        let distance = threshold.higherIsBetter ? line - f.value : f.value - line
        return max(0, distance / abs(line))
    }
}
