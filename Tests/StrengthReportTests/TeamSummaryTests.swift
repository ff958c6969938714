import Foundation
import StrengthAnalysis
import StrengthModel
import Synchronization
import Testing

@testable import StrengthReport

/// The team pack a physio triages from: order, overdue retests, counts, and the same in CSV and JSON.
@Suite("Team summary")
struct TeamSummaryTests {
    static let first = TestDate(year: 2026, month: 1, day: 12)!
    static let second = TestDate(year: 2026, month: 2, day: 23)!

    /// Left 60°/s hamstrings against 100 Nm quadriceps, on each date given.
    static func athlete(_ id: String, _ ratios: [(TestDate, Double)]) -> [StrengthModel.Measurement] {
        ratios.flatMap { date, ratio in
            [
                StrengthModel.Measurement(
                    athlete: id, date: date, side: .left, muscle: .quadriceps, contraction: .concentric, velocity: 60,
                    value: Quantity(100, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic,
                    gravityCorrected: true, source: SourceLocation(file: "t.csv", line: 2)),
                StrengthModel.Measurement(
                    athlete: id, date: date, side: .left, muscle: .hamstrings, contraction: .concentric, velocity: 60,
                    value: Quantity(ratio * 100, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic,
                    gravityCorrected: true, source: SourceLocation(file: "t.csv", line: 3)),
            ]
        }
    }

    static func report(today: TestDate) -> ScreeningReport {
        var measurements: [StrengthModel.Measurement] = athlete("FAR", [(second, 0.40)])
        measurements += athlete("WORSE", [(first, 0.55), (second, 0.45)])
        measurements += athlete("AMB1", [(second, 0.50)])
        measurements += athlete("AMB2", [(second, 0.55)])
        measurements += athlete("OK", [(first, 0.65)])
        return ScreeningReport.build(
            importSummary: ImportSummary(files: [], diagnostics: []),
            assessments: Analyzer().assess(measurements, sessions: [:]), profile: .defaultV1, generator: "test",
            today: today)
    }

    @Test("ordered by band, then a band that got worse, then how far beyond the cut-off")
    func order() {
        // Red: WORSE (0.45, was amber) before FAR (0.40, (0.47 − 0.40) ÷ 0.47 = 0.149 beyond) — deterioration first.
        // Amber: AMB1 (0.50: (0.60 − 0.50) ÷ 0.60 = 0.167 beyond 0.60) before AMB2 (0.55: 0.083). Then green.
        let rows = Self.report(today: TestDate(year: 2026, month: 3, day: 1)!).teamRows
        #expect(rows.map(\.latest.athlete) == ["WORSE", "FAR", "AMB1", "AMB2", "OK"])
        #expect(rows.map(\.deteriorated) == [true, false, false, false, false])
        #expect(abs(rows[1].beyondCutoff - 0.07 / 0.47) < 1e-9)
        #expect(abs(rows[2].beyondCutoff - 0.1 / 0.6) < 1e-9)
    }

    @Test("days since the last test and an overdue flag beyond the retest interval")
    func overdue() {
        // OK was tested on 2026-01-12; six weeks on is 2026-02-23.
        let early = Self.report(today: TestDate(year: 2026, month: 2, day: 23)!).teamRows.first {
            $0.latest.athlete == "OK"
        }
        #expect(early?.daysSinceTest == 42)
        #expect(early?.retestDue.description == "2026-02-23")
        #expect(early?.overdue == false)
        let late = Self.report(today: TestDate(year: 2026, month: 2, day: 24)!).teamRows.first {
            $0.latest.athlete == "OK"
        }
        #expect(late?.overdue == true)
        let text = TextReport.render(
            Self.report(today: TestDate(year: 2026, month: 2, day: 24)!), style: TextStyle(color: false))
        #expect(text.contains("Team summary · 2 red · 2 amber · 1 green (latest test per athlete, most urgent first)"))
        // Names are padded to at least 8 characters.
        #expect(
            text.contains(
                "  OK        2026-01-12  green   all measures with a cut-off in range  · 43 days ago OVERDUE (due 2026-02-23)"
            ))
        #expect(
            text.contains(
                "  WORSE     2026-02-23  RED     Hcon/Qcon 60°/s 0.45 (left)  −0.10 since 2026-01-12  · was AMBER on 2026-01-12  · 1 day ago"
            ))
    }

    @Test("CSV: a byte-order mark for spreadsheets, the new columns, and no mark for pipelines")
    func csv() throws {
        let report = Self.report(today: TestDate(year: 2026, month: 3, day: 1)!)
        let csv = CSVSummary.render(report)
        #expect(csv.hasPrefix("\u{FEFF}athlete,name,date,"))
        #expect(!CSVSummary.render(report, byteOrderMark: false).hasPrefix("\u{FEFF}"))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(
            header.suffix(6) == ["latest", "previous_band", "change_since_previous", "sport", "involved_side", "age"])
        let worse = lines.filter { $0.hasPrefix("WORSE,") }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(worse.count == 2)
        // First test: not the latest, no previous. Retest: latest, was amber, 0.45 − 0.55 = −0.1.
        #expect(Array(worse[0].suffix(6)) == ["false", "", "", "", "", ""])
        #expect(Array(worse[1].suffix(6)) == ["true", "amber", "-0.1000", "", "", ""])
    }

    /// Both legs' concentric quadriceps at `velocity` on `date`, for a between-leg difference.
    static func quadriceps(_ id: String, _ date: TestDate, velocity: Double, left: Double, right: Double)
        -> [StrengthModel.Measurement]
    {
        [(Side.left, left), (.right, right)].map { side, newtons in
            StrengthModel.Measurement(
                athlete: id, date: date, side: side, muscle: .quadriceps, contraction: .concentric, velocity: velocity,
                value: Quantity(newtons, .newtonMetre), sourceUnit: .newtonMetre, method: .isokinetic,
                gravityCorrected: true, source: SourceLocation(file: "t.csv", line: 2))
        }
    }

    @Test("CSV: each row names its own largest difference, however the sessions before it were labelled")
    func csvLargestDifference() throws {
        // 1st: 60°/s (200 − 150) ÷ 200 = 25 %, 180°/s 10 %. 2nd: the same 60°/s; 180°/s (200 − 100) ÷ 200 =
        // 50 %. 3rd: back to 60°/s, (100 − 88) ÷ 100 = 12 %.
        let third = TestDate(year: 2026, month: 4, day: 6)!
        var measurements = Self.quadriceps("LEGS", Self.first, velocity: 60, left: 200, right: 150)
        measurements += Self.quadriceps("LEGS", Self.first, velocity: 180, left: 100, right: 90)
        measurements += Self.quadriceps("LEGS", Self.second, velocity: 60, left: 200, right: 150)
        measurements += Self.quadriceps("LEGS", Self.second, velocity: 180, left: 100, right: 200)
        measurements += Self.quadriceps("LEGS", third, velocity: 60, left: 88, right: 100.0)
        let report = ScreeningReport.build(
            importSummary: ImportSummary(files: [], diagnostics: []),
            assessments: Analyzer().assess(measurements, sessions: [:]), profile: .defaultV1, generator: "test",
            today: third)
        let lines = CSVSummary.render(report, byteOrderMark: false).components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let (pct, measure, side) = try (
            #require(header.firstIndex(of: "max_asymmetry_pct")),
            #require(header.firstIndex(of: "max_asymmetry_measure")),
            #require(header.firstIndex(of: "weaker_side"))
        )
        let rows = lines.dropFirst().filter { !$0.isEmpty }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.map { $0[pct] } == ["25.0", "50.0", "12.0"])
        #expect(rows.map { $0[measure] } == ["Quadriceps con 60°/s", "Quadriceps con 180°/s", "Quadriceps con 60°/s"])
        #expect(rows.map { $0[side] } == ["right", "left", "left"])
        // Number cells: no body mass, no Hcon/Qcon without hamstrings, so empty between their commas.
        #expect(rows.allSatisfy { $0[header.firstIndex(of: "body_mass_kg")!] == "" && $0[8] == "" })
    }

    @Test("JSON: a teamSummary object with counts and rows in the same order")
    func json() throws {
        let text = try JSONReport.render(Self.report(today: TestDate(year: 2026, month: 3, day: 1)!))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(document["teamSummary"] as? [String: Any])
        #expect(summary["today"] as? String == "2026-03-01")
        #expect(summary["counts"] as? [String: Int] == ["red": 2, "amber": 2, "green": 1, "info": 0])
        let rows = try #require(summary["rows"] as? [[String: Any]])
        #expect(rows.map { $0["athlete"] as? String } == ["WORSE", "FAR", "AMB1", "AMB2", "OK"])
        #expect(rows[0]["decidingMeasure"] as? String == "Hcon/Qcon 60°/s")
        #expect(rows[0]["decidingValue"] as? Double == 0.45)
        #expect(rows[0]["changeSincePrevious"] as? Double == -0.1)
        #expect(rows[0]["previousBand"] as? String == "amber")
        #expect(rows[4]["overdue"] as? Bool == true)
        #expect(rows[4]["daysSinceTest"] as? Int == 48)
    }

    @Test("squad-relative standing for the key ratios from ten athletes tested alike, and not below that")
    func percentile() throws {
        func squad(_ count: Int) -> ScreeningReport {
            var measurements: [StrengthModel.Measurement] = []
            // Left Hcon/Qcon 60°/s of 0.40, 0.42, … : one athlete each.
            for i in 0..<count { measurements += Self.athlete("P\(i)", [(Self.second, 0.40 + Double(i) * 0.02)]) }
            return ScreeningReport.build(
                importSummary: ImportSummary(files: [], diagnostics: []),
                assessments: Analyzer().assess(measurements, sessions: [:]), profile: .defaultV1, generator: "test")
        }
        let ten = squad(10)
        func percentile(_ report: ScreeningReport, _ id: String) -> Int? {
            report.entries.first { $0.assessment.athlete == id }?.assessment.findings.first {
                $0.measure == .conventionalHQ
            }?.squadPercentile
        }
        // The lowest of ten: (0 below + ½ equal) ÷ 10 = 5%; the sixth (0.50): (5 + ½) ÷ 10 = 55%.
        #expect(percentile(ten, "P0") == 5)
        #expect(percentile(ten, "P5") == 55)
        #expect(percentile(squad(9), "P0") == nil)
        let text = TextReport.render(ten, style: TextStyle(color: false))
        #expect(
            text.contains(
                "Within this squad of 10 athletes (squad-relative, not a norm): Hcon/Qcon 60°/s left 5th\n     percentile."
            ))
    }
}

@Suite("CSV cells kept per thread")
struct RepeatedCellsTests {
    @Test("a list cell is the list's own, whichever lists came before and however many were forgotten")
    func lists() {
        let cells = RepeatedCells()
        // One more list than is kept, twice round: the first is made again after it was dropped.
        let lists = (0...RepeatedCells.listsKept).map { ["population \($0)", "shared, with a comma"] }
        for _ in 0..<2 {
            for items in lists {
                #expect(cells.list(items, as: .populations) == "\"\(items[0]); shared, with a comma\"")
            }
        }
        #expect(cells.list([], as: .populations) == "")
        #expect(cells.list(["=1+1"], as: .sources) == "'=1+1")
    }

    @Test("a label cell is the finding's own, past the number of labels kept")
    func labels() {
        let cells = RepeatedCells()
        for velocity in 1...(RepeatedCells.maxLabels + 10) {
            let finding = Finding(
                measure: .asymmetry, velocity: Double(velocity), muscle: .hamstrings, contraction: .eccentric,
                value: 12, band: .amber, reason: "", threshold: nil, inputs: [], measurements: [])
            #expect(cells.label(finding) == "Hamstrings ecc \(velocity)°/s")
        }
    }

    @Test("labels are told apart by every case they are made of, and −0°/s is 0°/s")
    func labelKeys() {
        let cells = RepeatedCells()
        func difference(_ muscle: MuscleGroup, _ contraction: Contraction?, velocity: Double?) -> Finding {
            Finding(
                measure: .asymmetry, velocity: velocity, muscle: muscle, contraction: contraction, value: 12,
                band: .amber, reason: "", threshold: nil, inputs: [], measurements: [])
        }
        #expect(cells.label(difference(.hamstrings, .concentric, velocity: 60)) == "Hamstrings con 60°/s")
        #expect(cells.label(difference(.hamstrings, .eccentric, velocity: 60)) == "Hamstrings ecc 60°/s")
        #expect(cells.label(difference(.quadriceps, .concentric, velocity: 60)) == "Quadriceps con 60°/s")
        #expect(cells.label(difference(.hamstrings, .concentric, velocity: 60)) == "Hamstrings con 60°/s")
        let zero = RepeatedCells.LabelSource(difference(.hamstrings, .isometric, velocity: 0))
        let negativeZero = RepeatedCells.LabelSource(difference(.hamstrings, .isometric, velocity: -0.0))
        #expect(zero == negativeZero)
        #expect(zero.hashValue == negativeZero.hashValue)
        #expect(zero != RepeatedCells.LabelSource(difference(.hamstrings, .isometric, velocity: nil)))
    }

    @Test("each thread has its own cells, the same object on every call")
    func perThread() {
        let here = RepeatedCells.ofThisThread
        #expect(RepeatedCells.ofThisThread === here)
        let hereID = ObjectIdentifier(here)
        let seen = Mutex<(sameAsHere: Bool, sameTwice: Bool)?>(nil)
        let done = DispatchSemaphore(value: 0)
        // `here` is alive until the other thread has looked, so its address cannot be reused meanwhile.
        withExtendedLifetime(here) {
            Thread {
                let there = RepeatedCells.ofThisThread
                seen.withLock { $0 = (ObjectIdentifier(there) == hereID, RepeatedCells.ofThisThread === there) }
                done.signal()
            }.start()
            done.wait()
        }
        #expect(seen.withLock { $0?.sameAsHere } == false)
        #expect(seen.withLock { $0?.sameTwice } == true)
    }
}
