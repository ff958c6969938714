import Foundation
import StrengthModel
import Testing

@Suite("Source locations")
struct SourceLocationTests {
    @Test("a file keeps one number; the name comes back from it; a renamed location is another file")
    func numbering() {
        let name = "source-location-test-\(UUID().uuidString).csv"
        let first = SourceLocation(file: name, line: 2)
        let second = SourceLocation(file: String(decoding: Array(name.utf8), as: UTF8.self), line: 3)
        #expect(first.fileNumber == second.fileNumber)
        #expect(second.file == name)
        #expect(SourceLocation(fileNumber: first.fileNumber, line: 2) == first)
        var renamed = second
        renamed.file = "upload.csv"
        #expect(renamed.file == "upload.csv")
        #expect(renamed.fileNumber != first.fileNumber)
        #expect(renamed.line == 3)
    }

    @Test("JSON names the file, not its number, and reads back equal")
    func codable() throws {
        let location = SourceLocation(file: "team.csv", line: 14)
        let data = try JSONEncoder().encode(location)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["file"] as? String == "team.csv")
        #expect(object?["line"] as? Int == 14)
        #expect(object?.count == 2)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == location)
    }

    @Test("numbers given from many threads at once are one per name")
    func concurrent() async {
        let names = (0..<20).map { "concurrent-\($0)-\(UUID().uuidString).csv" }
        let numbers = await withTaskGroup(of: [UInt32].self) { group in
            for _ in 0..<8 { group.addTask { names.map { SourceFiles.number($0) } } }
            var all: [[UInt32]] = []
            for await numbers in group { all.append(numbers) }
            return all
        }
        #expect(Set(numbers).count == 1)
        #expect(Set(numbers[0]).count == names.count)
        #expect(numbers[0].map(SourceFiles.name) == names)
    }
}
