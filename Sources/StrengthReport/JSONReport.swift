import StrengthAnalysis
import StrengthModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The JSON contract (docs/json-contract.md). Fields are added over time, never renamed.
public enum JSONReport {
    public static let schemaVersion = 1

    public static func render(_ report: ScreeningReport) throws -> String {
        var out: [UInt8] = []
        try write(report) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same bytes as encoding the whole document at once, handed to `sink` one assessment at a time,
    /// so a squad's report never exists as a whole in memory (encoder tree, data and string each).
    public static func write(_ report: ScreeningReport, to sink: ([UInt8]) throws -> Void) throws {
        let skeleton = Array(try encode(Document(report, assessments: [])).utf8)
        guard report.sessionCount > 0 else { return try sink(skeleton) }
        // Foundation writes an empty array as "[", a blank line and "  ]": the elements go between.
        let marker = Array("\"assessments\" : [\n\n  ]".utf8)
        guard let at = skeleton.firstRange(of: marker) else {
            return try sink(Array(try encode(Document(report)).utf8))
        }
        let head = at.lowerBound + marker.count - 5
        try sink(Array(skeleton[..<head]))
        var first = true
        try OrderedParallel.forEach(report.athleteEntries, batch: 32, elements) { encoded in
            for var element in try encoded.get() {
                if first { element.removeFirst() }
                first = false
                try sink(element)
            }
        }
        try sink(Array(skeleton[(head + 1)...]))
    }

    /// One athlete's assessments as array elements, each with its leading comma and the array's indent.
    @Sendable static func elements(_ entries: [ScreeningReport.Entry]) -> Result<[[UInt8]], any Error> {
        Result {
            try entries.map { entry in
                // Each element sits two levels deep: in the document, in its `assessments` array.
                var piece = Array(",\n    ".utf8)
                try PrettyJSON.encode(AssessmentBlock(entry), depth: 2, into: &piece)
                return piece
            }
        }
    }

    /// The document encoded in one piece by Foundation's `JSONEncoder`: the reference that the streamed
    /// output, written with `PrettyJSON`, must reproduce byte for byte.
    static func renderWhole(_ report: ScreeningReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(report)), as: UTF8.self) + "\n"
    }

    /// The import accounting alone, for `hqscreen check --format json`.
    public static func renderImport(_ summary: ImportSummary, generator: String) throws -> String {
        try encode(CheckDocument(schemaVersion: schemaVersion, generator: generator, import: ImportBlock(summary)))
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try PrettyJSON.encode(value), as: UTF8.self) + "\n"
    }

    struct CheckDocument: Encodable {
        var schemaVersion: Int
        var generator: String
        var `import`: ImportBlock
    }

    /// The index of a `--split` folder: the team summary and the file of each athlete.
    public static func renderIndex(_ report: ScreeningReport, files: [String: String]) throws -> String {
        struct Index: Encodable {
            var schemaVersion: Int
            var generator: String
            var teamSummary: TeamSummaryBlock
            var files: [String: String]
        }
        return try encode(
            Index(
                schemaVersion: schemaVersion, generator: report.generator, teamSummary: TeamSummaryBlock(report),
                files: files))
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var generator: String
        var profile: String
        var evidenceNote: String
        var `import`: ImportBlock
        var assessments: [AssessmentBlock]
        var teamSummary: TeamSummaryBlock

        init(_ report: ScreeningReport, assessments: [AssessmentBlock]? = nil) {
            schemaVersion = JSONReport.schemaVersion
            generator = report.generator
            profile = report.profileName
            evidenceNote = ScreeningReport.evidenceNote
            self.import = ImportBlock(report.importSummary)
            self.assessments = assessments ?? report.athleteEntries.flatMap { $0.map(AssessmentBlock.init) }
            teamSummary = TeamSummaryBlock(report)
        }
    }

    /// The team summary as programs want it: counts per band and one row per athlete, in order.
    struct TeamSummaryBlock: Encodable {
        struct Row: Encodable {
            var athlete: String
            var name: String?
            var date: String
            var band: String?
            var decidingMeasure: String?
            var decidingValue: Double?
            var headline: String
            var changeSincePrevious: Double?
            var previousDate: String?
            var previousBand: String?
            var tests: Int
            var daysSinceTest: Int
            var retestDue: String
            var overdue: Bool
            var deteriorated: Bool

            enum CodingKeys: String, CodingKey {
                case athlete, name, date, band, decidingMeasure, decidingValue, headline, changeSincePrevious
                case previousDate, previousBand, tests, daysSinceTest, retestDue, overdue, deteriorated
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(athlete, forKey: .athlete)
                try c.encode(name, forKey: .name)
                try c.encode(date, forKey: .date)
                try c.encode(band, forKey: .band)
                try c.encode(decidingMeasure, forKey: .decidingMeasure)
                try c.encode(decidingValue, forKey: .decidingValue)
                try c.encode(headline, forKey: .headline)
                try c.encode(changeSincePrevious, forKey: .changeSincePrevious)
                try c.encode(previousDate, forKey: .previousDate)
                try c.encode(previousBand, forKey: .previousBand)
                try c.encode(tests, forKey: .tests)
                try c.encode(daysSinceTest, forKey: .daysSinceTest)
                try c.encode(retestDue, forKey: .retestDue)
                try c.encode(overdue, forKey: .overdue)
                try c.encode(deteriorated, forKey: .deteriorated)
            }
        }

        var today: String
        var counts: [String: Int]
        var rows: [Row]

        init(_ report: ScreeningReport) {
            today = report.today.description
            counts = Dictionary(
                uniqueKeysWithValues: report.bandCounts.map { ($0.band?.rawValue ?? "info", $0.count) })
            rows = report.teamRows.map { row in
                let a = row.latest
                let flagged = row.deciding.flatMap { $0.band == .red || $0.band == .amber ? $0 : nil }
                return Row(
                    athlete: a.athlete, name: a.info?.name, date: a.date.description, band: a.worstBand?.rawValue,
                    decidingMeasure: flagged.map(FindingText.label),
                    decidingValue: flagged.map { roundedForOutput($0.value, 4) },
                    headline: TextReport.headline(a),
                    changeSincePrevious: flagged?.change.map { roundedForOutput($0.sincePrevious, 4) },
                    previousDate: row.previous?.date.description, previousBand: row.previous?.worstBand?.rawValue,
                    tests: row.sessions, daysSinceTest: row.daysSinceTest, retestDue: row.retestDue.description,
                    overdue: row.overdue, deteriorated: row.deteriorated)
            }
        }
    }

    struct ImportBlock: Encodable {
        var rowsRead: Int
        var rowsImported: Int
        var rowsSkipped: Int
        var rowsRejected: Int
        var files: [FileImportSummary]
        var diagnostics: [Diagnostic]
        var unlistedDiagnostics: Int

        init(_ summary: ImportSummary) {
            let counts = summary.counts
            rowsRead = counts.rowsRead
            rowsImported = counts.rowsImported
            rowsSkipped = counts.rowsSkipped
            rowsRejected = counts.rowsRejected
            files = summary.files
            diagnostics = summary.diagnostics
            unlistedDiagnostics = summary.unlistedDiagnostics
        }
    }

    struct AssessmentBlock: Encodable {
        var athlete: String
        var name: String?
        var date: String
        var sex: String?
        var age: Int?
        var bodyMassKg: Double?
        var sport: String?
        var involvedSide: String?
        var aclReconstruction: Bool?
        var window: [String: String]?
        var workouts: [String]
        var sources: [String]
        var worstBand: String?
        var findings: [FindingBlock]
        var notes: [String]
        var program: Program

        init(_ entry: ScreeningReport.Entry) {
            let a = entry.assessment
            athlete = a.athlete
            name = a.info?.name
            date = a.date.description
            sex = a.info?.sex?.rawValue
            age = a.info?.age
            bodyMassKg = a.info?.bodyMassKg
            sport = a.info?.sport
            involvedSide = a.info?.involvedSide?.rawValue
            aclReconstruction = a.info?.aclReconstruction
            window = a.window.map { ["start": $0.start.description, "end": $0.end.description] }
            workouts = a.workouts.map(\.description)
            sources = FindingText.sources(a)
            worstBand = a.worstBand?.rawValue
            findings = a.findings.map(FindingBlock.init)
            notes = a.notes
            program = entry.program
        }

        enum CodingKeys: String, CodingKey {
            case athlete, name, date, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction, sources, worstBand
            case findings, notes, program, window, workouts
        }

        // Optional fields are written as null, so every assessment has the same keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(athlete, forKey: .athlete)
            try c.encode(name, forKey: .name)
            try c.encode(date, forKey: .date)
            try c.encode(sex, forKey: .sex)
            try c.encode(age, forKey: .age)
            try c.encode(bodyMassKg, forKey: .bodyMassKg)
            try c.encode(sport, forKey: .sport)
            try c.encode(involvedSide, forKey: .involvedSide)
            try c.encode(aclReconstruction, forKey: .aclReconstruction)
            try c.encode(window, forKey: .window)
            try c.encode(workouts, forKey: .workouts)
            try c.encode(sources, forKey: .sources)
            try c.encode(worstBand, forKey: .worstBand)
            try c.encode(findings, forKey: .findings)
            try c.encode(notes, forKey: .notes)
            try c.encode(program, forKey: .program)
        }
    }

    struct FindingBlock: Encodable {
        var finding: Finding

        init(_ finding: Finding) { self.finding = finding }

        enum CodingKeys: String, CodingKey {
            case measure, side, velocity, velocityPair, angle, muscle, contraction, weakerSide, value, band, reason
            case threshold, inputs, caveats, change, measurements, populationNote, missingDetails, confirmation
            case exercise, squadPercentile, squadSize
        }

        func encode(to encoder: any Encoder) throws {
            let f = finding
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(f.measure.rawValue, forKey: .measure)
            try c.encode(f.side?.rawValue, forKey: .side)
            try c.encode(f.velocity, forKey: .velocity)
            try c.encode(f.velocityPair.map(VelocityPairBlock.init), forKey: .velocityPair)
            try c.encode(f.angle, forKey: .angle)
            try c.encode(f.muscle?.rawValue, forKey: .muscle)
            try c.encode(f.contraction?.rawValue, forKey: .contraction)
            try c.encode(f.weakerSide?.rawValue, forKey: .weakerSide)
            try c.encode(roundedForOutput(f.value, 4), forKey: .value)
            try c.encode(f.band.rawValue, forKey: .band)
            try c.encode(f.reason, forKey: .reason)
            try c.encode(f.threshold.map(ThresholdBlock.init), forKey: .threshold)
            try c.encode(f.inputs.map(InputBlock.init), forKey: .inputs)
            try c.encode(f.caveats, forKey: .caveats)
            try c.encode(f.change.map(ChangeBlock.init), forKey: .change)
            try c.encode(f.measurements.map(MeasurementBlock.init), forKey: .measurements)
            try c.encode(f.populationNote, forKey: .populationNote)
            try c.encode(f.missingDetails.map { ["detail": $0.detail, "supply": $0.supply] }, forKey: .missingDetails)
            try c.encode(f.confirmation?.rawValue, forKey: .confirmation)
            try c.encode(f.exercise, forKey: .exercise)
            try c.encode(f.squadPercentile, forKey: .squadPercentile)
            try c.encode(f.squadSize, forKey: .squadSize)
        }
    }

    struct VelocityPairBlock: Encodable {
        var eccentric: Double
        var concentric: Double

        init(_ pair: VelocityPair) {
            eccentric = pair.eccentric
            concentric = pair.concentric
        }
    }

    struct ThresholdBlock: Encodable {
        var threshold: ThresholdUsed

        init(_ threshold: ThresholdUsed) { self.threshold = threshold }

        enum CodingKeys: String, CodingKey {
            case green, red, higherIsBetter, unit, velocity, source, population
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(threshold.green, forKey: .green)
            try c.encode(threshold.red, forKey: .red)
            try c.encode(threshold.higherIsBetter, forKey: .higherIsBetter)
            try c.encode(threshold.unit, forKey: .unit)
            try c.encode(threshold.velocity, forKey: .velocity)
            try c.encode(threshold.source, forKey: .source)
            try c.encode(threshold.population, forKey: .population)
        }
    }

    struct InputBlock: Encodable {
        var name: String
        var value: Double
        var unit: String

        init(_ input: FindingInput) {
            name = input.name
            value = roundedForOutput(input.value, 3)
            unit = input.unit
        }
    }

    struct ChangeBlock: Encodable {
        var previousDate: String
        var previousValue: Double
        var sincePrevious: Double
        var verdictSincePrevious: String
        var firstDate: String
        var firstValue: Double
        var sinceFirst: Double
        var verdictSinceFirst: String
        var noise: Double
        var noiseSource: String
        var quadricepsDriven: Bool

        init(_ change: Change) {
            quadricepsDriven = change.quadricepsDriven
            previousDate = change.previousDate.description
            previousValue = roundedForOutput(change.previousValue, 4)
            sincePrevious = roundedForOutput(change.sincePrevious, 4)
            verdictSincePrevious = change.verdictSincePrevious.rawValue
            firstDate = change.firstDate.description
            firstValue = roundedForOutput(change.firstValue, 4)
            sinceFirst = roundedForOutput(change.sinceFirst, 4)
            verdictSinceFirst = change.verdictSinceFirst.rawValue
            noise = change.noise
            noiseSource = change.noiseSource
        }
    }

    struct MeasurementBlock: Encodable {
        var m: Measurement

        init(_ m: Measurement) { self.m = m }

        enum CodingKeys: String, CodingKey {
            case muscle, side, contraction, velocity, angle, method, value, unit, sourceValue, sourceUnit
            case gravityCorrected, repetitions, warmUp, position, file, line, date, dropSet, machine
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(m.muscle.rawValue, forKey: .muscle)
            try c.encode(m.side?.rawValue, forKey: .side)
            try c.encode(m.contraction.rawValue, forKey: .contraction)
            try c.encode(m.velocity, forKey: .velocity)
            try c.encode(m.angle, forKey: .angle)
            try c.encode(m.method.rawValue, forKey: .method)
            try c.encode(roundedForOutput(m.value.si, 3), forKey: .value)
            try c.encode(m.value.dimension.siSymbol, forKey: .unit)
            try c.encode(roundedForOutput(m.valueInSourceUnit, 3), forKey: .sourceValue)
            try c.encode(m.sourceUnit.rawValue, forKey: .sourceUnit)
            try c.encode(m.gravityCorrected, forKey: .gravityCorrected)
            try c.encode(m.repetitions.map(Int.init), forKey: .repetitions)
            try c.encode(m.isWarmUp, forKey: .warmUp)
            try c.encode(m.position?.rawValue, forKey: .position)
            try c.encode(m.source.file, forKey: .file)
            try c.encode(m.source.line, forKey: .line)
            try c.encode(m.date.description, forKey: .date)
            try c.encode(m.isDropSet, forKey: .dropSet)
            try c.encode(m.machine?.rawValue, forKey: .machine)
        }
    }
}

/// Rounds for output, so JSON shows 0.52 rather than 0.52000000000000002.
func roundedForOutput(_ value: Double, _ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (value * scale).rounded() / scale
}
