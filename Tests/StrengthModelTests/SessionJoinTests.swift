import Testing

@testable import StrengthModel

@Suite("Joining session details")
struct SessionJoinTests {
    @Test("the first record of a session wins; later ones fill its gaps and add their files")
    func join() {
        let day = TestDate(year: 2026, month: 3, day: 2)!
        var sessions: [SessionKey: SessionInfo] = [:]
        sessions.join(SessionInfo(athlete: "A", date: day, name: "Ann", sources: ["a.csv"]))
        sessions.join(SessionInfo(athlete: "A", date: day, name: "Anne", sex: .female, sources: ["b.csv"]))
        sessions.join(SessionInfo(athlete: "B", date: day, bodyMassKg: 70, sources: ["b.csv"]))
        #expect(sessions.count == 2)
        let a = sessions[SessionKey(athlete: "A", date: day)]
        #expect(a?.name == "Ann")
        #expect(a?.sex == .female)
        #expect(a?.sources == ["a.csv", "b.csv"])
        #expect(sessions[SessionKey(athlete: "B", date: day)]?.bodyMassKg == 70)
    }
}
