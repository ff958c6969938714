import CCairo
import Foundation
import StrengthAnalysis
import StrengthModel
import StrengthReport
import TestFolders
import Testing

@testable import StrengthPDF

/// Pages that survive a printer and a squad that fits a binder: budgets, headers, no clipped text.
@Suite("PDF pages")
struct PageBudgetTests {
    static let dates = [
        TestDate(year: 2026, month: 1, day: 12)!, TestDate(year: 2026, month: 2, day: 23)!,
        TestDate(year: 2026, month: 4, day: 6)!,
    ]

    /// A full isokinetic battery per test: 60, 180 and 300°/s both legs, eccentric 30°/s, quadriceps 240°/s.
    static func squad(athletes: Int, tests: (Int) -> Int) -> ScreeningReport {
        var measurements: [StrengthModel.Measurement] = []
        var sessions: [SessionKey: SessionInfo] = [:]
        for i in 0..<athletes {
            let id = String(format: "S%02d", i + 1)
            for (t, date) in dates.prefix(tests(i)).enumerated() {
                func torque(
                    _ muscle: MuscleGroup, _ side: Side, _ value: Double, _ velocity: Double,
                    _ c: Contraction = .concentric
                )
                    -> StrengthModel.Measurement
                {
                    StrengthModel.Measurement(
                        athlete: id, date: date, side: side, muscle: muscle, contraction: c, velocity: velocity,
                        value: Quantity(value, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic,
                        gravityCorrected: true, source: SourceLocation(file: "squad.csv", line: 2))
                }
                let base = 150.0 + Double(i % 7) * 12
                let ratio = 0.44 + Double((i * 7 + t * 3) % 20) / 100
                for side in [Side.left, .right] {
                    let r = side == .left ? ratio : ratio + 0.03
                    measurements += [
                        torque(.quadriceps, side, base, 60), torque(.hamstrings, side, base * r, 60),
                        torque(.quadriceps, side, base * 0.75, 180),
                        torque(.hamstrings, side, base * 0.75 * (r + 0.1), 180),
                        torque(.quadriceps, side, base * 0.6, 300),
                        torque(.hamstrings, side, base * 0.6 * (r + 0.2), 300),
                        torque(.quadriceps, side, base * 0.65, 240),
                        torque(.hamstrings, side, base * 0.65 * (r + 0.6), 30, .eccentric),
                    ]
                }
                sessions[SessionKey(athlete: id, date: date)] = SessionInfo(
                    athlete: id, date: date, name: "Athlete Number \(i + 1) With A Long Double-Barrelled Name",
                    sex: i % 2 == 0 ? .female : .male, age: 24, bodyMassKg: 70, sport: "soccer")
            }
        }
        return ScreeningReport.build(
            importSummary: ImportSummary(files: [], diagnostics: []),
            assessments: Analyzer().assess(measurements, sessions: sessions), profile: .defaultV1, generator: "test",
            today: TestDate(year: 2026, month: 4, day: 20)!)
    }

    @Test("a 40-athlete squad with 2–3 tests each fits in 100 A4 pages, with no text too wide for its box")
    func squadBudget() {
        let report = Self.squad(athletes: 40) { $0 % 2 == 0 ? 3 : 2 }
        let check = PDFReport.check(report)
        #expect(check.pages <= 100, "\(check.pages) pages")
        #expect(check.overflows == [])
    }

    @Test("one athlete with three tests: a clinician report of at most 4 pages, a handout of at most 2")
    func oneAthlete() {
        let report = Self.squad(athletes: 1) { _ in 3 }
        #expect(PDFReport.check(report).pages <= 4)
        #expect(PDFReport.check(report, audience: .athlete).pages <= 2)
        let squad = Self.squad(athletes: 5) { _ in 3 }
        #expect(PDFReport.check(squad, audience: .athlete).pages == 10)
    }

    @Test("every page after the first names its athlete, the test date and page N of M")
    func headers() throws {
        let report = Self.squad(athletes: 3) { _ in 2 }
        let pdf = try #require(PDFReport.render(report))
        let file = TestFolders.file("pages-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return }
        let pages = PDFReport.check(report).pages
        for page in 2...pages {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            process.arguments = ["-f", "\(page)", "-l", "\(page)", file.path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.contains("page \(page) of \(pages)"), "page \(page)")
            #expect(text.contains("Athlete Number") && text.contains("tested 2026-02-23"), "page \(page)")
        }
    }

    @Test("a bullet is a shape of its own: no line joins it to the text before it")
    func bulletPath() {
        let canvas = PDFCanvas(paper: .a4)
        canvas.setFont(size: 10)
        canvas.draw("Some text that ends far to the right", x: 60, baseline: 100)
        canvas.bulletPath(x: 50, y: 120)
        let path = cairo_copy_path(canvas.cr)!
        defer { cairo_path_destroy(path) }
        var types: [cairo_path_data_type_t] = []
        var i = 0
        while i < Int(path.pointee.num_data) {
            let header = path.pointee.data[i].header
            types.append(header.type)
            i += Int(header.length)
        }
        #expect(types.first == CAIRO_PATH_MOVE_TO)
        #expect(!types.contains(CAIRO_PATH_LINE_TO))
        _ = canvas.finish(title: "")
    }
}
