import StrengthModel
import Testing

@Suite("Units")
struct UnitConversionTests {
    @Test("factors convert to SI exactly as documented")
    func factors() {
        #expect(abs(Quantity(100, .footPound).si - 135.58179) < 1e-9)
        #expect(abs(Quantity(10, .kilogramForce).si - 98.0665) < 1e-9)
        #expect(abs(Quantity(10, .poundForce).si - 44.482216) < 1e-9)
        #expect(abs(Quantity(100, .pound).si - 45.359237) < 1e-9)
        #expect(Quantity(142.3, .newtonMetre).si == 142.3)
        #expect(Quantity(5, .footPound).dimension == .torque)
        #expect(Quantity(5, .poundForce).dimension == .force)
        #expect(Quantity(5, .pound).dimension == .mass)
    }

    @Test(
        "spellings seen in real headers",
        arguments: [
            ("Nm", MeasurementUnit.newtonMetre), ("N·m", .newtonMetre), ("N-m", .newtonMetre), ("n.m", .newtonMetre),
            ("ft-lb", .footPound), ("ft-lbs", .footPound), ("ft·lbf", .footPound), ("lb-ft", .footPound),
            ("N", .newton), ("newtons", .newton), ("kgf", .kilogramForce), ("lbf", .poundForce), ("kg", .kilogram),
            ("kgs", .kilogram), ("lbs", .pound), ("LB", .pound),
        ])
    func spellings(text: String, unit: MeasurementUnit) {
        #expect(MeasurementUnit(spelling: text) == unit)
    }

    @Test("unknown units are not guessed")
    func unknown() {
        #expect(MeasurementUnit(spelling: "N/kg") == nil)
        #expect(MeasurementUnit(spelling: "%BW") == nil)
        #expect(MeasurementUnit(spelling: "") == nil)
    }
}
