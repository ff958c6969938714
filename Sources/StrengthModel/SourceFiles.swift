import Synchronization

/// Every source file name this process has seen, numbered in the order they came. Names are never
/// forgotten: a run reads a handful of files, and a desk that runs for months adds one name per
/// uploaded file, a few hundred bytes each.
public enum SourceFiles {
    private struct Names {
        var numbers: [String: UInt32] = [:]
        var names: [String] = []
    }

    private static let registry = Mutex(Names())

    /// The number of `name`, given it if it has none yet.
    public static func number(_ name: String) -> UInt32 {
        registry.withLock { registry in
            if let known = registry.numbers[name] { return known }
            let number = UInt32(registry.names.count)
            registry.names.append(name)
            registry.numbers[name] = number
            return number
        }
    }

    public static func name(_ number: UInt32) -> String {
        registry.withLock { $0.names[Int(number)] }
    }
}
