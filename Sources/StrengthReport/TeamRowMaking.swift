import StrengthAnalysis
import StrengthModel

extension ScreeningReport.TeamRow {
    /// The row of one athlete from their entries, oldest first.
    init(athleteEntries ordered: [ScreeningReport.Entry], today: TestDate) {
        let latest = ordered[ordered.count - 1].assessment
        let previous = ordered.count > 1 ? ordered[ordered.count - 2].assessment : nil
        let deciding = Self.deciding(latest)
        let due =
            latest.window.map { $0.end.adding(days: $0.days) }
            ?? latest.date.adding(days: ordered[ordered.count - 1].program.retestWeeks * 7)
        self.init(
            latest: latest, previous: previous, sessions: ordered.count, deciding: deciding,
            daysSinceTest: today.daysSinceEpoch - latest.date.daysSinceEpoch, retestDue: due, overdue: due < today,
            deteriorated: (latest.worstBand?.severity ?? 0) > (previous?.worstBand?.severity ?? Int.max),
            beyondCutoff: deciding.map(Self.beyond) ?? 0)
    }

    /// Indices of `rows` most urgent first: by band (red, amber, green, information), then those whose
    /// band got worse, then how far beyond the cut-off, then name and id.
    static func urgencyOrder(_ rows: [Self]) -> [Int] {
        rows.indices.sorted { i, j in
            let lhs = rows[i]
            let rhs = rows[j]
            let l = lhs.latest.worstBand?.severity ?? -1
            let r = rhs.latest.worstBand?.severity ?? -1
            if l != r { return l > r }
            if lhs.deteriorated != rhs.deteriorated { return lhs.deteriorated }
            if lhs.beyondCutoff != rhs.beyondCutoff { return lhs.beyondCutoff > rhs.beyondCutoff }
            return (lhs.latest.displayName, lhs.latest.athlete) < (rhs.latest.displayName, rhs.latest.athlete)
        }
    }

    /// The row with only what a team summary shows: of the latest test, the findings of its worst band
    /// (the headline counts them, the deciding one is among them) without their source rows and
    /// words; of the previous test, its band. A squad keeps one of these per athlete.
    var summarised: Self {
        var row = self
        row.latest = Self.summarised(latest, keep: { $0.band == latest.worstBand || latest.worstBand == nil })
        row.deciding = deciding.map(Self.summarised)
        if let deciding = row.deciding, latest.worstBand != nil {
            // The headline counts the findings of the worst band and names the deciding one: the others
            // are kept as copies of it, which share its storage, so a squad's rows stay small.
            row.latest.findings = Array(repeating: deciding, count: row.latest.findings.count)
        }
        if let previous {
            let worst = previous.worstBand
            // One finding of the worst band keeps `worstBand` what it was.
            row.previous = Self.summarised(previous, keep: { worst != nil && $0.band == worst }, limit: 1)
            // Of the previous test the summary says only the band and the date.
            row.previous?.info = nil
        }
        return row
    }

    private static func summarised(_ a: Assessment, keep: (Finding) -> Bool, limit: Int = .max) -> Assessment {
        var slim = a
        slim.measurements = []
        slim.notes = []
        slim.workouts = []
        slim.findings = Array(a.findings.lazy.filter(keep).prefix(limit).map(summarised))
        if slim.findings.isEmpty, let first = a.findings.first, limit == .max {
            // "information only" against "no ratio could be computed" needs one finding.
            slim.findings = [summarised(first)]
        }
        return slim
    }

    private static func summarised(_ f: Finding) -> Finding {
        var slim = f
        // The first row's method names a Nordic or bridge difference in its label.
        slim.measurements = Array(f.measurements.prefix(1))
        slim.reason = ""
        slim.caveats = []
        slim.populationNote = nil
        slim.missingDetails = []
        return slim
    }
}
