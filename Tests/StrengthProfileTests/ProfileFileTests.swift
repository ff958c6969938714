import StrengthAnalysis
import Testing

@testable import StrengthProfile

@Suite("Profile files")
struct ProfileFileTests {
    let defaultText = ProfileFile.render(.defaultV1)

    @Test("the default profile survives a write and a read unchanged")
    func roundTrip() throws {
        let parsed = try ProfileFile.parse(defaultText, file: "p.yaml")
        #expect(parsed == ThresholdProfile.defaultV1)
    }

    @Test("an edited number is used")
    func edited() throws {
        let text = defaultText.replacingFirst("    green: 0.6\n", with: "    green: 0.55\n")
        let parsed = try ProfileFile.parse(text, file: "p.yaml")
        #expect(parsed.conventional[0].green == 0.55)
        #expect(parsed.conventional[0].red == 0.47)
    }

    func error(_ edit: (String) -> String) -> ProfileError? {
        do {
            _ = try ProfileFile.parse(edit(defaultText), file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    func line(of text: String) -> Int {
        (defaultText.components(separatedBy: "\n").firstIndex { $0.hasPrefix(text) } ?? -1) + 1
    }

    @Test("a value that is not a number names its key and line")
    func notANumber() throws {
        let failure = try #require(error { $0.replacingFirst("    green: 0.72\n", with: "    green: high\n") })
        #expect(failure.description == "p.yaml:\(line(of: "    green: 0.72")): conventional[1].green: must be a number")
    }

    @Test("a misspelt key is an error, not a silent default")
    func unknownKey() throws {
        let failure = try #require(error { $0.replacingFirst("  amber: 10\n", with: "  ambre: 10\n") })
        #expect(failure.key == "asymmetry.ambre")
        #expect(failure.line == line(of: "  amber: 10"))
        #expect(failure.message == "unknown key; expected one of: amber, red, marked, confirmWithinWeeks, source")
    }

    @Test("a missing key is named")
    func missingKey() throws {
        let failure = try #require(error { $0.replacingFirst("retestWeeks: 6\n", with: "") })
        #expect(failure.key == "retestWeeks")
        #expect(failure.message == "is missing; every key is required (hqscreen profile init writes a complete file)")
    }

    @Test("numbers that contradict each other are refused")
    func semantics() throws {
        let red = try #require(error { $0.replacingFirst("    red: 0.47\n", with: "    red: 0.7\n") })
        #expect(
            red.description == "p.yaml:\(line(of: "    red: 0.47")): conventional[0].red: must be below green (0.6)")
        let formula = try #require(
            error { $0.replacingFirst("  formula: \"epley\"\n", with: "  formula: \"lander\"\n") })
        #expect(formula.message == "must be one of: epley, brzycki")
        let reps = try #require(error { $0.replacingFirst("  warnReps: 12\n", with: "  warnReps: 8\n") })
        #expect(reps.key == "machine.warnReps")
        #expect(reps.message == "must be at least maxReps")
    }

    @Test("anchors and aliases are refused before the YAML is composed: a billion laughs costs nothing")
    func aliasBomb() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("? &a\(level) [\(aliases)]\n: v")
        }
        let clock = ContinuousClock()
        var failure: ProfileError?
        let elapsed = clock.measure { failure = error { _ in lines.joined(separator: "\n") } }
        #expect(
            failure?.description
                == "p.yaml:1: YAML anchors (&) are not allowed in a profile; write each value out (quote text that starts with &)"
        )
        #expect(elapsed < .seconds(1))
        let alias = try #require(error { $0.replacingFirst("  maxReps: 10\n", with: "  maxReps: *ten\n") })
        #expect(
            alias.message
                == "YAML aliases (*) are not allowed in a profile; write each value out (quote text that starts with *)"
        )
        // Inside quotes, & and * are ordinary text.
        let quoted = defaultText.replacingFirst("name: \"default-v1\"", with: "name: \"R&D *draft*\"")
        #expect(try ProfileFile.parse(quoted, file: "p.yaml").name == "R&D *draft*")
    }

    @Test("numbers that parse but mean nothing are refused")
    func meaninglessNumbers() throws {
        let sd = try #require(error { $0.replacingFirst("    sd: 0.07\n", with: "    sd: 0\n") })
        #expect(sd.message == "must be above 0 and below the mean (0.52)")
        let mean = try #require(error { $0.replacingFirst("    mean: 0.52\n", with: "    mean: -1\n") })
        #expect(mean.message == "must be a ratio between 0.05 and 3")
        let reps = try #require(error { $0.replacingFirst("  maxReps: 10\n", with: "  maxReps: 1000000000\n") })
        #expect(reps.message == "must be 1–30: 1RM formulas are not validated beyond that")
        let huge = try #require(error { $0.replacingFirst("  maxReps: 10\n", with: "  maxReps: 1e9\n") })
        #expect(huge.message == "must be a whole number")
        let empty = try #require(
            error { text in
                let start = text.range(of: "conventional:\n")!
                let end = text.range(of: "conventionalReference:")!
                return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "conventional: []\n")
            })
        #expect(empty.message == "must have at least one row: a conventional ratio needs a cut-off to band it")
    }

    @Test("broken YAML reports the line")
    func brokenYAML() throws {
        let failure = try #require(error { _ in "name: [unclosed\n" })
        #expect(failure.line == 2)
        #expect(failure.message.hasPrefix("not valid YAML: "))
        let empty = try #require(error { _ in "" })
        #expect(empty.message == "the file is empty")
    }

    @Test("strings are quoted so sources with colons and quotes survive")
    func quoting() {
        #expect(YAMLText.quoted(#"a "b": c\d"#) == #""a \"b\": c\\d""#)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
