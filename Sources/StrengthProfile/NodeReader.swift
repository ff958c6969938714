import Yams

/// Walks a YAML node tree, naming the key path and line of anything that does not fit.
struct NodeReader {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ProfileError {
        ProfileError(file: file, line: line, key: path, message: message)
    }

    private func child(_ node: Node, _ key: String) -> NodeReader {
        NodeReader(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// A mapping whose keys must all be among `keys`: a typo is an error, not a silent default.
    func mapping(keys: [String]) throws(ProfileError) -> [String: NodeReader] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys (key: value)") }
        var result: [String: NodeReader] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error("keys must be text") }
            guard keys.contains(key) else {
                let reader = child(value, key)
                throw ProfileError(
                    file: file, line: keyNode.mark?.line ?? reader.line, key: reader.path,
                    message: "unknown key; expected one of: \(keys.joined(separator: ", "))")
            }
            result[key] = child(value, key)
        }
        return result
    }

    var isNull: Bool {
        if case .scalar(let scalar) = node {
            return scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty
        }
        return false
    }

    func double() throws(ProfileError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error("must be a number")
        }
        return value
    }

    func int() throws(ProfileError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("must be a whole number")
        }
        return value
    }

    func string() throws(ProfileError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("must be text") }
        return scalar.string
    }

    func sequence() throws(ProfileError) -> [NodeReader] {
        guard let sequence = node.sequence else { throw error("expected a list (lines starting with '- ')") }
        return sequence.enumerated().map { NodeReader(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }
}

extension [String: NodeReader] {
    /// The value at `key`, or an error on the mapping's line naming the missing key.
    func required(_ key: String, in parent: NodeReader) throws(ProfileError) -> NodeReader {
        guard let value = self[key] else {
            throw ProfileError(
                file: parent.file, line: parent.line, key: parent.path.isEmpty ? key : "\(parent.path).\(key)",
                message: "is missing; every key is required (hqscreen profile init writes a complete file)")
        }
        return value
    }

    func double(_ key: String, in parent: NodeReader) throws(ProfileError) -> Double {
        try required(key, in: parent).double()
    }

    /// A number, or `null` for "no such band".
    func optionalDouble(_ key: String, in parent: NodeReader) throws(ProfileError) -> Double? {
        let value = try required(key, in: parent)
        return value.isNull ? nil : try value.double()
    }

    func string(_ key: String, in parent: NodeReader) throws(ProfileError) -> String {
        try required(key, in: parent).string()
    }

    func int(_ key: String, in parent: NodeReader) throws(ProfileError) -> Int {
        try required(key, in: parent).int()
    }
}
