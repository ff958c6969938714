import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Header recognition")
struct HeaderTests {
    func column(_ text: String) -> HeaderColumn { HeaderColumn(index: 0, text: text) }

    @Test(
        "long-layout aliases ignore case and punctuation",
        arguments: [
            ("Athlete ID", ColumnRole.athlete), ("athlete_id", .athlete), ("Player", .athlete), ("Patient", .athlete),
            ("Subject", .athlete), ("Name", .name), ("Test Date", .date), ("session_date", .date), ("Leg", .side),
            ("Limb", .side), ("Muscle Group", .muscle), ("Contraction", .contraction),
            ("Velocity (deg/s)", .velocity), ("Speed (°/s)", .velocity), ("Peak Torque (N·m)", .value),
            ("Force [N]", .value), ("Load (kg)", .value), ("Unit", .unit), ("Gender", .sex),
            ("Body mass (kg)", .bodyMass), ("BodyWeight_lb", .bodyMass), ("Involved limb", .involvedSide),
            ("Gravity corrected", .gravityCorrected), ("Device", .method),
        ])
    func aliases(text: String, role: ColumnRole) {
        #expect(ColumnRole.of(column(text)) == role)
    }

    @Test("units come from brackets or a trailing word")
    func units() {
        #expect(column("Peak Torque (N-m)").unit == .newtonMetre)
        #expect(column("Torque [ft-lbs]").unit == .footPound)
        #expect(column("Quad_L_60_ftlb").unit == .footPound)
        #expect(column("Body mass (lb)").unit == .pound)
        #expect(column("Notes (free text)").unit == nil)
    }

    @Test("wide measurement headers in any token order")
    func wideColumns() throws {
        let quad = try #require(WideColumn(column("Quad L 60 [ft-lb]")))
        #expect(quad.muscle == .quadriceps)
        #expect(quad.side == .left)
        #expect(quad.contraction == .concentric)
        #expect(quad.velocity == 60)
        #expect(quad.unit == .footPound)

        let ham = try #require(WideColumn(column("ham_right_con_180 (Nm)")))
        #expect(
            (ham.muscle, ham.side, ham.contraction, ham.velocity, ham.unit) == (
                .hamstrings, .right, .concentric, 180, .newtonMetre
            ))

        let eccentric = try #require(WideColumn(column("Hamstrings Left Ecc 30")))
        #expect(
            (eccentric.muscle, eccentric.side, eccentric.contraction, eccentric.velocity) == (
                .hamstrings, .left, .eccentric, 30
            ))
        #expect(eccentric.unit == nil)

        let isometric = try #require(WideColumn(column("Knee Flexion R Iso 90 (N)")))
        #expect(
            (isometric.contraction, isometric.velocity, isometric.angle, isometric.unit) == (
                .isometric, nil, 90, .newton
            ))
    }

    @Test(
        "headers that only look similar are not measurements",
        arguments: ["Left notes", "Date", "Quad", "L 60", "Ham L R 60", "Quad L 60 comment"])
    func notWide(text: String) {
        #expect(WideColumn(column(text)) == nil)
    }

    @Test("a long file is never read as wide, nor a wide file as long")
    func detectionBothWays() throws {
        let long = try Importer().importText("Athlete,Date,Side,Muscle,Velocity,Torque (Nm)\nA,2024-01-01,L,Q,60,100\n")
        #expect(long.file.format == "generic-long")
        let wide = try Importer().importText("Athlete,Date,Quad L 60 (Nm),Ham L 60 (Nm)\nA,2024-01-01,100,50\n")
        #expect(wide.file.format == "generic-wide")
        #expect(wide.measurements.count == 2)
    }

    @Test("an unknown layout says what each layout is missing")
    func unknownLayout() throws {
        let result = try Importer().importText("foo,bar,Date\n1,2,3\n")
        #expect(result.file.failed)
        #expect(
            result.errors.map(\.message) == [
                "no known layout: the likeliest header row has columns 'foo', 'bar', 'Date'; generic-long needs "
                    + "side (L/R), muscle (quadriceps/hamstrings), value (e.g. 'Peak torque (Nm)'); generic-wide needs "
                    + "measurement columns such as 'Quad L 60 [Nm]'. Rename the columns as described in docs/input-formats.md, "
                    + "or describe the layout in a mapping file (hqscreen formats --template FILE writes one)"
            ])
    }

    @Test("a value column without a unit is refused before reading rows")
    func valueWithoutUnit() throws {
        let result = try Importer().importText("athlete,date,side,muscle,velocity,torque\nA,2024-01-01,L,Q,60,100\n")
        #expect(result.file.failed)
        #expect(
            result.errors.map(\.message) == [
                "the value column 'torque' names no unit and there is no unit column; write the unit in the header, "
                    + "e.g. 'torque (Nm)', or pass --unit"
            ])
        let withOption = try Importer(options: ImportOptions(defaultUnit: .footPound))
            .importText("athlete,date,side,muscle,velocity,torque\nA,2024-01-01,L,Q,60,100\n")
        #expect(abs(withOption.measurements[0].value.si - 135.58179) < 1e-9)
    }
}
