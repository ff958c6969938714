import StrengthModel
import Testing

@Suite("TestDate")
struct TestDateTests {
    @Test("rejects days that do not exist")
    func validity() {
        #expect(TestDate(year: 2024, month: 2, day: 29) != nil)
        #expect(TestDate(year: 2023, month: 2, day: 29) == nil)
        #expect(TestDate(year: 2024, month: 4, day: 31) == nil)
        #expect(TestDate(year: 2024, month: 13, day: 1) == nil)
    }

    @Test("days since epoch round-trips and adds weeks")
    func arithmetic() throws {
        let date = try #require(TestDate(year: 2026, month: 1, day: 12))
        #expect(TestDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(TestDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
        #expect(TestDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(date.adding(days: 42).description == "2026-02-23")
        #expect(TestDate(year: 2024, month: 2, day: 28)!.adding(days: 1).description == "2024-02-29")
    }

    @Test("formats and parses ISO")
    func iso() {
        #expect(TestDate(year: 987, month: 3, day: 4)!.description == "0987-03-04")
        #expect(TestDate(year: 1, month: 1, day: 1)!.description == "0001-01-01")
        #expect(TestDate(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
        #expect(TestDate(iso: "2024-03-14") == TestDate(year: 2024, month: 3, day: 14))
        #expect(TestDate(iso: "14/03/2024") == nil)
        #expect(TestDate(iso: "2024-3-4") == TestDate(year: 2024, month: 3, day: 4))
        for wrong in [
            "", "2024", "2024-03", "2024-03-14-1", "24-03-14", "2024-003-14", "2024-03-", "2024-02-30", "2024-0x-14",
        ] {
            #expect(TestDate(iso: wrong) == nil, "\(wrong)")
        }
    }
}
