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
        try encode(Document(report))
    }

    /// The import accounting alone, for `hqscreen check --format json`.
    public static func renderImport(_ summary: ImportSummary, generator: String) throws -> String {
        try encode(CheckDocument(schemaVersion: schemaVersion, generator: generator, import: ImportBlock(summary)))
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct CheckDocument: Encodable {
        var schemaVersion: Int
        var generator: String
        var `import`: ImportBlock
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var generator: String
        var profile: String
        var evidenceNote: String
        var `import`: ImportBlock
        var assessments: [AssessmentBlock]

        init(_ report: ScreeningReport) {
            schemaVersion = JSONReport.schemaVersion
            generator = report.generator
            profile = report.profileName
            evidenceNote = ScreeningReport.evidenceNote
            self.import = ImportBlock(report.importSummary)
            assessments = report.entries.map(AssessmentBlock.init)
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
            sources = a.info?.sources ?? Array(Set(a.measurements.map(\.source.file))).sorted()
            worstBand = a.worstBand?.rawValue
            findings = a.findings.map(FindingBlock.init)
            notes = a.notes
            program = entry.program
        }

        enum CodingKeys: String, CodingKey {
            case athlete, name, date, sex, age, bodyMassKg, sport, involvedSide, sources, worstBand, findings, notes
            case program
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
            try c.encode(sources, forKey: .sources)
            try c.encode(worstBand, forKey: .worstBand)
            try c.encode(findings, forKey: .findings)
            try c.encode(notes, forKey: .notes)
            try c.encode(program, forKey: .program)
        }
    }

    struct FindingBlock: Encodable {
        var measure: String
        var side: String?
        var velocity: Double?
        var muscle: String?
        var value: Double
        var band: String
        var reason: String
        var threshold: ConventionalThreshold?
        var caveats: [String]
        var measurements: [MeasurementBlock]

        init(_ finding: Finding) {
            measure = finding.measure.rawValue
            side = finding.side?.rawValue
            velocity = finding.velocity
            muscle = finding.muscle?.rawValue
            value = (finding.value * 10_000).rounded() / 10_000
            band = finding.band.rawValue
            reason = finding.reason
            threshold = finding.threshold
            caveats = finding.caveats
            measurements = finding.inputs.map(MeasurementBlock.init)
        }

        enum CodingKeys: String, CodingKey {
            case measure, side, velocity, muscle, value, band, reason, threshold, caveats, measurements
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(measure, forKey: .measure)
            try c.encode(side, forKey: .side)
            try c.encode(velocity, forKey: .velocity)
            try c.encode(muscle, forKey: .muscle)
            try c.encode(value, forKey: .value)
            try c.encode(band, forKey: .band)
            try c.encode(reason, forKey: .reason)
            try c.encode(threshold, forKey: .threshold)
            try c.encode(caveats, forKey: .caveats)
            try c.encode(measurements, forKey: .measurements)
        }
    }

    struct MeasurementBlock: Encodable {
        var muscle: String
        var side: String
        var contraction: String
        var velocity: Double?
        var angle: Double?
        var method: String
        /// In the SI unit named by `unit`.
        var value: Double
        var unit: String
        var sourceValue: Double
        var sourceUnit: String
        var gravityCorrected: Bool?
        var file: String
        var line: Int

        init(_ m: Measurement) {
            muscle = m.muscle.rawValue
            side = m.side.rawValue
            contraction = m.contraction.rawValue
            velocity = m.velocity
            angle = m.angle
            method = m.method.rawValue
            value = (m.value.si * 1000).rounded() / 1000
            unit = m.value.dimension.siSymbol
            sourceValue = m.valueInSourceUnit
            sourceUnit = m.sourceUnit.rawValue
            gravityCorrected = m.gravityCorrected
            file = m.source.file
            line = m.source.line
        }

        enum CodingKeys: String, CodingKey {
            case muscle, side, contraction, velocity, angle, method, value, unit, sourceValue, sourceUnit
            case gravityCorrected, file, line
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(muscle, forKey: .muscle)
            try c.encode(side, forKey: .side)
            try c.encode(contraction, forKey: .contraction)
            try c.encode(velocity, forKey: .velocity)
            try c.encode(angle, forKey: .angle)
            try c.encode(method, forKey: .method)
            try c.encode(value, forKey: .value)
            try c.encode(unit, forKey: .unit)
            try c.encode((sourceValue * 1000).rounded() / 1000, forKey: .sourceValue)
            try c.encode(sourceUnit, forKey: .sourceUnit)
            try c.encode(gravityCorrected, forKey: .gravityCorrected)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
        }
    }
}
