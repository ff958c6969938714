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
    /// A squad assessed athlete by athlete (`ScreeningReport.squad(…)`); `entries` is then empty.
    public internal(set) var squad: SquadAnalysis?

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
        if let squad { return squad.rows }
        let rows = athleteGroups.map { TeamRow(athleteEntries: $0, today: today) }
        return TeamRow.urgencyOrder(rows).map { rows[$0] }
    }

    /// Each athlete's entries, oldest first, athletes in the order of the entries (by id, as analysis
    /// gives them). A squad report assesses each athlete when it is read.
    public var athleteEntries: AthleteEntries { AthleteEntries(report: self) }

    public struct AthleteEntries: RandomAccessCollection, Sendable {
        let report: ScreeningReport
        private let groups: [[Entry]]

        init(report: ScreeningReport) {
            self.report = report
            groups = report.squad == nil ? report.athleteGroups : []
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { report.squad?.athleteCount ?? groups.count }

        public subscript(position: Int) -> [Entry] {
            report.squad?.entries(ofAthlete: position) ?? groups[position]
        }
    }

    /// Consecutive entries of the same athlete, each group sorted by date.
    private var athleteGroups: [[Entry]] {
        var byAthlete: [String: Int] = [:]
        var groups: [[Entry]] = []
        for entry in entries {
            if let i = byAthlete[entry.assessment.athlete] {
                groups[i].append(entry)
            } else {
                byAthlete[entry.assessment.athlete] = groups.count
                groups.append([entry])
            }
        }
        return groups.map { $0.sorted { $0.assessment.date < $1.assessment.date } }
    }

    /// Athlete-sessions in the report.
    public var sessionCount: Int { squad?.sessionCount ?? entries.count }

    public var athleteCount: Int { squad?.athleteCount ?? Set(entries.lazy.map(\.assessment.athlete)).count }

    /// The name of the first test's athlete, for a one-athlete report's title.
    var firstDisplayName: String? { squad.map { $0.firstDisplayName } ?? entries.first?.assessment.displayName }

    /// The entries athlete by athlete in the team summary's order (each athlete's tests oldest first),
    /// so the detail sections follow the summary.
    public var entriesInSummaryOrder: [Entry] { athleteSections.flatMap { $0.entries } }

    /// What a report says about one athlete: the latest test in full, the earlier ones as history.
    public struct AthleteSection: Sendable {
        public var latest: Entry { entries[entries.count - 1] }
        /// Every test of the athlete, oldest first, the latest included.
        public var history: [Assessment] { entries.map(\.assessment) }
        /// The athlete's entries, oldest first.
        public var entries: [Entry]
    }

    /// One section per athlete, in the team summary's order; a squad report's sections are assessed
    /// when read.
    public var athleteSections: AthleteSections { AthleteSections(report: self) }

    public struct AthleteSections: RandomAccessCollection, Sendable {
        let report: ScreeningReport
        private let groups: [[Entry]]

        init(report: ScreeningReport) {
            self.report = report
            if report.squad != nil {
                groups = []
            } else {
                var byAthlete: [String: [Entry]] = [:]
                for group in report.athleteGroups { byAthlete[group[0].assessment.athlete] = group }
                groups = report.teamRows.compactMap { byAthlete[$0.latest.athlete] }
            }
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { report.squad?.rows.count ?? groups.count }

        public subscript(position: Int) -> AthleteSection {
            guard let squad = report.squad else { return AthleteSection(entries: groups[position]) }
            return AthleteSection(entries: squad.entries(ofAthlete: squad.rowAthlete[position]))
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

    /// The report of a whole squad, built to be written athlete by athlete: each athlete is assessed
    /// once for the team summary and again when the report reaches them, so a squad's findings never
    /// all live at once. Renders exactly as `build` would from the same measurements. Without
    /// `withSummary` the first pass is skipped: for outputs of one row per session (CSV) that show
    /// neither the team summary nor the squad standing — `teamRows` and `athleteSections` are then
    /// empty and `sessionCount` is 0.
    public static func squad(
        importSummary: ImportSummary, athletes: any AthleteMeasurements, sessions: [SessionKey: SessionInfo],
        analyzer: Analyzer, generator: String, today: TestDate = .today(), withSummary: Bool = true,
        progress: SquadProgress? = nil, early: EarlyRows? = nil
    ) -> ScreeningReport {
        var report = ScreeningReport(
            generator: generator, profileName: analyzer.profile.name, importSummary: importSummary, entries: [],
            today: today)
        report.squad = SquadAnalysis(
            athletes: athletes, sessions: sessions, analyzer: analyzer, today: today,
            withSummary: withSummary, progress: progress, early: early)
        return report
    }

    /// The same, from measurements in memory (grouped by athlete in place).
    public static func squad(
        importSummary: ImportSummary, measurements: consuming [Measurement], sessions: [SessionKey: SessionInfo],
        analyzer: Analyzer, generator: String, today: TestDate = .today(), withSummary: Bool = true,
        progress: SquadProgress? = nil, early: EarlyRows? = nil
    ) -> ScreeningReport {
        squad(
            importSummary: importSummary, athletes: AthleteGrouping(consume measurements), sessions: sessions,
            analyzer: analyzer, generator: generator, today: today, withSummary: withSummary, progress: progress,
            early: early)
    }

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
