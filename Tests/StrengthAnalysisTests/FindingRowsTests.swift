import StrengthModel
import Testing

@testable import StrengthAnalysis

@Suite("A finding's rows held by reference to its session's peaks")
struct FindingRowsTests {
    /// One session: both legs' concentric hamstrings and quadriceps at 60°/s, each on its own line.
    private let session = [
        Fixture.torque(.quadriceps, .left, 200, at: 60, line: 2),
        Fixture.torque(.hamstrings, .left, 110, at: 60, line: 3),
        Fixture.torque(.quadriceps, .right, 180, at: 60, line: 4),
        Fixture.torque(.hamstrings, .right, 99, at: 60, line: 5),
    ]

    private func findings(_ measure: Measure) -> [Finding] {
        Analyzer().assess(session, sessions: [:]).of(measure)
    }

    @Test("a ratio's rows are its hamstrings and quadriceps peaks, and its inputs their torques")
    func conventional() throws {
        let left = try #require(findings(.conventionalHQ).first { $0.side == .left })
        #expect(left.value == 110.0 / 200.0)
        #expect(left.measurements == [session[1], session[0]])
        #expect(left.measurements.map(\.source.line) == [3, 2])
        #expect((left.measurementCount, left.firstMeasurement, left.lastMeasurement) == (2, session[1], session[0]))
        #expect(
            left.inputs == [
                FindingInput(name: "hamstrings concentric peak torque", value: 110, unit: "Nm"),
                FindingInput(name: "quadriceps concentric peak torque", value: 200, unit: "Nm"),
            ])
        #expect(left.firstInputValue == 110)
    }

    @Test("a between-leg difference's inputs are named by its muscle, left first")
    func asymmetry() throws {
        let differences = findings(.asymmetry)
        let quadriceps = try #require(differences.first { $0.muscle == .quadriceps })
        #expect(quadriceps.measurements == [session[0], session[2]])
        #expect(
            quadriceps.inputs == [
                FindingInput(name: "left quadriceps peak", value: 200, unit: "Nm"),
                FindingInput(name: "right quadriceps peak", value: 180, unit: "Nm"),
            ])
        let hamstrings = try #require(differences.first { $0.muscle == .hamstrings })
        #expect(hamstrings.inputs.map(\.name) == ["left hamstrings peak", "right hamstrings peak"])
        #expect(hamstrings.inputs.map(\.value) == [110, 99])
    }

    @Test("a finding held by reference equals, and hashes as, the same finding with lists of its own")
    func sameAsLists() throws {
        let held = try #require(findings(.conventionalHQ).first { $0.side == .left })
        var listed = Finding(
            measure: held.measure, side: held.side, velocity: held.velocity, contraction: held.contraction,
            value: held.value, band: held.band, reason: held.reason, threshold: held.threshold, inputs: held.inputs,
            measurements: held.measurements, caveats: held.caveats)
        #expect(listed == held)
        #expect(listed.hashValue == held.hashValue)
        listed.inputs[1].value = 201
        #expect(listed != held)
    }

    @Test("replacing the rows keeps the inputs the finding was computed from")
    func replacedRows() throws {
        var slim = try #require(findings(.asymmetry).first { $0.muscle == .hamstrings })
        slim.measurements = Array(slim.measurements.prefix(1))
        #expect(slim.measurements == [session[1]])
        #expect(slim.inputs.map(\.value) == [110, 99])
        #expect(slim.inputs.map(\.name) == ["left hamstrings peak", "right hamstrings peak"])
    }
}
