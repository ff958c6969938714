/// Every source file name this process has seen, numbered in the order they came. Names are never
/// forgotten: a run reads a handful of files, and a desk that runs for months adds one name per
/// uploaded file, a few hundred bytes each.
public enum SourceFiles {
    private static let registry = NameRegistry()

    /// The number of `name`, given it if it has none yet.
    public static func number(_ name: String) -> UInt32 { registry.number(name) }

    public static func name(_ number: UInt32) -> String { registry.name(number) }
}
