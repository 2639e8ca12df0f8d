import Foundation
import MailModel
import Mappings

/// Reads a page saved from OpenXE's web interface (`.html`): an account's
/// edit form (controls named after the `emailbackup` columns), a table of
/// accounts (OpenXE's list with its German labels, or any table whose header
/// names columns, such as `mysql --html` output). Everything goes through
/// `EmailbackupMapping`, so a page gives the same account as the dump row.
///
/// A page with neither is one reject naming the file.
public final class OpenXEPageReader: AccountReader {
    private let path: String
    private let stream: ByteStream
    private let includeDeleted: Bool
    private var pending: [ImportItem]?
    private var collector = OpenXERowCollector()

    public init(stream: ByteStream, path: String? = nil, includeDeleted: Bool = false) {
        self.stream = stream
        self.path = path ?? stream.name
        self.includeDeleted = includeDeleted
    }

    public func next() throws(InputError) -> ImportItem? {
        if pending == nil { pending = try readPage().reversed() }
        return pending!.popLast()
    }

    private func readPage() throws(InputError) -> [ImportItem] {
        let bytes = try ByteStreams.readAll(stream, limit: MarkupParser.sizeLimit, path: path)
        let page: MarkupNode
        do {
            page = try MarkupParser.html(bytes, path: path)
        } catch {
            return [.reject(Reject(source: SourceReference(file: path), reason: "\(error)"))]
        }
        if let form = formValues(page) { return [item(form.values, line: form.line)] }
        var items: [ImportItem] = []
        for table in page.descendants(named: "table") { items += tableItems(table) }
        if items.isEmpty {
            return [.reject(Reject(source: SourceReference(file: path), reason: "no account form or account table found"))]
        }
        return items
    }

    // MARK: Edit form

    /// The values of the form controls named after columns; nil when fewer
    /// than three columns have a control (not an account form).
    private func formValues(_ page: MarkupNode) -> (values: [String: String], line: Int)? {
        var values: [String: String] = [:]
        var line = Int.max
        func visit(_ node: MarkupNode) {
            for child in node.children {
                if let name = child.attributes["name"], EmailbackupMapping.columnsByName[name] != nil,
                    let value = controlValue(child)
                {
                    if values[name] == nil || child.name != "input" || child.attributes["type"]?.lowercased() != "hidden" {
                        values[name] = value
                    }
                    line = min(line, child.line)
                }
                visit(child)
            }
        }
        visit(page)
        return values.count >= 3 ? (values, line) : nil
    }

    /// What a browser would submit for a control (a checkbox that is off submits 0 here).
    private func controlValue(_ control: MarkupNode) -> String? {
        switch control.name {
        case "input":
            switch control.attributes["type"]?.lowercased() ?? "text" {
            case "checkbox", "radio":
                return control.attributes["checked"] != nil ? (control.attributes["value"] ?? "1") : "0"
            case "submit", "button", "image", "reset", "file":
                return nil
            default:
                return control.attributes["value"] ?? ""
            }
        case "select":
            let options = control.descendants(named: "option")
            guard let chosen = options.first(where: { $0.attributes["selected"] != nil }) ?? options.first else { return "" }
            return chosen.attributes["value"] ?? chosen.allText.trimmingCharacters(in: .whitespacesAndNewlines)
        case "textarea":
            // A browser drops one line break right after <textarea>.
            var text = control.allText
            if text.hasPrefix("\r\n") { text.removeFirst(2) } else if text.hasPrefix("\n") { text.removeFirst() }
            return text
        default:
            return nil
        }
    }

    // MARK: Tables

    private func tableItems(_ table: MarkupNode) -> [ImportItem] {
        let rows = table.descendants(named: "tr")
        guard let headerIndex = rows.firstIndex(where: { !$0.children(named: "th").isEmpty }) ?? rows.indices.first else { return [] }
        let header = rows[headerIndex].children.filter { $0.name == "th" || $0.name == "td" }
        let columns = header.map { EmailbackupLabels.column(forLabel: $0.allText) }
        let known = Set(columns.compactMap { $0 })
        guard known.count >= 2, !known.isDisjoint(with: ["email", "benutzername", "server"]) else { return [] }
        // Raw column names (mysql --html) print NULL as NULL; OpenXE's list prints ja/nein.
        // A raw table's other columns (a later version's, a customer's own) are
        // data and kept as extras; a list's (the edit menu) are not.
        let headerNames = header.map { $0.allText.trimmingCharacters(in: .whitespacesAndNewlines) }
        let rawColumns = zip(columns, headerNames).allSatisfy { column, name in column == nil || column == name }
        var items: [ImportItem] = []
        for row in rows[(headerIndex + 1)...] {
            let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
            guard !cells.isEmpty else { continue }
            var values: [String: String] = [:]
            for (index, cell) in cells.enumerated() where index < columns.count {
                guard let column = columns[index] else {
                    if rawColumns, !headerNames[index].isEmpty { values[headerNames[index]] = cell.allText }
                    continue
                }
                var text = cell.allText
                if !rawColumns {
                    text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if EmailbackupMapping.columnsByName[column]?.kind == .integer {
                        switch text.lowercased() {
                        case "ja", "yes", "x", "✓", "✔": text = "1"
                        case "nein", "no", "-", "": text = "0"
                        default: break
                        }
                    }
                }
                values[column] = text
            }
            if values["id"] == nil, let id = Self.editLinkID(row) { values["id"] = id }
            items.append(item(values, line: row.line, nullWord: rawColumns ? "NULL" : nil))
        }
        return items
    }

    /// `…&id=7` in a link of the row (OpenXE's edit link).
    static func editLinkID(_ row: MarkupNode) -> String? {
        for link in row.descendants(named: "a") {
            guard let href = link.attributes["href"], let range = href.range(of: "[?&]id=[0-9]+", options: .regularExpression) else {
                continue
            }
            return String(href[range].split(separator: "=").last!)
        }
        return nil
    }

    // MARK: Values to an account

    private func item(_ values: [String: String], line: Int, nullWord: String? = nil) -> ImportItem {
        let source = OpenXERowCollector.source(
            file: path, line: line > 0 && line < Int.max ? line : nil, table: EmailbackupMapping.table, id: values["id"])
        // A page cannot show NULL: an empty nullable field is NULL (OpenXE treats both alike).
        var names: [String] = []
        var texts: [String?] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            // A column the mapping does not have is an extra, and NULL none.
            let nullable = EmailbackupMapping.columnsByName[name]?.nullable ?? true
            names.append(name)
            texts.append(nullable && (value.isEmpty || value == nullWord) ? nil : value)
        }
        // An emailbackup row always gives an item (account, skip or reject).
        return collector.row(table: EmailbackupMapping.table, names: names, values: texts, source: source, includeDeleted: includeDeleted)
            ?? .reject(Reject(source: source, reason: "no account"))
    }
}
