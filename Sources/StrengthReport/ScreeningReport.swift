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

    public init(generator: String, profileName: String, importSummary: ImportSummary, entries: [Entry]) {
        self.generator = generator
        self.profileName = profileName
        self.importSummary = importSummary
        self.entries = entries
    }

    /// An athlete's assessments in date order, for trend charts.
    public func history(of athlete: String) -> [Assessment] {
        entries.map(\.assessment).filter { $0.athlete == athlete }.sorted { $0.date < $1.date }
    }

    /// One line of a team summary: an athlete's latest session, and the one before it.
    public struct TeamRow: Sendable {
        public var latest: Assessment
        public var previous: Assessment?
        public var sessions: Int
    }

    /// One row per athlete, judged by the latest session: most urgent first (red, amber, green,
    /// information), then by name.
    public var teamRows: [TeamRow] {
        var byAthlete: [String: [Assessment]] = [:]
        for entry in entries { byAthlete[entry.assessment.athlete, default: []].append(entry.assessment) }
        let rows = byAthlete.values.map { sessions -> TeamRow in
            let ordered = sessions.sorted { $0.date < $1.date }
            return TeamRow(latest: ordered.last!, previous: ordered.dropLast().last, sessions: ordered.count)
        }
        return rows.sorted { lhs, rhs in
            let l = lhs.latest.worstBand?.severity ?? -1
            let r = rhs.latest.worstBand?.severity ?? -1
            if l != r { return l > r }
            return (lhs.latest.displayName, lhs.latest.athlete) < (rhs.latest.displayName, rhs.latest.athlete)
        }
    }

    /// Said once per report: the evidence does not support reading a ratio as injury risk.
    public static let evidenceNote =
        "H:Q ratios describe a strength profile; on their own they are weak predictors of injury "
        + "(Kellis et al. 2023; Green et al. 2018). Treat each flag as a training target, not a diagnosis."

    public static func build(
        importSummary: ImportSummary, assessments: [Assessment], profile: ThresholdProfile, generator: String
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
        return ScreeningReport(
            generator: generator, profileName: profile.name, importSummary: importSummary, entries: entries)
    }
}
