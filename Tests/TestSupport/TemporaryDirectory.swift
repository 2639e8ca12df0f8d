import Foundation

/// A directory of its own for one test, removed when the test is done, with
/// the few file operations the tests need.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "mailmigrate-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` in the directory and returns its path.
    @discardableResult
    public func file(_ name: String, _ contents: String) -> String {
        file(name, bytes: Array(contents.utf8))
    }

    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) -> String {
        let p = path + "/" + name
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    /// The text of `name` in the directory, or nil when there is no such file.
    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the file at `path`.
    public func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    /// The names in the directory, sorted.
    public var names: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }

    /// Compresses `contents` with the system's gzip tool (not our own code).
    public func gzipFile(_ name: String, _ contents: String) throws -> String {
        let plain = file(name + ".plain", contents)
        _ = try shell("gzip -c -n '\(plain)' > '\(name)'")
        try FileManager.default.removeItem(atPath: plain)
        return path + "/" + name
    }

    /// Runs a shell command in the directory and returns its exit status.
    public func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
