import Synchronization

/// Names numbered in the order they came, for the life of the process, so a value can hold a number
/// where it would hold a string: copying it then retains nothing. Names are never forgotten.
public final class NameRegistry: Sendable {
    private struct Names {
        var numbers: [String: UInt32] = [:]
        var names: [String] = []
    }

    private let registry = Mutex(Names())

    public init() {}

    /// The number of `name`, given it if it has none yet.
    public func number(_ name: String) -> UInt32 {
        registry.withLock { registry in
            if let known = registry.numbers[name] { return known }
            precondition(registry.names.count < UInt32.max, "more than 4 billion names")
            let number = UInt32(registry.names.count)
            registry.names.append(name)
            registry.numbers[name] = number
            return number
        }
    }

    public func name(_ number: UInt32) -> String {
        registry.withLock { $0.names[Int(number)] }
    }
}
