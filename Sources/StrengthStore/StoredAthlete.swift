import StrengthModel

/// One stored athlete, for `hqscreen athletes`.
public struct StoredAthlete: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var squad: String?
    public var sessions: Int
    public var tests: Int
    public var latestTest: TestDate?
}

/// What erasing or merging a person changed.
public struct AthleteChange: Sendable, Equatable {
    public var sessions = 0
    public var tests = 0
    /// Imports left with no test of anyone, whose records (file names, counts) went too.
    public var imports = 0
    /// Tests `from` had that `into` already had with the same value.
    public var duplicates = 0
    /// Tests `from` had that `into` had with another value: then nothing is merged.
    public var conflicts = 0
}
