import TestSupport
import Importers
import Testing

@Suite struct SourceListTests {
    @Test func directoryMeansEverySupportedFileSortedByName() throws {
        let dir = TemporaryDirectory()
        _ = dir.file("b.csv", "email\n")
        _ = dir.file("a.csv.gz", "email\n")
        _ = dir.file("notes.txt", "x")
        _ = dir.file(".hidden.csv", "email\n")
        let list = try SourceList(arguments: [dir.path])
        #expect(list.entries.map(\.path) == [dir.path + "/a.csv.gz", dir.path + "/b.csv"])
        #expect(list.skipped == [dir.path + "/notes.txt"])
    }

    @Test func standardInputAndErrors() throws {
        #expect(try SourceList(arguments: ["-"]).entries == [SourceList.Entry(path: "-", format: .canonicalCSV)])
        #expect(throws: InputError.cannotOpen(path: "missing.csv", reason: "no such file or directory")) {
            _ = try SourceList(arguments: ["missing.csv"])
        }
        let dir = TemporaryDirectory()
        let txt = dir.file("notes.txt", "x")
        #expect(throws: InputError.unsupportedFormat(path: txt)) { _ = try SourceList(arguments: [txt]) }
        let empty = TemporaryDirectory()
        #expect(throws: InputError.noSupportedFiles(directory: empty.path)) { _ = try SourceList(arguments: [empty.path]) }
    }
}
