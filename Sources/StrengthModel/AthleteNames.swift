import Synchronization

/// Every athlete id this process has seen, numbered in the order they came, so a measurement holds a
/// number instead of a string: with no reference inside, copying a measurement is a plain copy of its
/// bytes and freeing an array of them is one call, where each copy used to retain the id and each
/// free to release it (a twentieth of a squad report's time).
///
/// Ids are never forgotten, as file names are not: a squad of 34,000 athletes adds about 3 MB, and a
/// desk that runs for months adds one entry per athlete it ever screened.
public enum AthleteNames {
    private struct Names {
        var numbers: [String: UInt32] = [:]
        var names: [String] = []
    }

    private static let registry = Mutex(Names())

    /// The number of `name`, given it if it has none yet.
    public static func number(_ name: String) -> UInt32 {
        registry.withLock { registry in
            if let known = registry.numbers[name] { return known }
            precondition(registry.names.count < UInt32.max, "more than 4 billion athlete ids")
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
