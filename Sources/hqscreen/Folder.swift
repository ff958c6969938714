import StrengthReport

#if canImport(Glibc)
    import Glibc
#endif

/// Output folders (`--split DIR`), created with their parents as `mkdir -p` would.
enum Folder {
    /// nil when the folder exists or was made; otherwise what went wrong, in words.
    static func create(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR
                ? nil : "cannot use \(TerminalSafe.escape(path)) as the output folder: it is a file"
        }
        let parent = OutputFile.split(path).folder
        if parent != path, parent != "/", parent != ".", stat(parent, &info) != 0 {
            if let problem = create(parent) { return problem }
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            let code = errno
            let reason =
                code == EACCES || code == EPERM
                ? "permission denied" : code == ENOTDIR ? "part of the path is a file" : String(cString: strerror(code))
            return "cannot create the folder \(TerminalSafe.escape(path)): \(reason)"
        }
        return nil
    }
}
