/// What validation found about one account, as the texts the store writes
/// for it: rule, severity, field, message and fix of each finding.
///
/// Made on a normalising thread, like `AccountRow`, so that the thread that
/// writes SQLite copies bytes instead of walking findings and their texts,
/// and does not free them: glibc frees memory under the lock of the arena of
/// the thread that allocated it, so each free there waited on a normaliser.
/// An account without findings costs nothing (empty arrays allocate nothing).
public struct FindingRows: Sendable {
    /// The texts of every finding, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Per finding, `stride` entries: the end of its rule, severity, field,
    /// message and fix in `bytes`, then which of field and fix it has.
    private var ends: [Int32] = []

    private static let stride = 6
    private static let hasField: Int32 = 1
    private static let hasFix: Int32 = 2

    public init() {}

    public var count: Int { ends.count / Self.stride }
    public var isEmpty: Bool { ends.isEmpty }

    /// Adds a finding. A missing field or fix is stored as NULL, an empty one
    /// as empty text.
    public mutating func append(rule: String, severity: String, field: String?, message: String, fix: String?) {
        if ends.isEmpty {
            // Room for two typical findings at once: growing from empty took
            // five reallocations of `bytes` for the first two.
            bytes.reserveCapacity(512)
            ends.reserveCapacity(2 * Self.stride)
        }
        bytes.append(contentsOf: rule.utf8)
        ends.append(Int32(bytes.count))
        bytes.append(contentsOf: severity.utf8)
        ends.append(Int32(bytes.count))
        if let field { bytes.append(contentsOf: field.utf8) }
        ends.append(Int32(bytes.count))
        bytes.append(contentsOf: message.utf8)
        ends.append(Int32(bytes.count))
        if let fix { bytes.append(contentsOf: fix.utf8) }
        ends.append(Int32(bytes.count))
        ends.append((field == nil ? 0 : Self.hasField) | (fix == nil ? 0 : Self.hasFix))
    }

    /// Where finding `index`'s texts are in `bytes`: the first starts where
    /// the previous finding's fix ended.
    struct Parts {
        let start: Int
        /// The ends of rule, severity, field, message and fix.
        let ends: (Int, Int, Int, Int, Int)
        let hasField: Bool
        let hasFix: Bool
    }

    func parts(of index: Int) -> Parts {
        let first = index * Self.stride
        let flags = ends[first + 5]
        return Parts(
            start: index == 0 ? 0 : Int(ends[first - 2]),
            ends: (Int(ends[first]), Int(ends[first + 1]), Int(ends[first + 2]), Int(ends[first + 3]), Int(ends[first + 4])),
            hasField: flags & Self.hasField != 0, hasFix: flags & Self.hasFix != 0)
    }
}
