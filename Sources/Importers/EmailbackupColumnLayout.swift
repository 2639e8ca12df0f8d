import Mappings

/// How the columns of a dump's `emailbackup` rows (its `CREATE TABLE` or
/// column list) line up with the mapping's 42 columns. A later OpenXE
/// version or a customer's own change can add columns the mapping does not
/// have; their values are kept as extras under the column's name, so that no
/// value of the dump is dropped without a word (an export that cannot hold
/// them names them).
struct EmailbackupColumnLayout: Sendable {
    /// For each mapping column, its place among the row's values, if there.
    let positions: [Int?]
    /// The places of the row's columns the mapping does not have.
    let unmapped: [Int]

    init(names: [String]) {
        var byName: [String: Int] = [:]
        for (index, name) in names.enumerated() where byName[name] == nil { byName[name] = index }
        positions = EmailbackupMapping.columns.map { byName[$0.name] }
        let mapped = Set(positions.compactMap { $0 })
        unmapped = names.indices.filter { !mapped.contains($0) }
    }
}
