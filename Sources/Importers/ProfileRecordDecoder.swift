import MailModel
import Mappings

/// Turns records in a system's layout into accounts, through the profile's table.
struct ProfileRecordDecoder: CSVRecordDecoder {
    /// For each file column: the profile column it is, or the extra name.
    enum Slot: Sendable {
        case column(Int)
        case extra(String)
    }

    let path: String
    let codec: ProfileCodec
    let encoding: TextEncoding
    let layout: [Slot]

    func item(line: Int, fields: Range<Int>, in batch: CSVRecordBatch, all: UnsafeBufferPointer<UInt8>) -> ImportItem? {
        let profile = codec.profile
        var count = fields.count
        if profile.trailingDelimiter, count == layout.count + 1, batch.storedCount(fields.upperBound - 1) == 0 { count -= 1 }
        // A comment, a blank line or a record of the wrong length is read as text.
        guard profile.commentPrefix == nil, fields.count > 1, count == layout.count else {
            return item(line: line, fields: fields.map(batch.text))
        }
        let source = SourceReference(file: path, line: line)
        let cells = UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>?>.allocate(capacity: profile.columns.count)
        cells.initialize(repeating: nil)
        defer { cells.deallocate() }
        // Fields with doubled quotes, unescaped one after the other.
        var unescapedCount = 0
        for index in fields.prefix(count) where batch.rawField(index, in: all) == nil { unescapedCount += batch.storedCount(index) }
        let unescaped = UnsafeMutablePointer<UInt8>.allocate(capacity: unescapedCount)
        defer { unescaped.deallocate() }
        var next = unescaped
        var extras: [ExtraField] = []
        for (slot, index) in zip(layout, fields) {
            var cell: UnsafeBufferPointer<UInt8>
            if let raw = batch.rawField(index, in: all) {
                cell = raw
            } else {
                cell = UnsafeBufferPointer(start: next, count: batch.unescape(index, in: all, to: next))
                next += cell.count
            }
            switch slot {
            case .column(let column): cells[column] = cell
            case .extra(let name): if !cell.isEmpty { extras.append(ExtraField(name: name, value: String(decoding: cell, as: UTF8.self))) }
            }
        }
        var account = MailAccount()
        do throws(ProfileValueError) {
            try Self.fill(&account, codec: codec, cells: UnsafeBufferPointer(cells), extras: extras, source: source)
        } catch {
            return .reject(Reject(source: source, reason: error.description))
        }
        return .account(account, source)
    }

    /// Fills the account in place (see `CanonicalRecordDecoder.item`: an
    /// account returned from a call or set here is copied into the item).
    @inline(never)
    private static func fill(
        _ account: inout MailAccount, codec: ProfileCodec, cells: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>?>,
        extras: [ExtraField], source: SourceReference
    ) throws(ProfileValueError) {
        try codec.fill(&account, utf8: cells)
        complete(&account, extras: extras, source: source)
    }

    /// The record's item; nil for a comment or a blank line.
    private func item(line: Int, fields: [String]) -> ImportItem? {
        var fields = fields
        let profile = codec.profile
        if let prefix = profile.commentPrefix, fields.first?.trimmingSpaces().hasPrefix(prefix) == true { return nil }
        if fields.count == 1 && fields[0].trimmingSpaces().isEmpty { return nil }  // a blank line
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
        var account: MailAccount
        do throws(ProfileValueError) {
            account = try codec.account(cells: cells)
        } catch {
            return .reject(Reject(source: source, reason: error.description))
        }
        // Completed by a call, not by setting its fields here: setting them
        // here made the compiler copy the account into the item and free the
        // original, which retains and releases each of its texts.
        Self.complete(&account, extras: extras, source: source)
        return .account(account, source)
    }

    @inline(never)
    private static func complete(_ account: inout MailAccount, extras: [ExtraField], source: SourceReference) {
        account.extras += extras
        account.identity.origin = source.description
    }

    /// The record reader speaks of UTF-8; the user's file was in another encoding.
    func explain(_ reason: String) -> String {
        guard encoding != .utf8, reason.hasPrefix("invalid UTF-8") else { return reason }
        return reason.replacingOccurrences(of: "invalid UTF-8", with: "bytes that are not valid \(encoding.rawValue)")
    }
}
