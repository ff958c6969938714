import Foundation

/// One at a time, in the order they came: a PostgreSQL store has one connection, and a transaction
/// on it must not interleave with another request's queries (the web desk serves many at once).
final class AsyncMutex: @unchecked Sendable {
    // `@unchecked`: every field is touched only under `lock`.
    private let lock = NSLock()
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func withLock<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if held {
                waiters.append(continuation)
                lock.unlock()
            } else {
                held = true
                lock.unlock()
                continuation.resume()
            }
        }
    }

    private func release() {
        lock.lock()
        if waiters.isEmpty {
            held = false
            lock.unlock()
        } else {
            // Handed straight to the next in line: `held` stays true.
            let next = waiters.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
