#if canImport(Glibc)
    import Glibc
#endif

/// The files a command reads (data, mapping, profile, template), known by device and inode, so an
/// output path that names one of them under any spelling or link is refused before it is touched.
struct InputFiles {
    private var identities: [(device: UInt, inode: UInt, path: String)] = []

    init(_ paths: [String?]) {
        for case let path? in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            identities.append((UInt(info.st_dev), UInt(info.st_ino), path))
        }
    }

    /// The input that `path` is, if any.
    func file(sameAs path: String) -> String? {
        var info = stat()
        guard !identities.isEmpty, stat(path, &info) == 0 else { return nil }
        // Standard streams and devices may share an identity with an input (`/dev/stdin`) only by intent.
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return identities.first { $0.device == UInt(info.st_dev) && $0.inode == UInt(info.st_ino) }?.path
    }
}
