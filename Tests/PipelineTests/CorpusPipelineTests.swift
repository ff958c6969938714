import Foundation
import StrengthModel
import Testing

@Suite("Every corpus file and sample through every renderer")
struct CorpusPipelineTests {
    static let inputs: [String] = {
        let root = WholePipeline.packageRoot
        var paths: [String] = []
        for folder in ["Tests/Corpus/files", "SampleData", "SampleData/exports", "SampleData/runner"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/" + folder)) ?? []
            paths += names.filter { $0.hasSuffix(".csv") }.sorted().map { "\(root.path)/\(folder)/\($0)" }
        }
        return paths
    }()

    @Test("the corpus and the samples are found")
    func found() {
        #expect(Self.inputs.count >= 130)
    }

    @Test(
        "no crash; the accounting balances; the JSON parses; text never carries raw control characters from input",
        arguments: inputs)
    func pipeline(_ path: String) throws {
        let outcome = try WholePipeline.run([path])
        #expect(outcome.summary.counts.isBalanced)
        #expect(outcome.summary.files.allSatisfy { $0.counts.isBalanced })
        #expect((try? JSONSerialization.jsonObject(with: Data(outcome.json.utf8))) != nil)
        // The only escape sequences in coloured text are HQScreen's own SGR codes (ESC [ … m).
        for text in [outcome.text, outcome.markdown] {
            let stripped = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(
                !stripped.unicodeScalars.contains {
                    ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                })
            #expect(!stripped.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
        }
        if !outcome.report.entries.isEmpty { #expect(outcome.pdf?.starts(with: Array("%PDF".utf8)) == true) }
    }
}
