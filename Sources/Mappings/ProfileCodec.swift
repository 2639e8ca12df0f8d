import Foundation
import MailModel

/// A profile ready to read and write rows: its fields and value maps
/// checked once. One codec serves both directions, so what a row reads as
/// is exactly what the account writes back as.
public struct ProfileCodec: Sendable {
    public let profile: MappingProfile
    private let fields: [[CanonicalField]]
    private let maps: [ValueMap?]
    /// Per column, looked up for every cell: its extra's name, and its format.
    private let extraNames: [String?]
    private let formats: [CellFormat]
    /// How each column's cell is read: its step, its fields, each word of
    /// its value map (as written, and normalised; the first entry wins a
    /// shared word) with what it means, and what a non-empty cell implies.
    /// Words in a list, not a dictionary: a map has a handful of words, and
    /// comparing them costs less than hashing the cell.
    private let plan: ProfileReadPlan

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
        extraNames = profile.columns.map(\.extra)
        formats = profile.columns.map { column in
            switch column.format {
            case "date-de": .germanDate
            case "list": .list
            default: .text
            }
        }
        var plan = ProfileReadPlan()
        for index in profile.columns.indices {
            // Most columns of a layout: the cell is the text of their fields
            // as it stands (no value map, no implied fields, no format, text
            // fields only), read without any of the other steps.
            let textOnly =
                profile.columns[index].extra == nil && implied[index].isEmpty && maps[index] == nil
                && profile.columns[index].format == nil && !fields[index].isEmpty
                && fields[index].allSatisfy { $0.kind == .text || $0.kind == .secret }
            let step: ProfileReadPlan.Step =
                if textOnly {
                    .textOnly
                } else if extraNames[index] != nil {
                    .string
                } else if maps[index] != nil {
                    .mapped
                } else {
                    switch formats[index] {
                    case .germanDate: .germanDate
                    case .list: .list
                    case .text: .text
                    }
                }
            plan.append(
                step: step, fields: fields[index],
                words: readings[index].map { (Array($0.word.utf8), $0.assignments.map { ($0.0, Array($0.1.utf8)) }) },
                implied: implied[index].map { ($0.0, Array($0.1.utf8)) })
        }
        self.plan = plan
    }

    // MARK: Reading

    /// The account a row holds; `cells[i]` is column i's text, nil when the file lacks the column.
    public func account(cells: [String?]) throws(ProfileValueError) -> MailAccount {
        do {
            return try readAccount(cells)
        } catch {
            throw shown(error, count: cells.count) { cells[$0]?.isEmpty == false }
        }
    }

    /// What `account(cells:)` reads, from the UTF-8 of the cells where a
    /// reader holds them (`cells[i]`: column i's, nil when the file lacks the
    /// column; each cell checked as UTF-8 by the reader, as every CSV record
    /// is): the same fields, or the same error. Most cells become no
    /// String on the way (a yes/no word, a port, a date), and a String of
    /// each cell made reading a spreadsheet row cost more than storing it.
    public func fill(_ account: inout MailAccount, utf8 cells: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>?>) throws(ProfileValueError) {
        if profile.kind == .emailbackup {
            account = try self.account(cells: cells.map { $0.map { String(decoding: $0, as: UTF8.self) } })
            return
        }
        do throws(ProfileValueError) {
            try plan.withTables { (tables) throws(ProfileValueError) in
                for index in 0..<min(cells.count, tables.columns.count) {
                    guard let cell = cells[index], !cell.isEmpty else { continue }
                    let column = tables.columns[index]
                    if column.step == .textOnly {
                        let text = CheckedUTF8.string(cell)
                        for field in tables.fields(of: column) { field.assignText(text, to: &account) }
                    } else if try !readWithoutText(cell, column: index, column, tables, into: &account) {
                        try read(CheckedUTF8.string(cell), column: index, tables, into: &account)
                    }
                }
            }
        } catch {
            throw shown(error, count: cells.count) { cells[$0]?.isEmpty == false }
        }
    }

    /// The error as a report may show it. In a row whose columns were shifted
    /// by hand, the value could be the password: a row that holds one never
    /// has a value quoted.
    private func shown(_ error: ProfileValueError, count: Int, hasValue: (Int) -> Bool) -> ProfileValueError {
        guard !error.value.isEmpty, holdsSecret(count: count, hasValue: hasValue) else { return error }
        return ProfileValueError(column: error.column, value: "", expected: error.expected + " (value not shown: the row holds a password)")
    }

    /// Whether a column that holds a password (or a secret-named extra) has a value in this row.
    private func holdsSecret(count: Int, hasValue: (Int) -> Bool) -> Bool {
        for (index, column) in profile.columns.enumerated() where index < count {
            guard hasValue(index) else { continue }
            let secretField = fields[index].contains { $0.kind == .secret }
            let secretName = ExtraField.namesSecret(column.extra ?? "") || (profile.kind == .emailbackup && ExtraField.namesSecret(column.header))
            if secretField || secretName { return true }
        }
        return false
    }

    private func readAccount(_ cells: [String?]) throws(ProfileValueError) -> MailAccount {
        if profile.kind == .emailbackup { return try emailbackupAccount(cells) }
        var account = MailAccount()
        try plan.withTables { (tables) throws(ProfileValueError) in
            for index in 0..<min(cells.count, tables.columns.count) {
                guard let cell = cells[index], !cell.isEmpty else { continue }
                try read(cell, column: index, tables, into: &account)
            }
        }
        return account
    }

    /// Sets what a column's non-empty cell means.
    private func read(
        _ cell: String, column index: Int, _ tables: ProfileReadPlan.Tables, into account: inout MailAccount
    ) throws(ProfileValueError) {
        let column = tables.columns[index]
        if column.step == .textOnly {
            for field in tables.fields(of: column) { field.assignText(cell, to: &account) }
            return
        }
        if let extra = extraNames[index] {
            account.extras.append(ExtraField(name: extra, value: cell))
            return
        }
        try assign(tables.assignments(column.implied), column: index, tables, to: &account)
        if let map = maps[index] {
            if let word = Self.word(cell, of: column, tables) ?? Self.word(ProfileColumn.normalised(cell), of: column, tables) {
                try assign(tables.assignments(word.assignments), column: index, tables, to: &account)
                return
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
            return
        }
        let text = try formatted(cell, column: index)
        for field in fields[index] { try assign(text, to: field, column: index, in: &account) }
    }

    /// Sets what a column's non-empty cell means when that needs no String
    /// of the cell: a word of its value map as written, a German date, a
    /// list, a value of the model's kinds. False, having set nothing, for any
    /// other cell (an extra, a word to normalise, a date to reject), which
    /// `read(_:column:_:into:)` reads from a String as before.
    private func readWithoutText(
        _ cell: UnsafeBufferPointer<UInt8>, column index: Int, _ column: ProfileReadPlan.Column,
        _ tables: ProfileReadPlan.Tables, into account: inout MailAccount
    ) throws(ProfileValueError) -> Bool {
        switch column.step {
        case .textOnly, .string:
            return false
        case .mapped:
            guard let word = tables.word(cell, of: column) else { return false }
            try assign(tables.assignments(column.implied), column: index, tables, to: &account)
            try assign(tables.assignments(word.assignments), column: index, tables, to: &account)
        case .germanDate:
            guard let date = Self.germanDate(cell) else { return false }
            try assign(tables.assignments(column.implied), column: index, tables, to: &account)
            var iso: [UInt8] = []
            iso.reserveCapacity(10)
            date.appendISO(to: &iso)
            for field in tables.fields(of: column) { try assign(utf8: iso, to: field, column: index, in: &account) }
        case .list:
            try assign(tables.assignments(column.implied), column: index, tables, to: &account)
            let items = Self.listItems(utf8: cell)
            for field in tables.fields(of: column) where !field.assignList(items, to: &account) {
                try assign(ListCodec.encode(items), to: field, column: index, in: &account)
            }
        case .text:
            try assign(tables.assignments(column.implied), column: index, tables, to: &account)
            for field in tables.fields(of: column) { try assign(utf8: cell, to: field, column: index, in: &account) }
        }
        return true
    }

    /// Sets each field of `assignments` to its text (a word's meaning, or what a column implies).
    private func assign(
        _ assignments: UnsafeBufferPointer<ProfileReadPlan.Assignment>, column: Int, _ tables: ProfileReadPlan.Tables,
        to account: inout MailAccount
    ) throws(ProfileValueError) {
        for assignment in assignments {
            try assign(utf8: tables.text(assignment.text), to: assignment.field, column: column, in: &account)
        }
    }

    private func assign(utf8 text: [UInt8], to field: CanonicalField, column: Int, in account: inout MailAccount) throws(ProfileValueError) {
        try text.withUnsafeBufferPointer { (bytes) throws(ProfileValueError) in
            try assign(utf8: bytes, to: field, column: column, in: &account)
        }
    }

    private func assign(
        utf8 text: UnsafeBufferPointer<UInt8>, to field: CanonicalField, column: Int, in account: inout MailAccount
    ) throws(ProfileValueError) {
        do {
            try field.assign(utf8: text, to: &account)
        } catch {
            throw ProfileValueError(
                column: profile.columns[column].header, value: field.kind == .secret ? "" : String(decoding: text, as: UTF8.self),
                expected: error.expected)
        }
    }

    /// A German date (`31.12.2024`) of digits and two dots; nil for anything
    /// else, which the String reading then accepts or rejects as before.
    static func germanDate(_ cell: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var parts = (0, 0, 0)
        var part = 0
        var digits = 0
        for byte in cell {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, part < 2 else { return nil }
                part += 1
                digits = 0
                continue
            }
            guard byte >= 0x30, byte <= 0x39, digits < 9 else { return nil }
            digits += 1
            let digit = Int(byte - 0x30)
            switch part {
            case 0: parts.0 = parts.0 * 10 + digit
            case 1: parts.1 = parts.1 * 10 + digit
            default: parts.2 = parts.2 * 10 + digit
            }
        }
        guard part == 2, digits > 0 else { return nil }
        return CalendarDate(year: parts.2, month: parts.1, day: parts.0)
    }

    private func assign(_ text: String, to field: CanonicalField, column: Int, in account: inout MailAccount) throws(ProfileValueError) {
        do {
            try field.assign(text, to: &account)
        } catch {
            throw ProfileValueError(
                column: profile.columns[column].header, value: field.kind == .secret ? "" : text, expected: error.expected)
        }
    }

    /// The word of the column's value map that `text` is, nil for a word the map lacks.
    private static func word(
        _ text: String, of column: ProfileReadPlan.Column, _ tables: ProfileReadPlan.Tables
    ) -> ProfileReadPlan.Word? {
        var text = text
        return text.withUTF8 { tables.word($0, of: column) }
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
        return cell.withUTF8 { listItems(utf8: $0) }
    }

    static func listItems(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
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
        let text = first.text(in: account)
        if let map = maps[index] {
            for entry in map.entries where entry.means.allSatisfy({ name, expected in
                if name == "$" || name == first.rawValue { return text == expected }
                return CanonicalField(rawValue: name).map { $0.text(in: account) == expected } ?? false
            }) {
                return entry.word
            }
        }
        switch column.format {
        case "date-de":
            guard let date = CalendarDate(iso: text) else { return text }
            return Self.digits(date.day, 2) + "." + Self.digits(date.month, 2) + "." + Self.digits(date.year, 4)
        case "list":
            return ListCodec.decode(text).joined(separator: ", ")
        default:
            return first.kind == .boolean && text == "false" ? "" : text
        }
    }

    /// `value` in decimal, zero-padded to `width` (a date's day, month, year).
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// What of an account this layout cannot hold: each canonical field
    /// whose value does not come back the same when its row is read again,
    /// and each extra the layout has no column for.
    public func lostFields(of account: MailAccount) -> [String] {
        lostFields(of: account, cells: cells(for: account))
    }

    /// `lostFields(of:)` for the cells `cells(for: account)` made (a writer has them already).
    public func lostFields(of account: MailAccount, cells: [String]) -> [String] {
        let back: MailAccount
        do {
            back = try self.account(cells: cells.map { $0 })
        } catch {
            return ["(row does not read back: \(error))"]
        }
        var lost = LostFields.canonical(of: account, readBack: back)
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
