import MailModel
import Mappings

/// Opens a CSV source in the right layout: the character set (a UTF-16 BOM,
/// else UTF-8 when valid or mostly so, else Windows-1252; or `--encoding`;
/// see `TextEncoding.detect`), then the
/// header row, which chooses canonical CSV or a system's profile (or
/// `--profile`/`--mapping` says which). The choice and its reason go to
/// `ReadOptions.announce`.
enum CSVSource {
    static func reader(stream: ByteStream, path: String, options: ReadOptions) throws(InputError) -> AccountReader {
        let sniffing = SniffingByteStream(source: stream)
        let encoding: TextEncoding
        if let forced = options.encoding {
            encoding = forced
        } else {
            encoding = TextEncoding.detect(try sniffing.peek(1 << 16), complete: false)
        }
        let text: ByteStream = encoding == .utf8 ? sniffing : TranscodingByteStream(source: sniffing, encoding: encoding)
        if let profile = options.profile, profile.headerless {
            return try headerless(profile, stream: text, path: path, encoding: encoding, options: options)
        }
        let records = CSVRecordReader(stream: text)
        var next = try records.next()
        // Comment lines before the first record (imapsync files start with them).
        while case let .record(_, fields)? = next, fields.first?.hasPrefix("#") == true { next = try records.next() }
        guard let first = next else {
            throw .invalidHeader(path: path, line: 1, reason: "empty file: expected a header row")
        }
        guard case let .record(line, header) = first else {
            if case let .malformed(line, reason) = first {
                throw .invalidHeader(path: path, line: line, reason: "unreadable header: \(reason)")
            }
            return SingleReject(Reject(source: SourceReference(file: path), reason: "unreadable"))
        }
        records.header = header
        let choice: ProfileDetector.Choice
        let detected = options.profile.map { ProfileDetector.check(header: header, asked: $0, among: options.profiles) }
            ?? ProfileDetector.choose(header: header, among: options.profiles)
        switch detected {
        case .success(let found): choice = found
        case .failure(let failure): throw .invalidHeader(path: path, line: line, reason: failure.description)
        }
        guard let profile = choice.profile else {
            return try CanonicalCSVReader(records: records, path: path, header: (line, header))
        }
        options.announce?("\(path): \(choice.reason)" + (encoding == .utf8 ? "" : ", read as \(encoding.rawValue)"))
        let codec: ProfileCodec
        do {
            codec = try ProfileCodec(profile)
        } catch {
            throw .invalidHeader(path: path, line: line, reason: error.description)
        }
        if profile.headerless {
            records.header = []  // the first record was data, not headings
            return try ProfileCSVReader(records: records, path: path, codec: codec, encoding: encoding, header: nil, firstRecord: (line, header))
        }
        return try ProfileCSVReader(records: records, path: path, codec: codec, encoding: encoding, header: (line, header), firstRecord: nil)
    }

    private static func headerless(
        _ profile: MappingProfile, stream: ByteStream, path: String, encoding: TextEncoding, options: ReadOptions
    ) throws(InputError) -> AccountReader {
        let codec: ProfileCodec
        do {
            codec = try ProfileCodec(profile)
        } catch {
            throw .invalidHeader(path: path, line: 1, reason: error.description)
        }
        let delimiter = profile.delimiter.utf8.first
        let records = CSVRecordReader(stream: stream, delimiter: delimiter)
        options.announce?("\(path): profile \(profile.name) (as asked)")
        return try ProfileCSVReader(records: records, path: path, codec: codec, encoding: encoding, header: nil, firstRecord: nil)
    }
}
