import StrengthAnalysis
import Yams

/// Threshold profiles as YAML files: every number with its source, editable by a
/// physiotherapist, validated with errors that name the key and the line.
public enum ProfileFile {
    /// Reads a profile. Every key is required, so an edited file says everything it applies.
    public static func parse(_ text: String, file: String) throws(ProfileError) -> ThresholdProfile {
        // The default profile is about 6 KB; a file a thousand times that is not a profile.
        guard text.utf8.count <= maxBytes else {
            throw ProfileError(
                file: file, line: nil, key: "",
                message: "the file is larger than \(maxBytes / 1_000_000) MB; is it a profile?")
        }
        if let found = AliasScan.first(in: text) {
            throw ProfileError(
                file: file, line: found.line, key: "",
                message: "YAML \(found.marker == "&" ? "anchors (&)" : "aliases (*)") are not allowed in a profile; "
                    + "write each value out (quote text that starts with \(found.marker))")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw ProfileError(file: file, line: nil, key: "", message: "the file is empty")
            }
            node = composed
        } catch let error as ProfileError {
            throw error
        } catch let error as YamlError {
            throw ProfileError(
                file: file, line: line(of: error), key: "", message: "not valid YAML: \(summary(of: error))")
        } catch {
            throw ProfileError(file: file, line: nil, key: "", message: "not valid YAML: \(error)")
        }
        let root = NodeReader(node: node, path: "", file: file)
        let profile = try ProfileDecoder.profile(root)
        try ProfileValidator.validate(profile, root: root)
        return profile
    }

    static let maxBytes = 5_000_000

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
