import Dispatch
import Synchronization

/// A value worked out on another thread, waited for where it is needed.
final class Pending<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once it is there.
    func value() -> Value {
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }
}
