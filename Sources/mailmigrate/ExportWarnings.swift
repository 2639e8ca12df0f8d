import Foundation

/// Warnings of an export, printed to standard error as they come, up to a
/// limit; the rest are counted (the file's comments hold them all).
final class ExportWarnings {
    let limit = 20
    private(set) var count = 0
    private let quiet: Bool

    init(quiet: Bool = false) { self.quiet = quiet }

    func add(_ text: String) {
        count += 1
        if count <= limit && !quiet {
            FileHandleStream.standardError.write("mailmigrate: warning: \(TerminalText.visible(text))\n")
        }
    }

    func finish() {
        if count > limit && !quiet {
            FileHandleStream.standardError.write(
                "mailmigrate: warning: … and \(count - limit) more (the output names each in a comment)\n")
        }
    }
}
