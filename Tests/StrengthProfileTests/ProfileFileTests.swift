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
        #expect(failure.message == "unknown key; expected one of: amber, red, marked, source")
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
