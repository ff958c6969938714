/// Encodes `Encodable` values as pretty-printed JSON with sorted keys, byte for byte as Foundation's
/// `JSONEncoder` does with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` — two-space
/// indents, `"key" : value`, keys in UTF-8 byte order, whole doubles without `.0` — but several
/// times faster: on Linux Foundation's encoder was nearly all of a squad's JSON report. The JSON
/// contract's tests compare the two on every sample and corpus file.
public enum PrettyJSON {
    /// `value` as JSON, its first line at `depth` (the caller writes any indent before it).
    public static func encode(_ value: some Encodable, depth: Int = 0, into out: inout [UInt8]) throws {
        if let direct = value as? any Direct { return try write(direct.jsonNode, depth: depth, into: &out) }
        let encoder = NodeEncoder(codingPath: [])
        try value.encode(to: encoder)
        try write(encoder.result, depth: depth, into: &out)
    }

    /// A value that builds its own node, keys in UTF-8 byte order, instead of being encoded.
    protocol Direct {
        var jsonNode: Node { get }
    }

    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        var out: [UInt8] = []
        try encode(value, into: &out)
        return out
    }

    static func write(_ node: Node, depth: Int, into out: inout [UInt8]) throws {
        switch node {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .integer(let value): out += String(value).utf8
        case .literal(let text): out += text.utf8
        case .float(let value):
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out += text.utf8
        case .double(let value):
            guard value.isFinite else {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not valid in JSON"))
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out += text.utf8
        case .string(let value): writeString(value, into: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            out.append(newline)
            if box.items.isEmpty { out.append(newline) }
            for (i, item) in box.items.enumerated() {
                if i > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                try write(item.node, depth: depth + 1, into: &out)
            }
            if !box.items.isEmpty { out.append(newline) }
            indent(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .list(let items):
            out.append(UInt8(ascii: "["))
            out.append(newline)
            if items.isEmpty { out.append(newline) }
            for (i, item) in items.enumerated() {
                if i > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                try write(item, depth: depth + 1, into: &out)
            }
            if !items.isEmpty { out.append(newline) }
            indent(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .fields(let pairs):
            assert(zip(pairs, pairs.dropFirst()).allSatisfy { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
            out.append(UInt8(ascii: "{"))
            out.append(newline)
            if pairs.isEmpty { out.append(newline) }
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                writeString(pair.key, into: &out)
                out += " : ".utf8
                try write(pair.value, depth: depth + 1, into: &out)
            }
            if !pairs.isEmpty { out.append(newline) }
            indent(depth, &out)
            out.append(UInt8(ascii: "}"))
        case .encoded(let value):
            try encode(value, depth: depth, into: &out)
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            out.append(newline)
            if box.pairs.isEmpty { out.append(newline) }
            let sorted = box.pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, pair) in sorted.enumerated() {
                if i > 0 { out += ",\n".utf8 }
                indent(depth + 1, &out)
                writeString(pair.key, into: &out)
                out += " : ".utf8
                try write(pair.value.node, depth: depth + 1, into: &out)
            }
            if !sorted.isEmpty { out.append(newline) }
            indent(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let newline = UInt8(ascii: "\n")

    private static func indent(_ depth: Int, _ out: inout [UInt8]) {
        for _ in 0..<depth * 2 { out.append(UInt8(ascii: " ")) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape are copied whole; most strings are one run.
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                case 0x08: out += "\\b".utf8
                case 0x0C: out += "\\f".utf8
                default:
                    out += "\\u00".utf8
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A value being encoded. Containers are boxes so that nested encoders can fill them in place.
    enum Node {
        case null
        case bool(Bool)
        case integer(Int64)
        case double(Double)
        case float(Float)
        /// A number already written out (integers of other widths).
        case literal(String)
        case string(String)
        case array(ArrayBox)
        case object(ObjectBox)
        case list([Node])
        /// An object whose keys are already in UTF-8 byte order.
        case fields([(key: String, value: Node)])
        /// A value to encode when written.
        case encoded(any Encodable)

        static func text(_ value: String?) -> Node { value.map(Node.string) ?? .null }
        static func number(_ value: Double?) -> Node { value.map(Node.double) ?? .null }
        static func integer(_ value: Int?) -> Node { value.map { .integer(Int64($0)) } ?? .null }
        static func flag(_ value: Bool?) -> Node { value.map(Node.bool) ?? .null }
    }

    final class Slot {
        var node: Node = .null
    }

    final class ArrayBox {
        var items: [Slot] = []
    }

    final class ObjectBox {
        var pairs: [(key: String, value: Slot)] = []

        func slot(for key: String) -> Slot {
            // A key encoded twice keeps its last value, as Foundation's encoder does.
            if let existing = pairs.first(where: { $0.key == key }) { return existing.value }
            let slot = Slot()
            pairs.append((key, slot))
            return slot
        }
    }

    final class NodeEncoder: Encoder {
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        let slot: Slot

        init(codingPath: [any CodingKey], slot: Slot = Slot()) {
            self.codingPath = codingPath
            self.slot = slot
        }

        var result: Node { slot.node }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let box: ObjectBox
            if case .object(let existing) = slot.node {
                box = existing
            } else {
                box = ObjectBox()
                slot.node = .object(box)
            }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let box: ArrayBox
            if case .array(let existing) = slot.node {
                box = existing
            } else {
                box = ArrayBox()
                slot.node = .array(box)
            }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    /// The node of a plain value, without a nested encoder where the type is known.
    static func node(_ value: some Encodable, codingPath: [any CodingKey], into slot: Slot) throws {
        switch value {
        case let text as String: slot.node = .string(text)
        case let number as Double: slot.node = .double(number)
        case let number as Int: slot.node = .integer(Int64(number))
        case let flag as Bool: slot.node = .bool(flag)
        case let direct as any Direct: slot.node = direct.jsonNode
        case let number as Float: slot.node = .float(number)
        // Every other integer type: its own encoding would call straight back here.
        case let number as any BinaryInteger: slot.node = .literal(String(describing: number))
        case let number as any BinaryFloatingPoint: slot.node = .double(Double(number))
        default: try value.encode(to: NodeEncoder(codingPath: codingPath, slot: slot))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        let codingPath: [any CodingKey]

        func slot(_ key: Key) -> Slot { box.slot(for: key.stringValue) }

        mutating func encodeNil(forKey key: Key) throws { slot(key).node = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).node = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { slot(key).node = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).node = .double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { slot(key).node = .float(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).node = .integer(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { slot(key).node = .integer(Int64(value)) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            try PrettyJSON.node(value, codingPath: codingPath + [key], into: slot(key))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            NodeEncoder(codingPath: codingPath + [key], slot: slot(key)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(codingPath: codingPath + [key], slot: slot(key)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(codingPath: codingPath, slot: box.slot(for: "super"))
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(codingPath: codingPath + [key], slot: slot(key))
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: ArrayBox
        let codingPath: [any CodingKey]
        var count: Int { box.items.count }

        func next() -> Slot {
            let slot = Slot()
            box.items.append(slot)
            return slot
        }

        mutating func encodeNil() throws { next().node = .null }
        mutating func encode(_ value: Bool) throws { next().node = .bool(value) }
        mutating func encode(_ value: String) throws { next().node = .string(value) }
        mutating func encode(_ value: Double) throws { next().node = .double(value) }
        mutating func encode(_ value: Int) throws { next().node = .integer(Int64(value)) }
        mutating func encode(_ value: some Encodable) throws {
            try PrettyJSON.node(value, codingPath: codingPath, into: next())
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            NodeEncoder(codingPath: codingPath, slot: next()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(codingPath: codingPath, slot: next()).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(codingPath: codingPath, slot: next()) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.node = .null }
        mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
        mutating func encode(_ value: String) throws { slot.node = .string(value) }
        mutating func encode(_ value: Double) throws { slot.node = .double(value) }
        mutating func encode(_ value: Float) throws { slot.node = .float(value) }
        mutating func encode(_ value: Int) throws { slot.node = .integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { slot.node = .integer(value) }
        mutating func encode(_ value: some Encodable) throws {
            try PrettyJSON.node(value, codingPath: codingPath, into: slot)
        }
    }
}
