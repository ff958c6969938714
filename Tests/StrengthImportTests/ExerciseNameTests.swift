import Testing

@testable import StrengthImport

@Suite("Exercise names")
struct ExerciseNameTests {
    @Test("a key contains a word wherever it is, and only whole")
    func bytes() {
        #expect(Vocabulary.contains("lyinglegcurlmachine", "legcurl"))
        #expect(Vocabulary.contains("legcurl", "legcurl"))
        #expect(Vocabulary.contains("seatedlegcurl", "curl"))
        #expect(!Vocabulary.contains("legcur", "legcurl"))
        #expect(!Vocabulary.contains("legxcurl", "legcurl"))
        #expect(Vocabulary.contains("anything", ""))
        #expect(!Vocabulary.contains("", "curl"))
        #expect(Vocabulary.contains("curlsüper", "curl"))
        #expect(Vocabulary.contains("überlegcurl", "legcurl"))
    }

    @Test("names read as the catalogue says, the same when repeated")
    func classify() {
        #expect(ExerciseCatalog.classify("Lying Leg Curl (Machine)", overrides: [:]) == .exercise(.legCurl))
        #expect(ExerciseCatalog.classify("Leg Extension", overrides: [:]) == .exercise(.legExtension))
        #expect(ExerciseCatalog.classify("Single Leg Curl", overrides: [:]) == .singleLeg(.legCurl))
        #expect(ExerciseCatalog.classify("Nordic Hamstring Curl", overrides: [:]) == .bodyweight)
        #expect(ExerciseCatalog.classify("Squat (Barbell)", overrides: [:]) == .other)
    }
}
