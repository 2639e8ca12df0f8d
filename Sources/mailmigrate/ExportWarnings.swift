import Exporters
import Foundation

/// Warnings of an export: what an account holds that the target format has
/// no place for, and what was left out and why. The first `limit` go to
/// standard error as they come, the rest are counted; every one is in the
/// output's comments where the format has comments (OpenXE SQL, imapsync),
/// and in the list file of `--warnings FILE` for any format, so that a
/// conversion of thousands of accounts can be checked account by account.
final class ExportWarnings {
    let limit = 20
    private(set) var count = 0
    private let quiet: Bool
    /// `--warnings FILE`: every warning, one a line.
    private let list: OutputFile?
    /// Whether the output names each warning in a comment.
    private let outputNamesEach: Bool
    /// The first error writing the list file, thrown by `finish`.
    private var listError: OutputError?

    init(quiet: Bool = false, listPath: String? = nil, outputNamesEach: Bool = false) throws(OutputError) {
        self.quiet = quiet
        self.list = try listPath.map { path throws(OutputError) in try OutputFile(path: path, containsSecrets: false) }
        self.outputNamesEach = outputNamesEach
    }

    func add(_ text: String) {
        count += 1
        let line = TerminalText.visible(text)
        if count <= limit && !quiet {
            FileHandleStream.standardError.write("mailmigrate: warning: \(line)\n")
        }
        guard let list, listError == nil else { return }
        do throws(OutputError) {
            try list.sink.write(line + "\n")
        } catch {
            listError = error  // fails the export in `finish`, which would commit the list
        }
    }

    /// Says how many warnings standard error did not show and where they
    /// are, and completes the list file.
    func finish() throws(OutputError) {
        if let listError {
            discard()
            throw listError
        }
        if let list { try list.commit() }
        guard count > limit && !quiet else { return }
        let place =
            if let list { "all \(count) are in \(list.path)" }
            else if outputNamesEach { "the output names each in a comment" }
            else { "--warnings FILE lists every one" }
        FileHandleStream.standardError.write("mailmigrate: warning: … and \(count - limit) more (\(place))\n")
    }

    /// Leaves no list file behind when the export failed.
    func discard() { list?.discard() }
}
