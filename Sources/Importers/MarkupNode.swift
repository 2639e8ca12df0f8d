/// An XML or HTML element as parsed by libxml2, copied into Swift values:
/// small documents only (saved pages, autoconfig files), which are read
/// whole. Large XML goes through `XMLPullReader` instead.
public struct MarkupNode: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [MarkupNode]
    /// Text directly in this element (not in its children), in order.
    public var text: String
    public var line: Int

    public init(name: String, attributes: [String: String] = [:], children: [MarkupNode] = [], text: String = "", line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// All text inside, children included, in document order.
    public var allText: String {
        var out = ""
        appendAllText(to: &out)
        return out
    }

    private func appendAllText(to out: inout String) {
        out += text
        for child in children { child.appendAllText(to: &out) }
    }

    /// Elements below this one (any depth) with this name (lower-case for HTML), in document order.
    public func descendants(named wanted: String) -> [MarkupNode] {
        var out: [MarkupNode] = []
        collect(wanted, into: &out)
        return out
    }

    private func collect(_ wanted: String, into out: inout [MarkupNode]) {
        for child in children {
            if child.name == wanted { out.append(child) }
            child.collect(wanted, into: &out)
        }
    }

    /// The direct children with this name.
    public func children(named wanted: String) -> [MarkupNode] { children.filter { $0.name == wanted } }

    /// The text of the first direct child with this name, trimmed.
    public func childText(_ wanted: String) -> String? {
        children.first { $0.name == wanted }.map { $0.allText.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

import Foundation
