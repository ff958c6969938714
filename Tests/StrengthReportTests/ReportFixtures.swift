import StrengthAnalysis
import StrengthModel
import StrengthReport

enum ReportFixture {
    static let day = TestDate(year: 2026, month: 1, day: 12)!

    static func torque(_ muscle: MuscleGroup, _ side: Side, _ value: Double, at velocity: Double, line: Int)
        -> Measurement
    {
        Measurement(
            athlete: "A01", date: day, side: side, muscle: muscle, contraction: .concentric, velocity: velocity,
            value: Quantity(value, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic, gravityCorrected: true,
            source: SourceLocation(file: "team.csv", line: line))
    }

    /// Left 60°/s 0.44 (red), right 60°/s 0.62 (green).
    static func assessment(leftHamstrings: Double = 44, rightHamstrings: Double = 62, name: String? = "Alex Runner")
        -> Assessment
    {
        let measurements = [
            torque(.quadriceps, .left, 100, at: 60, line: 2),
            torque(.hamstrings, .left, leftHamstrings, at: 60, line: 3),
            torque(.quadriceps, .right, 100, at: 60, line: 4),
            torque(.hamstrings, .right, rightHamstrings, at: 60, line: 5),
        ]
        let info = SessionInfo(
            athlete: "A01", date: day, name: name, sex: .female, bodyMassKg: 61.5, sources: ["team.csv"])
        return Analyzer().assess(measurements, sessions: [SessionKey(athlete: "A01", date: day): info])[0]
    }

    static func report(_ assessments: [Assessment]) -> ScreeningReport {
        let summary = ImportSummary(
            files: [
                FileImportSummary(
                    path: "team.csv", format: "generic-long", dialect: nil,
                    counts: RowCounts(rowsRead: 5, rowsImported: 4, rowsSkipped: 1), measurements: 4, failed: false)
            ],
            diagnostics: [
                Diagnostic(
                    file: "team.csv", line: 6, severity: .warning,
                    message: "skipped 1 row: value is 0 (test not performed?)")
            ])
        // The report's day is fixed, so "days since the last test" is the same on every run.
        return ScreeningReport.build(
            importSummary: summary, assessments: assessments, profile: .defaultV1, generator: "hqscreen test",
            today: TestDate(year: 2026, month: 2, day: 1)!)
    }
}
