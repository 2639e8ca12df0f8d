import Foundation
import MailModel

/// A profile ready to read and write rows: its fields and value maps
/// checked once. One codec serves both directions, so what a row reads as
/// is exactly what the account writes back as.
public struct ProfileCodec: Sendable {
    public let profile: MappingProfile
    private let fields: [[CanonicalField]]
    private let maps: [ValueMap?]
    /// Per column: each word of its value map (as written, and normalised)
    /// with the assignments it means; the first entry wins a shared word. A
    /// list, not a dictionary: a map has a handful of words, and comparing
    /// them costs less than hashing the cell.
    private let readings: [[(word: String, assignments: [(CanonicalField, String)])]]
    /// Per column: what a non-empty cell implies.
    private let implied: [[(CanonicalField, String)]]
    /// Per column, looked up for every cell: its extra's name, and its format.
    private let extraNames: [String?]
    private let formats: [CellFormat]
    /// Columns whose cell is the text of their fields as it stands (no value
    /// map, no implied fields, no format, text fields only): most columns of
    /// a layout, read without any of the steps above.
    private let textOnly: [Bool]

    /// How a column writes its values, when not as canonical text.
    private enum CellFormat: Sendable {
        case text, germanDate, list
    }

    public init(_ profile: MappingProfile) throws(ProfileError) {
        self.profile = profile
        var fields: [[CanonicalField]] = []
        var maps: [ValueMap?] = []
        for column in profile.columns {
            for name in column.fields + (column.implies.map { Array($0.keys) } ?? []) where CanonicalField(rawValue: name) == nil {
                throw ProfileError(profile: profile.name, message: "column '\(column.header)': '\(name)' is not a canonical field")
            }
            if column.fields.isEmpty && column.extra == nil && profile.kind == .columns {
                throw ProfileError(profile: profile.name, message: "column '\(column.header)' has neither fields nor an extra")
            }
            var map: ValueMap?
            if let name = column.values {
                guard let found = profile.valueMaps[name] else {
                    throw ProfileError(profile: profile.name, message: "column '\(column.header)': no value map '\(name)'")
                }
                map = found
            }
            if let format = column.format, !["date-de", "list"].contains(format) {
                throw ProfileError(profile: profile.name, message: "column '\(column.header)': unknown format '\(format)'")
            }
            fields.append(column.canonicalFields)
            maps.append(map)
        }
        if profile.kind == .emailbackup {
            let names = Set(EmailbackupMapping.columns.map(\.name))
            for column in profile.columns where !names.contains(column.header) {
                throw ProfileError(profile: profile.name, message: "'\(column.header)' is not an emailbackup column")
            }
        }
        self.fields = fields
        self.maps = maps
        var readings: [[(word: String, assignments: [(CanonicalField, String)])]] = []
        var implied: [[(CanonicalField, String)]] = []
        for (index, column) in profile.columns.enumerated() {
            var table: [(word: String, assignments: [(CanonicalField, String)])] = []
            for entry in maps[index]?.entries ?? [] {
                var assignments: [(CanonicalField, String)] = []
                for (name, text) in entry.means.sorted(by: { $0.key < $1.key }) {
                    let targets = name == "$" ? fields[index] : CanonicalField(rawValue: name).map { [$0] } ?? []
                    for field in targets { assignments.append((field, text)) }
                }
                for word in [entry.word] + (entry.alsoRead ?? []) {
                    for form in [word, ProfileColumn.normalised(word)] where !table.contains(where: { $0.word == form }) {
                        table.append((form, assignments))
                    }
                }
            }
            readings.append(table)
            implied.append((column.implies ?? [:]).sorted(by: { $0.key < $1.key }).compactMap { name, text in
                CanonicalField(rawValue: name).map { ($0, text) }
            })
        }
        self.readings = readings
        self.implied = implied
        extraNames = profile.columns.map(\.extra)
        formats = profile.columns.map { column in
            switch column.format {
            case "date-de": .germanDate
            case "list": .list
            default: .text
            }
        }
        textOnly = profile.columns.indices.map { index in
            profile.columns[index].extra == nil && implied[index].isEmpty && maps[index] == nil
                && profile.columns[index].format == nil && !fields[index].isEmpty
                && fields[index].allSatisfy { $0.kind == .text || $0.kind == .secret }
        }
    }

    // MARK: Reading

    /// The account a row holds; `cells[i]` is column i's text, nil when the file lacks the column.
    public func account(cells: [String?]) throws(ProfileValueError) -> MailAccount {
        do {
            return try readAccount(cells)
        } catch {
            // In a row whose columns were shifted by hand, the value could be
            // the password: a row that holds one never has a value quoted.
            guard !error.value.isEmpty, holdsSecret(cells) else { throw error }
            throw ProfileValueError(column: error.column, value: "", expected: error.expected + " (value not shown: the row holds a password)")
        }
    }

    /// Whether a column that holds a password (or a secret-named extra) has a value in this row.
    private func holdsSecret(_ cells: [String?]) -> Bool {
        for (index, column) in profile.columns.enumerated() where index < cells.count {
            guard let cell = cells[index], !cell.isEmpty else { continue }
            let secretField = fields[index].contains { $0.kind == .secret }
            let secretName = ExtraField.namesSecret(column.extra ?? "") || (profile.kind == .emailbackup && ExtraField.namesSecret(column.header))
            if secretField || secretName { return true }
        }
        return false
    }

    private func readAccount(_ cells: [String?]) throws(ProfileValueError) -> MailAccount {
        if profile.kind == .emailbackup { return try emailbackupAccount(cells) }
        var account = MailAccount()
        for index in 0..<min(cells.count, extraNames.count) {
            guard let cell = cells[index], !cell.isEmpty else { continue }
            if textOnly[index] {
                for field in fields[index] { field.assignText(cell, to: &account) }
                continue
            }
            if let extra = extraNames[index] {
                account.extras.append(ExtraField(name: extra, value: cell))
                continue
            }
            for (field, text) in implied[index] { try assign(text, to: field, column: index, in: &account) }
            if let map = maps[index] {
                if let assignments = reading(cell, column: index) ?? reading(ProfileColumn.normalised(cell), column: index) {
                    for (field, text) in assignments { try assign(text, to: field, column: index, in: &account) }
                    continue
                }
                let words = map.entries.map(\.word).filter { !$0.isEmpty }
                if fields[index].contains(where: { $0.kind == .boolean }) {
                    throw ProfileValueError(
                        column: profile.columns[index].header, value: cell, expected: words.joined(separator: " or "))
                }
            }
            if formats[index] == .list {
                let items = Self.listItems(cell)
                for field in fields[index] where !field.assignList(items, to: &account) {
                    try assign(ListCodec.encode(items), to: field, column: index, in: &account)
                }
                continue
            }
            let text = try formatted(cell, column: index)
            for field in fields[index] { try assign(text, to: field, column: index, in: &account) }
        }
        return account
    }

    private func assign(_ text: String, to field: CanonicalField, column: Int, in account: inout MailAccount) throws(ProfileValueError) {
        do {
            try field.assign(text, to: &account)
        } catch {
            throw ProfileValueError(
                column: profile.columns[column].header, value: field.kind == .secret ? "" : text, expected: error.expected)
        }
    }

    /// What a word of the column's value map means, nil for a word the map lacks.
    private func reading(_ word: String, column: Int) -> [(CanonicalField, String)]? {
        readings[column].first { $0.word == word }?.assignments
    }

    /// A cell in the column's format, as canonical text.
    private func formatted(_ cell: String, column: Int) throws(ProfileValueError) -> String {
        switch formats[column] {
        case .germanDate:
            // Split as UTF-8: a dot is one byte, and splitting by Character cost
            // more than the rest of the row's reading.
            let parts = cell.utf8.split(separator: UInt8(ascii: ".")).map { Substring($0) }
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
                let date = CalendarDate(year: y, month: m, day: d)
            else {
                throw ProfileValueError(column: profile.columns[column].header, value: cell, expected: "a date like 31.12.2024")
            }
            return date.description
        case .list:
            return ListCodec.encode(Self.listItems(cell))
        case .text:
            return cell
        }
    }

    /// The items of a list cell (`a@x.de, b@x.de`): split at commas, spaces
    /// and tabs trimmed off each item, empty items dropped. Byte by byte:
    /// this runs per cell, and a comma or a space is never part of a longer
    /// UTF-8 sequence.
    static func listItems(_ cell: String) -> [String] {
        var cell = cell
        return cell.withUTF8 { bytes in
            var items: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ",") {
                var low = start
                var high = end
                while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
                while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
                if high > low { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)) }
                start = end + 1
            }
            return items
        }
    }

    private func emailbackupAccount(_ cells: [String?]) throws(ProfileValueError) -> MailAccount {
        var values: [String??] = Array(repeating: nil, count: EmailbackupMapping.columns.count)
        for (index, column) in profile.columns.enumerated() where index < cells.count {
            guard let cell = cells[index], let position = EmailbackupMapping.columns.firstIndex(where: { $0.name == column.header }) else { continue }
            // A spreadsheet cannot hold NULL: an empty nullable column is NULL.
            values[position] = EmailbackupMapping.columns[position].nullable && cell.isEmpty ? .some(nil) : .some(cell)
        }
        do {
            return try EmailbackupMapping.account(fromColumns: values)
        } catch {
            throw ProfileValueError(column: error.column, value: error.value, expected: error.expected)
        }
    }

    // MARK: Writing

    /// The row for an account, one text per column.
    public func cells(for account: MailAccount) -> [String] {
        if profile.kind == .emailbackup {
            let row = EmailbackupMapping.row(for: account)
            return profile.columns.map { column in
                EmailbackupMapping.columns.firstIndex { $0.name == column.header }.flatMap { row[$0] } ?? ""
            }
        }
        return profile.columns.indices.map { cell(at: $0, for: account) }
    }

    private func cell(at index: Int, for account: MailAccount) -> String {
        let column = profile.columns[index]
        if let extra = column.extra { return account.extras.first { $0.name == extra }?.value ?? "" }
        guard let first = fields[index].first else { return "" }
        if let map = maps[index] {
            for entry in map.entries where entry.means.allSatisfy({ name, text in
                let field = name == "$" ? first : CanonicalField(rawValue: name)
                return field.map { $0.text(in: account) == text } ?? false
            }) {
                return entry.word
            }
        }
        let text = first.text(in: account)
        switch column.format {
        case "date-de":
            guard let date = CalendarDate(iso: text) else { return text }
            return String(format: "%02d.%02d.%04d", date.day, date.month, date.year)
        case "list":
            return ListCodec.decode(text).joined(separator: ", ")
        default:
            return first.kind == .boolean && text == "false" ? "" : text
        }
    }

    /// What of an account this layout cannot hold: each canonical field
    /// whose value does not come back the same when its row is read again,
    /// and each extra the layout has no column for.
    public func lostFields(of account: MailAccount) -> [String] {
        let back: MailAccount
        do {
            back = try self.account(cells: cells(for: account).map { $0 })
        } catch {
            return ["(row does not read back: \(error))"]
        }
        var lost: [String] = []
        for field in CanonicalField.ordered where field != .origin && field != .extras {
            let original = field.text(in: account)
            if !original.isEmpty, original != "false", original != field.text(in: back) { lost.append(field.name) }
        }
        let kept = Set(profile.columns.compactMap(\.extra))
        for extra in account.extras where !kept.contains(extra.name) && !(profile.kind == .emailbackup && extra.name.hasPrefix(EmailbackupMapping.rawPrefix)) {
            lost.append("extras.\(extra.name)")
        }
        return lost
    }
}

/// A profile that cannot be used: a field or value map it names does not exist.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let profile: String
    public let message: String
    public var description: String { "profile \(profile): \(message)" }
}

/// A cell the profile cannot read (`ja`/`nein` expected, a date that is none).
public struct ProfileValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: String
    public let value: String
    public let expected: String
    public var description: String {
        value.isEmpty ? "column '\(column)': expected \(expected)" : "column '\(column)': expected \(expected), found '\(value)'"
    }
}
