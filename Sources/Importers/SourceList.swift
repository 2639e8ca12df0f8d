import Foundation

/// Turns the SOURCE arguments of a command into the files to read: a file
/// as given, `-` for standard input, a directory as every supported file in
/// it (sorted by name, not recursive). Files in a directory that are not a
/// supported format are listed in `skipped`, so the user can see them.
public struct SourceList: Sendable {
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let format: SourceFormat

        public init(path: String, format: SourceFormat) {
            self.path = path
            self.format = format
        }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var skipped: [String] = []

    public init(arguments: [String]) throws(InputError) {
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let names: [String]
                do {
                    names = try fm.contentsOfDirectory(atPath: argument).sorted()
                } catch {
                    throw .cannotOpen(path: argument, reason: "cannot list the directory")
                }
                var found = 0
                for name in names where !name.hasPrefix(".") {
                    let path = argument.hasSuffix("/") ? argument + name : argument + "/" + name
                    var sub: ObjCBool = false
                    guard fm.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue else { continue }
                    if let format = SourceFormat.of(path: path) {
                        entries.append(Entry(path: path, format: format))
                        found += 1
                    } else {
                        skipped.append(path)
                    }
                }
                if found == 0 { throw .noSupportedFiles(directory: argument) }
            } else {
                if argument != "-" && !fm.fileExists(atPath: argument) {
                    throw .cannotOpen(path: argument, reason: "no such file or directory")
                }
                guard let format = SourceFormat.of(path: argument) else {
                    throw .unsupportedFormat(path: argument)
                }
                entries.append(Entry(path: argument, format: format))
            }
        }
    }
}
