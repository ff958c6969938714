#if canImport(Glibc)
    import Glibc
#endif

/// Asks the kernel to map an array's reserved capacity a few megabytes ahead of where it is written.
///
/// A squad file's measurements fill a buffer of a hundred megabytes or more, reserved at once but
/// mapped by the kernel a page at a time on first write: one page fault per 4 KB, a tenth of the
/// import's time. `MADV_POPULATE_WRITE` (Linux 5.14) maps a whole stretch in one call. Only a hint:
/// where it is not supported, pages are mapped on first write as before.
struct Prefault {
    /// Bytes mapped per call.
    static let stretch = 4 << 20
    private static let populateWrite: Int32 = 23
    private static let pageSize = 4096

    /// How many elements of the array are mapped already; asked again when the array reaches it.
    private(set) var mappedElements = 0
    /// Whether the kernel took the last hint: false where `MADV_POPULATE_WRITE` is not supported.
    private(set) var kernelMapped = false

    /// Maps the next stretch of `array`'s capacity once the elements written reach the mapped ones.
    @inline(__always)
    mutating func ahead<Element>(of array: inout [Element]) {
        guard array.count >= mappedElements else { return }
        map(&array)
    }

    private mutating func map<Element>(_ array: inout [Element]) {
        let stride = MemoryLayout<Element>.stride
        let end = min(array.capacity, array.count + max(1, Self.stretch / stride))
        guard end > array.count else {
            // Full: the next append moves the array to a larger buffer, mapped from there on.
            mappedElements = array.count + 1
            return
        }
        #if canImport(Glibc)
            let start = array.count
            array.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let first = UInt(bitPattern: base + start) & ~UInt(Self.pageSize - 1)
                let last = UInt(bitPattern: base + end)
                guard let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
                kernelMapped = madvise(address, Int(last - first), Self.populateWrite) == 0
            }
        #endif
        mappedElements = end
    }
}
