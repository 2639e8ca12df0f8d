import MailModel
import Testing

/// Writing into reserved memory: what fits is written, the rest counted.
@Suite struct ByteWriterTests {
    @Test func writesWhatFitsAndCountsTheRest() {
        var room = [UInt8](repeating: 0, count: 6)
        let (written, missing) = room.withUnsafeMutableBufferPointer { buffer in
            var out = ByteWriter(into: buffer)
            let abc: [UInt8] = Array("abc".utf8)
            abc.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "-"))
            abc.withUnsafeBufferPointer { out.append(contentsOf: $0) }  // 3 bytes, 2 of room: none written
            out.append(UInt8(ascii: "!"))  // fits, but follows bytes that did not: counted, not written
            return (out.written, out.missing)
        }
        #expect(written == 4)
        #expect(missing == 4)
        #expect(room == Array("abc-".utf8) + [0, 0])
    }

    @Test func aFieldTextIsTheSameWrittenOrAppended() {
        var account = MailAccount()
        account.identity.displayName = "Jürgen Müller"
        account.incoming.port = 993
        account.roles.visibleToUsers = ["anna", "b;c"]
        for field in CanonicalField.ordered {
            var appended: [UInt8] = []
            field.appendText(in: account, to: &appended)
            var room = [UInt8](repeating: 0, count: 64)
            let count = room.withUnsafeMutableBufferPointer { buffer in
                var out = ByteWriter(into: buffer)
                field.appendText(in: account, to: &out)
                return out.written
            }
            #expect(Array(room[..<count]) == appended, "\(field.name)")
        }
    }
}
