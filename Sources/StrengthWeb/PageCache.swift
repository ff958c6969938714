import StrengthModel

/// Rendered pages by what they show, valid while the store's revision and the day stay the same: a
/// squad's analysis is made once per change to the store, not once per visit. Requests for a page
/// being made wait for it instead of making it again.
actor PageCache {
    private var revision: Int64 = -1
    private var day: TestDate?
    private var pages: [String: Task<String, any Error>] = [:]
    /// Squads × filters a clinic looks at; beyond it the cache starts over.
    private let capacity = 256

    func page(
        _ key: String, revision: Int64, day: TestDate, make: @escaping @Sendable () async throws -> String
    ) async throws -> String {
        if revision != self.revision || day != self.day {
            pages = [:]
            self.revision = revision
            self.day = day
        }
        if let pending = pages[key] { return try await pending.value }
        if pages.count >= capacity { pages = [:] }
        let task = Task { try await make() }
        pages[key] = task
        do {
            return try await task.value
        } catch {
            pages[key] = nil
            throw error
        }
    }
}
