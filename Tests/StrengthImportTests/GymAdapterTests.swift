import Foundation
import StrengthModel
import Testing

@testable import StrengthImport

/// One fixture per gym-app dialect; expected loads are the file's numbers converted by hand.
@Suite("Gym-app exports")
struct GymAdapterTests {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData").appendingPathComponent("exports")

    func sample(_ name: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        Importer(options: options).importFiles([Self.sampleData.appendingPathComponent(name).path])
    }

    func loads(_ result: ImportResult, _ muscle: MuscleGroup) -> [String] {
        result.measurements.filter { $0.muscle == muscle }.map {
            "\(Int(($0.value.si * 1000).rounded()))g×\($0.repetitions ?? 0)\($0.isWarmUp ? "w" : "")"
        }
    }

    @Test("Strong classic: no unit (kg assumed with a warning, lb with --weight-unit), bodyweight rows skipped")
    func strongClassic() throws {
        let result = sample("strong_app.csv")
        #expect(result.file.format == "strong")
        #expect(result.counts == RowCounts(rowsRead: 14, rowsImported: 10, rowsSkipped: 4))
        #expect(loads(result, .quadriceps).first == "110000g×12")
        #expect(
            result.summary.diagnostics.contains {
                $0.message.hasPrefix("the export does not say whether weights are kg or lb")
            })
        let pounds = sample("strong_app.csv", options: ImportOptions(weightUnit: .pound))
        // 110 lb × 0.45359237 = 49.895 kg.
        #expect(loads(pounds, .quadriceps).first == "49895g×12")
        #expect(!pounds.summary.diagnostics.contains { $0.message.hasPrefix("the export does not say") })
        #expect(Set(result.measurements.map(\.date.description)) == ["2024-03-11", "2024-03-14"])
        #expect(
            result.measurements.allSatisfy { $0.athlete == "strong_app" && $0.side == nil && $0.method == .machine1RM })
    }

    @Test("Strong semicolon: fully quoted, unit in the header, empty sets skipped")
    func strongSemicolon() {
        let result = sample("strong_app_semicolon.csv")
        #expect(result.file.format == "strong")
        #expect(result.file.dialect?.delimiter == ";")
        #expect(result.counts == RowCounts(rowsRead: 8, rowsImported: 7, rowsSkipped: 1))
        #expect(loads(result, .hamstrings) == ["18000g×10", "18000g×10", "12900g×12", "15800g×9"])
    }

    @Test("Strong 2025, Android with a Weight Unit column, and French headers")
    func strongDialects() throws {
        let y2025 = try Importer().importText(
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
                + "2025-06-01 10:00:00,\"Legs\",50m,\"Leg Extension (Machine)\",1,50.0,10.0,0,0,\n"
                + "2025-06-01 10:00:00,\"Legs\",50m,\"Rest Timer\",Rest Timer,0,0,0,90,\n",
            name: "strong2025.csv")
        #expect(y2025.file.format == "strong")
        #expect(y2025.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsSkipped: 1))
        #expect(y2025.measurements.map(\.repetitions) == [10])

        let android = try Importer().importText(
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
                + "2025-06-01 10:00:00;Legs;Seated Leg Curl (Machine);1;100;lbs;8;;;;;;;53m\n"
                + "2025-06-01 10:00:00;Legs;Seated Leg Curl (Machine);W;40;kg;12;;;;;;;53m\n")
        #expect(android.file.format == "strong")
        #expect(loads(android, .hamstrings) == ["45359g×8", "40000g×12w"])

        let french = try Importer().importText(
            "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,Notes,Notes d'entraînement,RPE\n"
                + "2024-05-02 18:00:00,\"Jambes\",35min,\"Leg Extension (Machine)\",1,40,10,0,0,,,\n")
        #expect(french.file.format == "strong")
        #expect(loads(french, .quadriceps) == ["40000g×10"])
    }

    @Test("Hevy: set types, dates with month names, weight_lbs")
    func hevy() throws {
        let result = sample("hevy.csv")
        #expect(result.file.format == "hevy")
        #expect(result.counts == RowCounts(rowsRead: 8, rowsImported: 7, rowsSkipped: 1))
        #expect(loads(result, .hamstrings) == ["39000g×10w", "78000g×12", "78000g×10", "45000g×10"])
        #expect(Set(result.measurements.map(\.date.description)) == ["2025-09-15"])
        let imperial = try Importer().importText(
            "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\",\"duration_seconds\",\"rpe\"\n"
                + "\"Legs\",\"2 Jul 2025, 18:10\",\"2 Jul 2025, 19:00\",\"\",\"Leg Extension (Machine)\",,\"\",0,\"normal\",88.18,10,,0,\n"
        )
        #expect(imperial.file.format == "hevy")
        // 88.18 lb × 0.45359237 = 39.998 kg.
        #expect(loads(imperial, .quadriceps) == ["39998g×10"])
        #expect(imperial.measurements.first?.date.description == "2025-07-02")
    }

    @Test("FitNotes: a comma in an unquoted exercise name shifts the row, which is read from the right")
    func fitNotes() throws {
        let result = sample("fitnotes.csv")
        #expect(result.file.format == "fitnotes")
        #expect(result.counts == RowCounts(rowsRead: 8, rowsImported: 6, rowsSkipped: 2))
        #expect(loads(result, .hamstrings) == ["15000g×12", "25000g×12", "22500g×10"])
        let spilled = try Importer().importText(
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
                + "2025-05-07,Leg Curl (Lying, Machine),Legs,20.0,kgs,8,,,\n")
        #expect(spilled.counts == RowCounts(rowsRead: 1, rowsImported: 1))
        #expect(loads(spilled, .hamstrings) == ["20000g×8"])
        let older = try Importer().importText(
            "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment\n"
                + "2020-01-10,Leg Extension Machine,Legs,100.0,10,,,,\n")
        #expect(loads(older, .quadriceps) == ["45359g×10"])
    }

    @Test("Fitbod: warm-up flags and the multiplier")
    func fitbod() throws {
        let result = try Importer().importText(
            "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n"
                + "2026-01-22 06:54:26 +0000,Leg Curl,12,20.0,0,0,0,0,true,,1.0\n"
                + "2026-01-22 06:54:26 +0000,Leg Curl,8,30.0,0,0,0,0,false,,1.0\n"
                + "2026-01-22 06:54:26 +0000,Leg Extension,8,45.359237,0,0,0,0,false,,1.0\n")
        #expect(result.file.format == "fitbod")
        #expect(loads(result, .hamstrings) == ["20000g×12w", "30000g×8"])
        #expect(result.measurements.first?.date.description == "2026-01-22")
    }

    @Test("exercise names: the built-in list, single-leg variants, and --exercise overrides")
    func exercises() {
        let none: [String: ExerciseKind] = [:]
        #expect(ExerciseCatalog.classify("Seated Leg Curl (Machine)", overrides: none) == .exercise(.legCurl))
        #expect(ExerciseCatalog.classify("Lying Leg Curl Machine", overrides: none) == .exercise(.legCurl))
        #expect(ExerciseCatalog.classify("Leg Extension (Machine)", overrides: none) == .exercise(.legExtension))
        #expect(ExerciseCatalog.classify("Single Leg Curl (Each Side)", overrides: none) == .singleLeg(.legCurl))
        #expect(ExerciseCatalog.classify("Glute Ham Raise", overrides: none) == .bodyweight)
        #expect(ExerciseCatalog.classify("Nordic Hamstrings Curls", overrides: none) == .bodyweight)
        #expect(ExerciseCatalog.classify("Squat (Barbell)", overrides: none) == .other)
        let mine = ExerciseCatalog.overrides([("Pin-loaded curl", .legCurl), ("Leg Extension (Machine)", .ignore)])
        #expect(ExerciseCatalog.classify("pin loaded CURL", overrides: mine) == .exercise(.legCurl))
        #expect(ExerciseCatalog.classify("Leg Extension (Machine)", overrides: mine) == .other)
    }

    @Test("a Strong file is never read as generic, nor a generic file as Strong")
    func detection() throws {
        let strongHeader =
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
        let header = strongHeader.split(separator: ",").enumerated().map {
            HeaderColumn(index: $0.offset, text: String($0.element))
        }
        #expect(GenericLongAdapter.identify(header).confidence == 0)
        #expect(GenericWideAdapter.identify(header).confidence == 0)
        let generic = "athlete,date,side,muscle,velocity,torque (Nm),reps".split(separator: ",").enumerated().map {
            HeaderColumn(index: $0.offset, text: String($0.element))
        }
        for adapter in [StrongAdapter.self, HevyAdapter.self, FitNotesAdapter.self, FitbodAdapter.self]
            as [any LayoutAdapter.Type]
        {
            #expect(adapter.identify(generic).confidence == 0, "\(adapter.name)")
        }
    }
}
