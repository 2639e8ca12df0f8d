import Foundation

/// A directory of its own for one test, removed when the test is done.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "mailmigrate-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String, _ contents: String) -> String {
        file(name, bytes: Array(contents.utf8))
    }

    func file(_ name: String, bytes: [UInt8]) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    /// Compresses `contents` with the system's gzip tool (not our own code).
    func gzipFile(_ name: String, _ contents: String) throws -> String {
        let plain = file(name + ".plain", contents)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n \"$0\" > \"$1\"", plain, path + "/" + name]
        try process.run()
        process.waitUntilExit()
        try FileManager.default.removeItem(atPath: plain)
        return path + "/" + name
    }

    func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path)!) }
}
