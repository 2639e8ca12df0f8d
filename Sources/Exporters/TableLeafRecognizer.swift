#if canImport(Glibc)
import Glibc
#endif

/// Tells the leaf pages of one table in an SQLite database file from its
/// other pages, by reading a page's header and its first record's header
/// from the file: a table leaf (b-tree page type 13) whose first record has
/// the table's column count. Within one store only `account_state` has its
/// count (seven), so its pages can be told apart without asking SQLite,
/// which cannot say which table a page belongs to without reading the whole
/// table.
///
/// `EarlyWriteback` keeps these pages in the page cache while it releases
/// the rest of a run's pages: the key index is built from `account_state` at
/// the end of the run, and with its pages released the build read them back
/// from the disk one at a time (2,300 reads at 1M accounts, the other core
/// idle). The layout read here is SQLite's documented file format
/// (sqlite.org/fileformat2.html, "B-tree Pages" and "Record Format"), stable
/// since 2004. A page it cannot read or does not know is simply not the table's:
/// the answer decides only what stays cached, never what is stored.
struct TableLeafRecognizer: Sendable {
    /// The database's page size (`PRAGMA page_size`).
    let pageSize: Int
    /// The table's column count (an `INTEGER PRIMARY KEY` column counts: its
    /// record holds a NULL in its place). The first 64 bytes of a cell are
    /// read, which holds the record header of a table of up to about 25 columns.
    let columnCount: Int

    /// b-tree page type byte of a table leaf page.
    private static let tableLeaf: UInt8 = 13

    /// Whether the page that starts at byte `offset` of the open file is a
    /// leaf of the table. Never the first page (its header follows the
    /// file's, and it is the schema table's).
    func isLeaf(at offset: Int64, in descriptor: Int32) -> Bool {
        #if os(Linux)
        guard offset >= Int64(pageSize) else { return false }
        // A leaf page's header: type, first freeblock (2), cell count (2),
        // cell content start (2), fragmented bytes (1); then the cells' offsets (2 each).
        var header = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        let read = withUnsafeMutableBytes(of: &header) { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard read == MemoryLayout.size(ofValue: header), header.0 == Self.tableLeaf else { return false }
        let cellCount = Int(header.3) << 8 | Int(header.4)
        let firstCell = Int(header.8) << 8 | Int(header.9)
        guard cellCount > 0, firstCell >= 10, firstCell < pageSize else { return false }
        var cell = [UInt8](repeating: 0, count: min(64, pageSize - firstCell))
        let count = cell.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset) + off_t(firstCell)) }
        guard count == cell.count else { return false }
        return Self.recordColumnCount(cell: cell) == columnCount
        #else
        return false
        #endif
    }

    /// The number of columns of a table leaf cell's record (payload size,
    /// rowid, then the record header: its size, then one serial type per
    /// column), or nil when the bytes given end first.
    static func recordColumnCount(cell: [UInt8]) -> Int? {
        var position = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            for index in 0..<9 {
                guard position < cell.count else { return nil }
                let byte = cell[position]
                position += 1
                if index == 8 { return value << 8 | UInt64(byte) }
                value = value << 7 | UInt64(byte & 0x7f)
                if byte < 0x80 { return value }
            }
            return value
        }
        guard varint() != nil, varint() != nil else { return nil }  // payload size, rowid
        let headerStart = position
        guard let headerSize = varint(), headerSize > 0 else { return nil }
        guard headerSize <= UInt64(cell.count - headerStart) else { return nil }
        let headerEnd = headerStart + Int(headerSize)
        var columns = 0
        while position < headerEnd {
            guard varint() != nil else { return nil }
            columns += 1
        }
        return position == headerEnd ? columns : nil
    }
}
