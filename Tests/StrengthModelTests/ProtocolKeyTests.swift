import StrengthModel
import Testing

@Suite("Protocol keys")
struct ProtocolKeyTests {
    private static func key(
        side: Side? = .left, velocity: Double? = 60, angle: Double? = nil, method: TestMethod = .isokinetic,
        position: BodyPosition? = nil
    ) -> ProtocolKey {
        ProtocolKey(
            Measurement(
                athlete: "K1", date: TestDate(year: 2025, month: 1, day: 2)!, side: side, muscle: .hamstrings,
                contraction: .concentric, velocity: velocity, angle: angle, value: Quantity(100, .newtonMetre),
                sourceUnit: .newtonMetre, method: method, position: position,
                source: SourceLocation(file: "keys.csv", line: 2)))
    }

    @Test("the exact form is equal exactly when the keys are: no velocity is not 0°/s, no side is not the left")
    func exactForm() {
        let keys = [
            Self.key(), Self.key(side: .right), Self.key(side: nil), Self.key(velocity: nil), Self.key(velocity: 0),
            Self.key(velocity: 60.04), Self.key(velocity: 60.06), Self.key(angle: 0), Self.key(angle: 90),
            Self.key(method: .handHeld), Self.key(position: .seated), Self.key(position: .prone),
        ]
        for a in keys.indices {
            for b in keys.indices {
                #expect((keys[a] == keys[b]) == (keys[a].exact == keys[b].exact), "\(a) \(b)")
                #expect((keys[a] == keys[b]) == (a == b || (a == 0 && b == 5) || (a == 5 && b == 0)), "\(a) \(b)")
            }
        }
    }
}
