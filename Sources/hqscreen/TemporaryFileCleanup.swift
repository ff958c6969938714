#if canImport(Glibc)
    import Glibc
#endif

/// Removes half-written temporary files when the program is interrupted, hung up or terminated, so
/// an interrupted `-o` leaves nothing beside its target. The file-size limit is not a signal here:
/// SIGXFSZ is ignored, so the write that passes it fails (EFBIG) on whichever thread makes it, and the
/// ordinary error path removes the file and says so (exit 74).
///
/// A signal handler may only call async-signal-safe functions, so the paths live in C memory
/// allocated up front and the handler does nothing but `unlink` and re-raise.
enum TemporaryFileCleanup {
    private static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var installed = false
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = slots
        Glibc.signal(SIGXFSZ, SIG_IGN)
        for signal in signals {
            Glibc.signal(signal) { received in
                for index in 0..<TemporaryFileCleanup.capacity {
                    if let path = TemporaryFileCleanup.slots[index] { unlink(path) }
                }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Remembers a temporary file; returns its slot, or -1 when all slots are taken (the file is
    /// then still removed on every ordinary exit path, only not on a signal).
    static func register(_ path: String) -> Int {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return -1
    }

    static func unregister(_ slot: Int) {
        guard slot >= 0, let path = slots[slot] else { return }
        slots[slot] = nil
        free(path)
    }
}
