import Testing

@testable import StrengthStore

@Suite("The export's cells")
struct ExportedTestTests {
    @Test("text cells: quoted when they hold a comma, quote or line break (CRLF too), a formula's start neutralised")
    func cells() {
        #expect(ExportedTest.csvCell("A-17") == "A-17")
        #expect(ExportedTest.csvCell("") == "")
        #expect(ExportedTest.csvCell("Núñez, Ana") == "\"Núñez, Ana\"")
        #expect(ExportedTest.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ExportedTest.csvCell("two\r\nlines") == "\"two\r\nlines\"")
        #expect(ExportedTest.csvCell("=1+1") == "'=1+1")
        #expect(ExportedTest.csvCell("-3,5") == "\"'-3,5\"")
    }

    @Test("numbers: the shortest decimal that reads back the same, no exponent, no trailing .0")
    func numbers() {
        #expect(ExportedTest.plain(104) == "104")
        #expect(ExportedTest.plain(104.25) == "104.25")
        #expect(ExportedTest.plain(-3) == "-3")
        #expect(ExportedTest.plain(0.0000001) == "0.0000001")
        #expect(ExportedTest.plain(-0.000025) == "-0.000025")
        #expect(ExportedTest.plain(1.5e-7) == "0.00000015")
        #expect(ExportedTest.plain(1e21) == "1000000000000000000000")
        #expect(ExportedTest.plain(1.25e17) == "125000000000000000")
    }
}
