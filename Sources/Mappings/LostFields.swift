import MailModel

/// What a layout cannot hold of an account, found the one way every writer
/// finds it: the account's row read back, and each canonical field with a
/// value (not empty, not `false`) that does not come back the same.
enum LostFields {
    /// Not compared: where the account came from is bookkeeping, and each
    /// layout names the extras it cannot keep itself.
    private static let notCompared: Set<CanonicalField> = [.origin, .extras]

    /// The names of the fields of `account` that `back` (its row, read again) lost.
    static func canonical(of account: MailAccount, readBack back: MailAccount) -> [String] {
        var lost: [String] = []
        // Compared as UTF-8, without a String per field and side; bytes that
        // differ are compared as texts too (canonically equivalent is the same).
        var original: [UInt8] = []
        var again: [UInt8] = []
        for field in CanonicalField.ordered where !notCompared.contains(field) {
            original.removeAll(keepingCapacity: true)
            field.appendText(in: account, to: &original)
            if original.isEmpty || original.elementsEqual("false".utf8) { continue }
            again.removeAll(keepingCapacity: true)
            field.appendText(in: back, to: &again)
            if original != again && String(decoding: original, as: UTF8.self) != String(decoding: again, as: UTF8.self) {
                lost.append(field.name)
            }
        }
        return lost
    }
}
