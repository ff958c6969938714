import CJemalloc

/// The memory allocator the command runs on. Importing jemalloc links it, and a library linked into
/// the executable comes before the C library, so its `malloc` and `free` are the ones every Swift
/// object uses.
enum Allocator {
    /// `jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c`, or nil if glibc's malloc is in use
    /// after all (the library was not found at run time).
    static var description: String? {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return nil }
        return "jemalloc " + String(cString: version)
    }
}
