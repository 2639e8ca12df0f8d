import MailModel

/// A column of a canonical CSV file: a canonical field, or an extra by its name.
enum CanonicalColumn: Sendable {
    case field(CanonicalField)
    case extra(String)
}

/// Turns canonical CSV records into accounts, by the file's header.
struct CanonicalRecordDecoder: CSVRecordDecoder {
    let path: String
    let columns: [CanonicalColumn]

    func item(line: Int, fields: Range<Int>, in batch: CSVRecordBatch, all: UnsafeBufferPointer<UInt8>) -> ImportItem? {
        let source = SourceReference(file: path, line: line)
        guard fields.count == columns.count else {
            return .reject(Reject(
                source: source, reason: "expected \(columns.count) fields as in the header, found \(fields.count)"))
        }
        // Filled in place by one call and then moved into the item. Returning
        // the account from a function, setting it in a closure, or setting a
        // field of it here, each made the compiler copy it into the item and
        // free the original, which retains and releases each of its texts.
        var account = MailAccount()
        do throws(FieldValueError) {
            try fill(&account, fields: fields, in: batch, all: all, source: source)
        } catch {
            return .reject(Reject(source: source, reason: reason(for: error, fields: fields, in: batch)))
        }
        return .account(account, source)
    }

    /// Sets the account's fields from the record, and its origin to the
    /// record's position when the record names none.
    private func fill(
        _ account: inout MailAccount, fields: Range<Int>, in batch: CSVRecordBatch, all: UnsafeBufferPointer<UInt8>,
        source: SourceReference
    ) throws(FieldValueError) {
        for (column, index) in zip(columns, fields) {
            switch column {
            case .field(let field):
                if let bytes = batch.rawField(index, in: all) {
                    try field.assign(utf8: bytes, to: &account)
                } else {
                    try field.assign(batch.field(index, in: all) { String(decoding: $0, as: UTF8.self) }, to: &account)
                }
            case .extra(let name):
                let text = batch.field(index, in: all) { String(decoding: $0, as: UTF8.self) }
                if !text.isEmpty { account.extras.append(ExtraField(name: name, value: text)) }
            }
        }
        if account.identity.origin.isEmpty { account.identity.origin = source.description }
    }

    /// The reject reason for a value of the wrong kind. It quotes the value
    /// only when the row holds no password: in a row whose columns were
    /// shifted, the value could be the password, which must not reach a report.
    private func reason(for failure: FieldValueError, fields: Range<Int>, in batch: CSVRecordBatch) -> String {
        for (column, index) in zip(columns, fields) {
            switch column {
            case .field(let field) where field.kind == .secret: break
            case .extra(let name) where ExtraField.namesSecret(name): break
            default: continue
            }
            if batch.withField(index, { !$0.isEmpty }) {
                return "\(failure.field): expected \(failure.expected) (value not shown: the row holds a password)"
            }
        }
        return failure.description
    }
}
