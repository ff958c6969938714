import StrengthAnalysis
import StrengthModel

/// The one value every renderer is fed: what was imported, what was found, what to do.
public struct ScreeningReport: Sendable {
    public struct Entry: Sendable {
        public var assessment: Assessment
        public var program: Program

        public init(assessment: Assessment, program: Program) {
            self.assessment = assessment
            self.program = program
        }
    }

    public var generator: String
    public var profileName: String
    public var importSummary: ImportSummary
    public var entries: [Entry]
    /// The day the report is made: days since each athlete's last test count from here.
    public var today: TestDate
    /// The clinic's name, clinician, contact, footer and logo, printed on every report (`--clinic`).
    public var clinic: ClinicDetails?

    public init(
        generator: String, profileName: String, importSummary: ImportSummary, entries: [Entry],
        today: TestDate = .today()
    ) {
        self.generator = generator
        self.profileName = profileName
        self.importSummary = importSummary
        self.entries = entries
        self.today = today
    }

    /// One line of a team summary: an athlete's latest session, and the one before it.
    public struct TeamRow: Sendable {
        public var latest: Assessment
        public var previous: Assessment?
        public var sessions: Int
        /// The finding that decided the latest band.
        public var deciding: Finding?
        /// Days from the latest test to the report's day.
        public var daysSinceTest: Int
        /// When the next test is due: the program's retest, or the next training-log window.
        public var retestDue: TestDate
        public var overdue: Bool
        /// The band got worse since the previous test (green → amber, amber → red).
        public var deteriorated: Bool
        /// How far the deciding value is beyond its cut-off, as a fraction of it; 0 when within.
        public var beyondCutoff: Double
    }

    /// One row per athlete, judged by the latest session, most urgent first: by band (red, amber,
    /// green, information), then those whose band got worse, then how far beyond the cut-off, then name.
    public var teamRows: [TeamRow] {
        var byAthlete: [String: [Entry]] = [:]
        for entry in entries { byAthlete[entry.assessment.athlete, default: []].append(entry) }
        let rows = byAthlete.values.map { group -> TeamRow in
            let ordered = group.sorted { $0.assessment.date < $1.assessment.date }
            let latest = ordered.last!.assessment
            let previous = ordered.dropLast().last?.assessment
            let deciding = TeamRow.deciding(latest)
            let due =
                latest.window.map { $0.end.adding(days: $0.days) }
                ?? latest.date.adding(days: ordered.last!.program.retestWeeks * 7)
            return TeamRow(
                latest: latest, previous: previous, sessions: ordered.count, deciding: deciding,
                daysSinceTest: today.daysSinceEpoch - latest.date.daysSinceEpoch, retestDue: due, overdue: due < today,
                deteriorated: (latest.worstBand?.severity ?? 0) > (previous?.worstBand?.severity ?? Int.max),
                beyondCutoff: deciding.map(TeamRow.beyond) ?? 0)
        }
        return rows.sorted { lhs, rhs in
            let l = lhs.latest.worstBand?.severity ?? -1
            let r = rhs.latest.worstBand?.severity ?? -1
            if l != r { return l > r }
            if lhs.deteriorated != rhs.deteriorated { return lhs.deteriorated }
            if lhs.beyondCutoff != rhs.beyondCutoff { return lhs.beyondCutoff > rhs.beyondCutoff }
            return (lhs.latest.displayName, lhs.latest.athlete) < (rhs.latest.displayName, rhs.latest.athlete)
        }
    }

    /// The entries athlete by athlete in the team summary's order (each athlete's tests oldest first),
    /// so the detail sections follow the summary.
    public var entriesInSummaryOrder: [Entry] {
        var byAthlete: [String: [Entry]] = [:]
        for entry in entries { byAthlete[entry.assessment.athlete, default: []].append(entry) }
        return teamRows.flatMap { row in
            (byAthlete[row.latest.athlete] ?? []).sorted { $0.assessment.date < $1.assessment.date }
        }
    }

    /// What a report says about one athlete: the latest test in full, the earlier ones as history.
    public struct AthleteSection: Sendable {
        public var latest: Entry
        /// Every test of the athlete, oldest first, the latest included.
        public var history: [Assessment]
    }

    /// One section per athlete, in the team summary's order.
    public var athleteSections: [AthleteSection] {
        var byAthlete: [String: [Entry]] = [:]
        for entry in entries { byAthlete[entry.assessment.athlete, default: []].append(entry) }
        return teamRows.compactMap { row in
            guard let group = byAthlete[row.latest.athlete]?.sorted(by: { $0.assessment.date < $1.assessment.date }),
                let latest = group.last
            else { return nil }
            return AthleteSection(latest: latest, history: group.map(\.assessment))
        }
    }

    /// Athletes per band of their latest test, for the team summary's head line.
    public var bandCounts: [(band: Band?, count: Int)] {
        let rows = teamRows
        return [Band.red, .amber, .green, nil].map { band in
            (
                band,
                rows.count {
                    band == nil
                        ? ($0.latest.worstBand == nil || $0.latest.worstBand == .info) : $0.latest.worstBand == band
                }
            )
        }
    }

    /// Said once per report: the evidence does not support reading a ratio as injury risk.
    public static let evidenceNote =
        "H:Q ratios describe a strength profile; on their own they are weak predictors of injury "
        + "(Kellis et al. 2023; Green et al. 2018). Treat each flag as a training target, not a diagnosis."

    public static func build(
        importSummary: ImportSummary, assessments: [Assessment], profile: ThresholdProfile, generator: String,
        today: TestDate = .today()
    ) -> ScreeningReport {
        let prescriber = ProgramPrescriber(retestWeeks: profile.retestWeeks)
        var entries: [Entry] = []
        entries.reserveCapacity(assessments.count)
        // Assessments come sorted by athlete, then date: the entry before is the athlete's previous test.
        for assessment in assessments {
            let previous = entries.last.flatMap { $0.assessment.athlete == assessment.athlete ? $0.program : nil }
            entries.append(
                Entry(assessment: assessment, program: prescriber.prescribe(for: assessment, previous: previous)))
        }
        SquadStanding.annotate(&entries)
        return ScreeningReport(
            generator: generator, profileName: profile.name, importSummary: importSummary, entries: entries,
            today: today)
    }
}
