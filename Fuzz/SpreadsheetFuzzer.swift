// libFuzzer target for a spreadsheet import as `mailmigrate run` reads one:
// any bytes, handed out in chunks of a size the input chooses, through the
// character set's detection and transcoding, the header's choice of layout
// (or a layout the input forces, as --profile does, headerless imapsync
// included) and the reader of that layout, which unescapes fields into a
// buffer of its own and makes texts without checking their UTF-8 again.
// The file must be read to its end or to an input error: never a crash, a
// loop or an out-of-bounds access (AddressSanitizer).
// One oracle besides: every text of every account is UTF-8, because a text
// made from bytes that are not would be undefined behaviour later. Built and
// run by scripts/fuzz (with all of Importers' sources; MailModel and
// Mappings as modules with the same instrumentation).
import MailModel
import Mappings

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    // The first byte: the chunk size; the second: the layout (past the
    // built-in ones: chosen from the header).
    let chunk = Int(data[0]) + 1
    let forced = Int(data[1])
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    var options = ReadOptions()
    if forced < BuiltInProfiles.all.count { options.profile = BuiltInProfiles.all[forced] }
    let reader: AccountReader
    do {
        reader = try CSVSource.reader(stream: FuzzByteStream(bytes, chunk: chunk), path: "fuzz.csv", options: options)
    } catch {
        return 0  // no header, or one that matches no layout: an error the user sees
    }
    var items = 0
    do {
        while let item = try reader.next() {
            items += 1
            // Each item takes at least one byte of input: more is a loop.
            if items > bytes.count + 1 { fatalError("more items than input bytes") }
            guard case .account(let account, _) = item else { continue }
            for field in CanonicalField.ordered {
                let text = field.text(in: account)
                if String(validating: Array(text.utf8), as: UTF8.self) == nil {
                    fatalError("\(field.name) of an account is not UTF-8")
                }
            }
        }
    } catch {
        // An input error ends the file, as it ends a run: nothing more to check.
    }
    return 0
}
