import Foundation
import Testing

/// One malformed or unusual input and the outcome it must have, from Tests/Corpus/cases.json
/// (written by Tests/Corpus/make_corpus.py, where each expectation sits next to its input).
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var file: String
    var args: [String]
    var exit: Int32
    var counts: [Int]
    /// `line:column: severity: message`, `-` for no line or column, sorted.
    var diagnostics: [String]
    /// The severities compared; device exports name many unused columns, so some cases leave `info` out.
    var compare: Set<String>
    /// Column number → what it must be read as (null: not used), where a case checks it.
    var columns: [String: String?]

    var testDescription: String { file }

    static let all: [CorpusCase] = {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/cases.json")
        guard let data = try? Data(contentsOf: url),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { item in
            CorpusCase(
                file: item["file"] as? String ?? "", args: item["args"] as? [String] ?? [],
                exit: Int32(item["exit"] as? Int ?? -1), counts: item["counts"] as? [Int] ?? [],
                diagnostics: item["diagnostics"] as? [String] ?? [],
                compare: Set(item["compare"] as? [String] ?? []),
                columns: (item["columns"] as? [String: Any])?.mapValues { $0 as? String } ?? [:])
        }
    }()
}

@Suite("Malformed-input corpus: exit status, accounting and every diagnostic")
struct CorpusTests {
    @Test("the corpus has at least 100 cases")
    func size() {
        #expect(CorpusCase.all.count >= 100)
    }

    @Test("check --format json", arguments: CorpusCase.all)
    func check(_ corpusCase: CorpusCase) throws {
        let path = "Tests/Corpus/files/" + corpusCase.file
        let result = try CLIRunner.run(["check", "--format", "json", path] + corpusCase.args)
        #expect(result.status == corpusCase.exit, "stderr: \(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["import"] as? [String: Any])
        let counts = ["rowsRead", "rowsImported", "rowsSkipped", "rowsRejected"].map { summary[$0] as? Int ?? -1 }
        #expect(counts == corpusCase.counts)
        #expect(counts[0] == counts[1] + counts[2] + counts[3])
        let diagnostics = (summary["diagnostics"] as? [[String: Any]] ?? [])
            .filter { corpusCase.compare.contains($0["severity"] as? String ?? "") }
            .map { d in
                let line = (d["line"] as? Int).map(String.init) ?? "-"
                let column = (d["column"] as? Int).map(String.init) ?? "-"
                return "\(line):\(column): \(d["severity"] as? String ?? ""): \(d["message"] as? String ?? "")"
            }
            .sorted()
        #expect(diagnostics == corpusCase.diagnostics)
        if !corpusCase.columns.isEmpty {
            let file = try #require((summary["files"] as? [[String: Any]])?.first)
            var readAs: [String: String?] = [:]
            for column in file["columns"] as? [[String: Any]] ?? [] {
                readAs[String(column["column"] as? Int ?? 0)] = column["readAs"] as? String
            }
            for (column, expected) in corpusCase.columns { #expect(readAs[column] == expected, "column \(column)") }
        }
    }
}
