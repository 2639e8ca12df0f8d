import MailModel
import Mappings

/// Reads a CSV file in a system's layout (a `MappingProfile`): each record
/// through the profile's table into an account. Header columns the profile
/// does not know are kept as extras. A record with the wrong number of
/// fields, broken quoting, bytes that are not in the file's encoding or a
/// value the profile cannot read is a reject with its line; reading goes on.
public final class ProfileCSVReader: AccountReader {
    private let records: CSVRecordReader
    private let path: String
    private let codec: ProfileCodec
    private let encoding: TextEncoding
    /// For each file column: the profile column it is, or the extra name.
    private var layout: [Slot] = []
    private var pendingFirst: (line: Int, fields: [String])?

    private enum Slot {
        case column(Int)
        case extra(String)
    }

    /// `header`: the header row already read (line, cells); nil for a headerless
    /// profile, whose first record is `firstRecord`.
    init(records: CSVRecordReader, path: String, codec: ProfileCodec, encoding: TextEncoding, header: [String]?,
         firstRecord: (line: Int, fields: [String])?) {
        self.records = records
        self.path = path
        self.codec = codec
        self.encoding = encoding
        if let header {
            layout = header.map { cell in
                codec.profile.columnIndex(forHeader: cell).map(Slot.column) ?? .extra(cell.trimmingSpaces())
            }
        } else {
            layout = codec.profile.columns.indices.map(Slot.column)
            pendingFirst = firstRecord
        }
    }

    public func next() throws(InputError) -> ImportItem? {
        while true {
            let line: Int
            var fields: [String]
            if let first = pendingFirst {
                pendingFirst = nil
                (line, fields) = first
            } else {
                guard let event = try records.next() else { return nil }
                switch event {
                case let .malformed(badLine, reason):
                    return .reject(Reject(source: SourceReference(file: path, line: badLine), reason: explain(reason)))
                case let .record(goodLine, goodFields):
                    (line, fields) = (goodLine, goodFields)
                }
            }
            let profile = codec.profile
            if let prefix = profile.commentPrefix, fields.first?.trimmingSpaces().hasPrefix(prefix) == true { continue }
            if fields.count == 1 && fields[0].trimmingSpaces().isEmpty { continue }  // a blank line
            if profile.trailingDelimiter, fields.count == layout.count + 1, fields.last == "" { fields.removeLast() }
            let source = SourceReference(file: path, line: line)
            guard fields.count == layout.count else {
                return .reject(Reject(source: source, reason: "expected \(layout.count) fields, found \(fields.count)"))
            }
            var cells = [String?](repeating: nil, count: profile.columns.count)
            var extras: [ExtraField] = []
            for (slot, value) in zip(layout, fields) {
                switch slot {
                case .column(let index): cells[index] = value
                case .extra(let name): if !value.isEmpty { extras.append(ExtraField(name: name, value: value)) }
                }
            }
            do {
                var account = try codec.account(cells: cells)
                account.extras += extras
                account.identity.origin = source.description
                return .account(account, source)
            } catch {
                return .reject(Reject(source: source, reason: error.description))
            }
        }
    }

    /// The record reader speaks of UTF-8; the user's file was in another encoding.
    private func explain(_ reason: String) -> String {
        guard encoding != .utf8, reason.hasPrefix("invalid UTF-8") else { return reason }
        return reason.replacingOccurrences(of: "invalid UTF-8", with: "bytes that are not valid \(encoding.rawValue)")
    }
}
