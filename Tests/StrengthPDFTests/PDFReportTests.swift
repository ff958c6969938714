import Foundation
import StrengthAnalysis
import StrengthModel
import StrengthReport
import TestFolders
import Testing

@testable import StrengthPDF

@Suite("PDF report")
struct PDFReportTests {
    static let day = TestDate(year: 2026, month: 1, day: 12)!

    static func report(name: String) -> ScreeningReport {
        func torque(_ muscle: MuscleGroup, _ side: Side, _ value: Double, line: Int) -> StrengthModel.Measurement {
            StrengthModel.Measurement(
                athlete: "A01", date: day, side: side, muscle: muscle, contraction: .concentric, velocity: 60,
                value: Quantity(value, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic,
                source: SourceLocation(file: "team.csv", line: line))
        }
        let measurements = [
            torque(.quadriceps, .left, 100, line: 2), torque(.hamstrings, .left, 44, line: 3),
            torque(.quadriceps, .right, 100, line: 4), torque(.hamstrings, .right, 62, line: 5),
        ]
        let info = SessionInfo(athlete: "A01", date: day, name: name, sex: .female, bodyMassKg: 61.5)
        let assessments = Analyzer().assess(measurements, sessions: [SessionKey(athlete: "A01", date: day): info])
        return ScreeningReport.build(
            importSummary: ImportSummary(files: [], diagnostics: []), assessments: assessments, profile: .defaultV1,
            generator: "hqscreen test")
    }

    /// Text of a PDF through poppler's pdftotext, when the machine has it (CI installs it).
    static func text(of pdf: [UInt8]) throws -> String? {
        let tool = "/usr/bin/pdftotext"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let path = TestFolders.file("\(UUID().uuidString).pdf")
        try Data(pdf).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", path.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a PDF with a findings page and an exercise sheet, A4 or Letter")
    func structure() throws {
        let a4 = try #require(PDFReport.render(Self.report(name: "Zoë O'Brien"), paper: .a4))
        #expect(Array(a4.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: a4, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 595.28 841.89 ]"))
        // One athlete-session: a findings page and the exercise sheet.
        #expect(text.components(separatedBy: "<< /Type /Page %").count - 1 == 2)
        let letter = try #require(PDFReport.render(Self.report(name: "Sam"), paper: .letter))
        #expect(String(decoding: letter, as: UTF8.self).contains("/MediaBox [ 0 0 612 792 ]"))
    }

    @Test("the PDF's text shows the athlete, the findings and every exercise")
    func roundTrip() throws {
        let pdf = try #require(PDFReport.render(Self.report(name: "Zoë O'Brien"), paper: .a4))
        guard let text = try Self.text(of: pdf) else { return }
        #expect(text.contains("Zoë O'Brien"))
        #expect(text.contains("Hcon/Qcon 60°/s"))
        #expect(text.contains("Left hamstrings produce 0.44 of the quadriceps' torque at 60°/s"))
        for exercise in ["Hip raise", "Leg curl on a ball or foam roller"] {
            #expect(text.contains(exercise), "\(exercise)")
        }
        #expect(text.contains("Retest in 6 weeks (around 2026-02-23)"))
    }
}
