import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthReport
import Testing

/// A runner's gym log is a history: windows of days, working sets only, curls and extensions paired
/// across days, one machine per trend line.
@Suite("Training-log windows")
struct TrainingLogTests {
    static let strongHeader =
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"

    static func strong(_ sets: [(date: String, exercise: String, order: String, kg: Double, reps: Int)]) -> String {
        ([strongHeader]
            + sets.map { "\($0.date) 18:00:00,\"Legs\",50m,\"\($0.exercise)\",\($0.order),\($0.kg),\($0.reps),0,0,,," })
            .joined(separator: "\n") + "\n"
    }

    func assess(
        _ text: String, name: String, window: Int = 28, options: ImportOptions = ImportOptions(weightUnit: .kilogram)
    )
        throws -> [Assessment]
    {
        let path = try WholePipeline.temporaryFile(name, Array(text.utf8))
        let result = Importer(options: options).importFiles([path])
        return Analyzer(windowDays: window).assess(result.measurements, sessions: result.sessions)
    }

    func runner(_ file: String) throws -> [Assessment] {
        let path = WholePipeline.packageRoot.path + "/SampleData/runner/" + file
        let result = Importer(options: ImportOptions(weightUnit: .kilogram)).importFiles([path])
        return Analyzer().assess(result.measurements, sessions: result.sessions)
    }

    @Test(
        "26 weeks of Monday curls and Thursday extensions: 7 windows, a ratio in each",
        arguments: ["alex_strong.csv", "alex_hevy.csv"])
    func runnerLog(_ file: String) throws {
        let assessments = try runner(file)
        // Last workout Thursday 2026-04-30; the first, Monday 2025-11-03, is 178 days earlier: windows 0–6.
        #expect(assessments.count == 7)
        #expect(assessments.allSatisfy { $0.findings.contains { $0.measure == .machine1RMHQ } })
        let last = try #require(assessments.last)
        #expect(last.window == DateWindow(start: TestDate(iso: "2026-04-03")!, end: TestDate(iso: "2026-04-30")!))
        #expect(last.date.description == "2026-04-30")
        #expect(last.workouts.count == 8)
        let ratio = try #require(last.findings.first { $0.measure == .machine1RMHQ })
        // Best working sets of the window: lying curl 29.5 kg × 8 (2026-04-27), extension 62.5 kg × 8
        // (2026-04-30); the warm-ups and the drop sets (19.5 × 12, 47.5 × 12) do not count. Epley at equal
        // repetitions cancels: 29.5 × (1 + 8/30) ÷ (62.5 × (1 + 8/30)) = 29.5 ÷ 62.5 = 0.472.
        #expect(abs(ratio.value - 29.5 / 62.5) < 1e-12)
        #expect(ratio.exercise == "lying leg curl")
        #expect(ratio.measurements.map(\.date.description) == ["2026-04-27", "2026-04-30"])
        #expect(abs(ratio.inputs[0].value - 29.5 * (1 + 8.0 / 30)) < 1e-9)
        // The switch from the seated to the lying curl (2026-02-23): the window after it starts a new line.
        let switched = assessments[5].findings.first { $0.measure == .machine1RMHQ }
        #expect(switched?.exercise == "lying leg curl")
        #expect(switched?.change == nil)
        #expect(
            switched?.caveats.contains { $0.hasPrefix("The leg curl machine changed from the seated leg curl") } == true
        )
        // The window with two seated and two lying Mondays pairs one machine and names the other.
        #expect(assessments[4].notes.contains { $0.contains("lying leg curl (6 sets) is a different machine") })
    }

    @Test("window edges: a set 27 days before the last workout is in the last window, 28 days before is not")
    func edges() throws {
        let text = Self.strong([
            ("2026-03-04", "Leg Extension (Machine)", "1", 50, 8),  // 28 days before 2026-04-01: the window before
            ("2026-03-05", "Seated Leg Curl (Machine)", "1", 30, 8),  // 27 days before: the last window
            ("2026-04-01", "Leg Extension (Machine)", "1", 60, 8),
        ])
        let assessments = try assess(text, name: "edges.csv")
        #expect(assessments.count == 2)
        #expect(
            assessments[0].window == DateWindow(start: TestDate(iso: "2026-02-05")!, end: TestDate(iso: "2026-03-04")!))
        #expect(
            assessments[1].window == DateWindow(start: TestDate(iso: "2026-03-05")!, end: TestDate(iso: "2026-04-01")!))
        // 30 ÷ 60 = 0.50 in the last window (the curl of 2026-03-05 and the extension of 2026-04-01).
        #expect(assessments[1].findings.first { $0.measure == .machine1RMHQ }?.value == 0.5)
        #expect(assessments[0].findings.isEmpty)
        #expect(
            assessments[0].notes == [
                "the log has leg extension sets but no leg curl in this window, so no ratio: do a 5–10 repetition "
                    + "maximum on the leg curl machine within the same weeks as your leg extension and log it"
            ])
    }

    @Test("--window 1 judges every workout on its own")
    func perWorkout() throws {
        let text = Self.strong([
            ("2026-03-02", "Seated Leg Curl (Machine)", "1", 30, 8),
            ("2026-03-05", "Leg Extension (Machine)", "1", 60, 8),
            ("2026-03-09", "Seated Leg Curl (Machine)", "1", 31, 8),
            ("2026-03-09", "Leg Extension (Machine)", "1", 61, 8),
        ])
        let assessments = try assess(text, name: "daily.csv", window: 1)
        #expect(assessments.map(\.date.description) == ["2026-03-02", "2026-03-05", "2026-03-09"])
        #expect(assessments.map { $0.findings.count } == [0, 0, 1])
        #expect(assessments.allSatisfy { $0.window?.days == 1 })
    }

    @Test("only working sets count: Strong W and D, Hevy warmup and dropset, Fitbod's warm-up flag")
    func workingSets() throws {
        // A drop set whose estimate would win (42 × 6 → 50.4) and a warm-up (45 × 2 → 48) are not used:
        // the working 40 × 5 gives 40 × (1 + 5/30) = 46.667; F (failure) sets are working sets.
        let strong = Self.strong([
            ("2026-03-02", "Seated Leg Curl (Machine)", "W", 45, 2),
            ("2026-03-02", "Seated Leg Curl (Machine)", "1", 40, 5),
            ("2026-03-02", "Seated Leg Curl (Machine)", "D", 42, 6),
            ("2026-03-02", "Leg Extension (Machine)", "F", 70, 5),
        ])
        let fromStrong = try #require(try assess(strong, name: "marks-strong.csv").last?.findings.first)
        #expect(abs(fromStrong.inputs[0].value - 40 * (1 + 5.0 / 30)) < 1e-9)
        #expect(abs(fromStrong.value - 40.0 / 70) < 1e-12)
        let hevy = """
            "title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"
            "Legs","2 Mar 2026, 18:00","2 Mar 2026, 19:00","","Seated Leg Curl (Machine)",,"",0,"warmup",45,2,,0,
            "Legs","2 Mar 2026, 18:00","2 Mar 2026, 19:00","","Seated Leg Curl (Machine)",,"",1,"normal",40,5,,0,
            "Legs","2 Mar 2026, 18:00","2 Mar 2026, 19:00","","Seated Leg Curl (Machine)",,"",2,"dropset",42,6,,0,
            "Legs","2 Mar 2026, 18:00","2 Mar 2026, 19:00","","Leg Extension (Machine)",,"",3,"failure",70,5,,0,

            """
        let fromHevy = try #require(try assess(hevy, name: "marks-hevy.csv").last?.findings.first)
        #expect(abs(fromHevy.value - 40.0 / 70) < 1e-12)
        let fitbod = """
            Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier
            2026-03-02 06:54:26 +0000,Leg Curl,2,45.0,0,0,0,0,true,,1.0
            2026-03-02 06:54:26 +0000,Leg Curl,5,40.0,0,0,0,0,false,,1.0
            2026-03-02 06:54:26 +0000,Leg Extension,5,70.0,0,0,0,0,false,,1.0

            """
        let fromFitbod = try #require(try assess(fitbod, name: "marks-fitbod.csv").last?.findings.first)
        #expect(abs(fromFitbod.value - 40.0 / 70) < 1e-12)
    }

    @Test("implausible ratios and 1RM jumps are warned about, naming the likely cause")
    func plausibility() throws {
        // Ratio 60 ÷ 60 = 1.00 > 0.9. The extension 1RM goes 50 → 70 kg (+40%) between neighbouring windows.
        let text = Self.strong([
            ("2026-02-02", "Seated Leg Curl (Machine)", "1", 30, 8),
            ("2026-02-05", "Leg Extension (Machine)", "1", 50, 8),
            ("2026-03-02", "Seated Leg Curl (Machine)", "1", 70, 8),
            ("2026-03-05", "Leg Extension (Machine)", "1", 70, 8),
        ])
        let assessments = try assess(text, name: "implausible.csv")
        #expect(assessments.count == 2)
        let latest = try #require(assessments.last?.findings.first { $0.measure == .machine1RMHQ })
        #expect(latest.value == 1.0)
        #expect(
            latest.caveats.contains(
                "A curl ÷ extension ratio of 1.00 is outside the 0.20–0.90 these machines give: check for weights in the "
                    + "wrong unit (kg against lb), an exercise mapped to the wrong kind (--exercise), or a drop set logged "
                    + "as a working set."))
        // Epley 50 × (1 + 8/30) = 63.3 → 70 × (1 + 8/30) = 88.7: +40%; the curl 38.0 → 88.7: +133%.
        #expect(
            latest.caveats.contains { $0.hasPrefix("The leg extension 1RM rose 40% since 2026-02-05 (63.3 → 88.7 kg)") }
        )
        #expect(latest.caveats.contains { $0.hasPrefix("The seated leg curl 1RM rose 133% since 2026-02-05") })
    }

    @Test("a log with squats and deadlifts only says exactly how to get a ratio, in the report itself")
    func noKneeWork() throws {
        let text = Self.strong([
            ("2026-03-02", "Squat (Barbell)", "1", 80, 5), ("2026-03-02", "Romanian Deadlift (Barbell)", "1", 70, 8),
            ("2026-03-05", "Squat (Barbell)", "1", 82.5, 5), ("2026-03-05", "Hamstring Machine", "1", 40, 8),
        ])
        let path = try WholePipeline.temporaryFile("squats.csv", Array(text.utf8))
        let outcome = try WholePipeline.run([path], options: ImportOptions(weightUnit: .kilogram))
        #expect(outcome.report.entries.isEmpty)
        #expect(
            TrainingLogText.guidance(outcome.summary) == [
                "\(path) has no leg curl or leg extension sets (it has Squat (Barbell) (2 sets), Hamstring Machine "
                    + "(1 set), Romanian Deadlift (Barbell) (1 set)), so no hamstrings:quadriceps ratio can be worked out. "
                    + "To get one, do a 5–10 repetition maximum on the leg curl and the leg extension machines in the same "
                    + "week, and log both. If Hamstring Machine is a leg curl or a leg extension, say so: "
                    + "--exercise 'Hamstring Machine=leg-curl' (or =leg-extension)."
            ])
        // The terminal text wraps at 100 columns, where depends on the folder's name: compared unwrapped.
        let unwrapped = outcome.text.replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.contains("squats.csv has no leg curl or leg extension sets (it has Squat (Barbell) (2 sets)"))
        #expect(outcome.text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
}
