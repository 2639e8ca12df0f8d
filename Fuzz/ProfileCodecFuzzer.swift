// libFuzzer target for ProfileCodec, the table that reads a row of a
// system's layout: a row of any cells in any built-in layout (and the
// example mapping file's, and OpenXE's columns) is read both ways a reader
// reads one, from Strings (`account(cells:)`: records read as text) and
// from the cells' UTF-8 (`fill(_:utf8:)`: every ordinary record), and both
// must give the same account or the same error: never a crash. The two share the plan's word
// lookup; the byte path has its own date reading and sets fields from bytes
// (`CanonicalField.assign(utf8:)`) where the other sets them from Strings.
// And what a layout read, it must write as a row it reads again.
// Built and run by scripts/fuzz (MailModel and Mappings built as modules
// with the same instrumentation).
//
// Input: the first byte picks the layout; the rest are the cells, split at
// 0x1F; a cell of the single byte 0x1E is absent (the file lacks the
// column). Cells are made valid UTF-8 first, as the CSV reader only passes
// records that are.
import Foundation
import MailModel
import Mappings

private let codecs: [ProfileCodec] = {
    // In this order (scripts/fuzz numbers its seeds by it): the built-in
    // column layouts, the example mapping, then OpenXE's `emailbackup` columns.
    var profiles = BuiltInProfiles.all.filter { $0.kind == .columns }
    let example = URL(fileURLWithPath: "samples/profiles/mapping-example.json")
    guard let data = try? Data(contentsOf: example), let mapping = try? JSONDecoder().decode(MappingProfile.self, from: data)
    else { fatalError("fuzz profile: cannot read \(example.path) (run from the repository's root)") }
    profiles.append(mapping)
    profiles.append(BuiltInProfiles.openxe)
    return profiles.map { profile in
        do { return try ProfileCodec(profile) } catch { fatalError("fuzz profile: \(profile.name): \(error)") }
    }
}()

/// Every canonical field's text, or the error: what both paths must agree on.
private enum Outcome: Equatable {
    case account([String])
    case error(String)

    init(_ body: () throws(ProfileValueError) -> MailAccount) {
        do {
            let account = try body()
            self = .account(CanonicalField.ordered.map { $0.text(in: account) })
        } catch {
            self = .error("\(error)")
        }
    }

    /// Where two outcomes differ, for the crash message: the fields by name,
    /// the value of a secret and of the extras (which may hold one) left out.
    func difference(from other: Outcome) -> String {
        switch (self, other) {
        case let (.account(mine), .account(theirs)):
            return zip(CanonicalField.ordered, zip(mine, theirs)).filter { $1.0 != $1.1 }.map { field, texts in
                field.kind == .secret || field == .extras
                    ? "\(field.name) differs (not shown)" : "\(field.name): '\(texts.0)' against '\(texts.1)'"
            }.joined(separator: "; ")
        case let (.error(mine), .error(theirs)):
            return "error '\(mine)' against '\(theirs)'"
        case (.account, .error(let theirs)):
            return "an account against the error '\(theirs)'"
        case (.error(let mine), .account):
            return "the error '\(mine)' against an account"
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileCodec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let codec = codecs[Int(data[0]) % codecs.count]
    var cells: [String?] = []
    var start = 1
    for index in 1...size where index == size || data[index] == 0x1F {
        let bytes = UnsafeBufferPointer(start: data + start, count: index - start)
        cells.append(bytes.count == 1 && bytes[0] == 0x1E ? nil : String(decoding: bytes, as: UTF8.self))
        start = index + 1
    }
    // A reader hands the codec one cell per profile column.
    let columns = codec.profile.columns.count
    if cells.count > columns { cells.removeLast(cells.count - columns) }
    while cells.count < columns { cells.append(nil) }

    let strings = Outcome { () throws(ProfileValueError) in try codec.account(cells: cells) }
    var all: [UInt8] = []
    var ranges: [Range<Int>?] = []
    for cell in cells {
        guard let cell else { ranges.append(nil); continue }
        ranges.append(all.count..<all.count + cell.utf8.count)
        all += cell.utf8
    }
    let bytes = all.withUnsafeBufferPointer { base in
        let buffers = ranges.map { $0.map { UnsafeBufferPointer(rebasing: base[$0]) } }
        return buffers.withUnsafeBufferPointer { cells in
            Outcome { () throws(ProfileValueError) in
                var account = MailAccount()
                try codec.fill(&account, utf8: cells)
                return account
            }
        }
    }
    // fatalError, not precondition: an -O build prints its message.
    if strings != bytes {
        fatalError("\(codec.profile.name): the byte path and the String path differ: \(bytes.difference(from: strings))")
    }
    // What a layout read, it writes as a row it reads again. (Not always to
    // the same fields: a word its value map does not know, read as text,
    // is written as the map's catch-all word, as for a value from another
    // system, and `lostFields(of:)` reports it.) A whole OpenXE row reads
    // back to the same fields: its writer keeps what it cannot rewrite.
    if case .account = strings, let account = try? codec.account(cells: cells) {
        let written = codec.cells(for: account)
        let back: MailAccount
        do throws(ProfileValueError) {
            back = try codec.account(cells: written)
        } catch {
            fatalError("\(codec.profile.name): a row read and written back does not read again: \(error)")
        }
        if codec.profile.kind == .emailbackup, !cells.contains(where: { $0 == nil }) {
            let (read, readBack) = (Outcome { () throws(ProfileValueError) in account }, Outcome { () throws(ProfileValueError) in back })
            if read != readBack {
                fatalError("\(codec.profile.name): a whole row written back reads differently: \(readBack.difference(from: read))")
            }
        }
    }
    return 0
}
