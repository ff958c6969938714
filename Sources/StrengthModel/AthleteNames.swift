/// Every athlete id this process has seen, numbered in the order they came, so a measurement holds a
/// number instead of a string: with no reference inside, copying a measurement is a plain copy of its
/// bytes and freeing an array of them is one call, where each copy used to retain the id and each
/// free to release it (an eighth of a squad report's CPU).
///
/// Ids are never forgotten, as file names are not: a squad of 34,000 athletes adds about 2 MB, and a
/// desk that runs for months adds one entry per athlete it ever screened.
public enum AthleteNames {
    private static let registry = NameRegistry()

    /// The number of `id`, given it if it has none yet.
    public static func number(_ id: String) -> UInt32 { registry.number(id) }

    public static func name(_ number: UInt32) -> String { registry.name(number) }
}
