import Foundation
import Testing

@testable import Importers

/// An import reads `emailbackup` rows packed into one buffer; everything
/// else reads them as `SQLValue` events. Both must read the same values.
@Suite struct PackedDumpValuesTests {
    static let dumps = ["default.sql", "compact.sql", "complete-insert.sql", "skip-extended-insert.sql",
                        "emailbackup-only.sql", "no-create-info.sql", "roundtrip-base.sql", "rows.sql"]

    func reader(_ file: String) throws -> MySQLDumpReader {
        let path = OpenXEFixtureTests.directory.appendingPathComponent(file).path
        return MySQLDumpReader(stream: try InputOpener.open(path), tables: ["emailbackup", "firmendaten"])
    }

    /// The same rows both ways, and where a dump breaks, the same error after them.
    @Test(arguments: dumps) func packedRowsHoldTheValuesOfTheEvents(file: String) throws {
        var fromEvents: [[SQLValue]] = []
        var eventsError: DumpError?
        let events = try reader(file)
        do {
            while let event = try events.next() {
                if case let .row("emailbackup", _, values, _) = event { fromEvents.append(values) }
            }
        } catch {
            eventsError = error
        }
        var fromPacked: [[SQLValue]] = []
        var packedError: DumpError?
        var packed = PackedDumpValues()
        let packing = try reader(file)
        do {
            while let step = try packing.next(packing: "emailbackup", into: &packed) {
                switch step {
                case let .packedRow(table, _, values, _):
                    #expect(table == "emailbackup")
                    fromPacked.append(packed.sqlValues(values))
                case .event(.row(let table, _, _, _)):
                    #expect(table == "firmendaten")
                case .event(.table): break
                }
            }
        } catch {
            packedError = error
        }
        #expect(!fromEvents.isEmpty || eventsError != nil)
        #expect(fromPacked == fromEvents)
        #expect(packedError == eventsError)
        if eventsError == nil {
            #expect(try reader(file).countRows(of: "emailbackup") == fromEvents.count)
        }
    }

    /// A value of every kind, escapes resolved, and NULL apart from 'NULL'.
    @Test func everyKindOfValue() throws {
        let dump = #"INSERT INTO t VALUES (1,-2.5e3,'a\'b\\c\nd','',NULL,'NULL',0x4142,X'43',_binary 'x');"#
        let reader = MySQLDumpReader(stream: MemoryByteStream(dump, name: "d.sql", chunk: 4), tables: ["t"])
        var packed = PackedDumpValues()
        guard case let .packedRow(_, _, values, line)? = try reader.next(packing: "t", into: &packed) else {
            Issue.record("no packed row")
            return
        }
        #expect(line == 1)
        #expect(packed.sqlValues(values) == [
            .number("1"), .number("-2.5e3"), .string(Array("a'b\\c\nd".utf8)), .string([]), .null,
            .string(Array("NULL".utf8)), .hex([0x41, 0x42]), .hex([0x43]), .string([UInt8(ascii: "x")]),
        ])
        #expect(try reader.next(packing: "t", into: &packed) == nil)
    }
}
