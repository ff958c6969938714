import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Malformed files never crash")
struct MalformedFileTests {
    let header = "athlete,date,side,muscle,velocity,torque (Nm)\n"

    @Test("an unterminated quote names its line and column and fails the file")
    func unterminatedQuote() throws {
        let text = header + "A,2024-03-01,L,Q,60,150\nA,2024-03-01,L,\"H,60,80\nA,2024-03-01,R,Q,60,150\n"
        let result = try Importer().importText(text)
        #expect(result.file.failed)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsRejected: 1))
        let error = try #require(result.errors.first)
        #expect((error.line, error.column) == (3, 4))
        #expect(
            error.message
                == "a quoted field opened here is never closed; the last 2 lines of the file could not be read")
    }

    @Test("a quote left open in a large file: the same error, the rest only counted (not held in memory)")
    func unterminatedQuoteInLargeFile() throws {
        let rest = String(repeating: "A,2024-03-01,R,Q,60,150\n", count: 250_000)
        #expect(rest.utf8.count > CSVStreamReader.maxFieldBytes)
        let text = header + "A,2024-03-01,L,Q,60,150\nA,2024-03-01,L,\"H,60,80\n" + rest
        let result = try Importer().importText(text)
        #expect(result.file.failed)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsRejected: 1))
        let error = try #require(result.errors.first)
        #expect((error.line, error.column) == (3, 4))
        #expect(
            error.message
                == "a quoted field opened here is never closed; the last 250001 lines of the file could not be read")
    }

    @Test("stray quotes reject their row and reading goes on")
    func strayQuotes() throws {
        let text =
            header
            + "A,2024-03-01,L,Q,60,150\nA,2024-03-01,L,H\"x,60,80\nA,2024-03-01,R,\"Q\"x,60,150\nA,2024-03-01,R,H,60,90\n"
        let result = try Importer().importText(text)
        #expect(!result.file.failed)
        #expect(result.counts == RowCounts(rowsRead: 4, rowsImported: 2, rowsRejected: 2))
        #expect(result.errors.map { "\($0.line!):\($0.column!)" } == ["3:4", "4:4"])
        #expect(result.measurements.map(\.source.line) == [2, 5])
    }

    @Test("empty, blank, header-only and binary files fail with a message")
    func unreadable() throws {
        let cases: [([UInt8], String)] = [
            ([], "the file is empty"),
            (Array("\n\n  \n".utf8), "the file has no text, only blank lines"),
            (Array(header.utf8), "the file has a header row but no data rows"),
            (
                [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
                "the file is not text (a NUL byte at offset 5); is it a spreadsheet (.xlsx) rather than a CSV?"
            ),
        ]
        for (bytes, message) in cases {
            let result = try Importer().importBytes(bytes)
            #expect(result.file.failed)
            #expect(result.errors.map(\.message) == [message])
        }
    }

    @Test("random bytes never crash the importer")
    func randomBytes() throws {
        var generator = SplitMix64(seed: 42)
        for length in [1, 7, 100, 5000, 70_000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let result = try Importer().importBytes(bytes)
            #expect(result.counts.isBalanced)
            // A file that could not be read always says why.
            #expect(!result.file.failed || !result.errors.isEmpty)
        }
        // Printable junk with delimiters and quotes reaches the parser itself.
        let alphabet = Array("ab,;\"\n\r 1.2-".utf8)
        for round in 0..<50 {
            let bytes = (0..<(200 + round * 37)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = try Importer().importBytes(Array(header.utf8) + bytes)
            #expect(result.counts.isBalanced)
        }
    }

    @Test("a missing file is reported, not thrown")
    func missing() {
        let result = Importer().importFiles(["/nonexistent/team.csv"])
        #expect(result.summary.files[0].failed)
        #expect(result.summary.diagnostics.map(\.message) == ["cannot open the file: No such file or directory"])
    }
}

/// A tiny deterministic generator, so a failure reproduces.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Runaway input")
struct RunawayInputTests {
    @Test("a three-megabyte cell is rejected with a short message")
    func hugeCell() throws {
        let text =
            "athlete,date,side,muscle,velocity,torque (Nm)\nA,2024-01-01,L,Q,60,"
            + String(repeating: "9", count: 3_000_000) + "\n"
        let result = try Importer().importText(text)
        #expect(result.counts == RowCounts(rowsRead: 1, rowsRejected: 1))
        let message = try #require(result.errors.first?.message)
        #expect(message.count == 301)
        #expect(message.hasPrefix("value '999"))
    }

    @Test("an unknown header with thousands of columns names twelve")
    func wideUnknown() throws {
        let header = (0..<5000).map { "c\($0)" }.joined(separator: ",")
        let result = try Importer().importText(
            header + "\n" + Array(repeating: "1", count: 5000).joined(separator: ",") + "\n")
        let message = try #require(result.errors.first?.message)
        #expect(message.hasPrefix("no known layout: the likeliest header row has columns 'c0', 'c1'"))
        #expect(message.contains("'c11' and 4988 more;"))
    }
}
