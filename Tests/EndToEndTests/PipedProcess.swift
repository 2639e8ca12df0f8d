import Foundation

/// A process started in a directory with its standard input a pipe the test
/// writes to (its output discarded): a tool held open for as long as the test
/// needs it, and ended by closing its input, which also ends its children
/// (a signal to `flock` would leave the command it runs behind).
struct PipedProcess {
    let process = Process()
    let input = Pipe()

    init(_ executable: String, _ arguments: [String], in directory: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func write(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    /// Closes the input and waits for the process to end.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
