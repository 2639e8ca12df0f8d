import MailModel

/// How a profile reads each column's cell, in flat tables of plain values:
/// the codec's per-column lists (fields, value-map words, implied values)
/// laid end to end and named by ranges. Reading a spreadsheet row walks
/// these for every cell: walking arrays of arrays instead retained and
/// released each inner array on the way (perf: 4.8% of a 1M `xentral` run's
/// CPU, of 13.5% under the codec in all).
struct ProfileReadPlan: Sendable {
    /// What a column's non-empty cell takes.
    enum Step: UInt8, Sendable {
        /// Its text is the text of its fields as it stands.
        case textOnly
        /// A word of the column's value map.
        case mapped
        /// A German date (`31.12.2024`).
        case germanDate
        /// A comma-separated list.
        case list
        /// A value of the fields' kinds (a port, a yes/no in canonical form).
        case text
        /// Read from a String by the codec (an extra).
        case string
    }

    struct Column: Sendable {
        let step: Step
        /// Into `fields`.
        let fields: Range<Int32>
        /// Into `words`.
        let words: Range<Int32>
        /// Into `assignments`: what a non-empty cell implies.
        let implied: Range<Int32>
    }

    /// A word of a value map and what it means.
    struct Word: Sendable {
        /// Into `bytes`: the word as UTF-8.
        let text: Range<Int32>
        /// Into `assignments`.
        let assignments: Range<Int32>
    }

    /// A field and its canonical text.
    struct Assignment: Sendable {
        let field: CanonicalField
        /// Into `bytes`: the text as UTF-8.
        let text: Range<Int32>
    }

    private var columns: [Column] = []
    private var fields: [CanonicalField] = []
    private var words: [Word] = []
    private var assignments: [Assignment] = []
    private var bytes: [UInt8] = []

    /// The tables as buffers, for one row's reading.
    struct Tables {
        let columns: UnsafeBufferPointer<Column>
        let fields: UnsafeBufferPointer<CanonicalField>
        let words: UnsafeBufferPointer<Word>
        let assignments: UnsafeBufferPointer<Assignment>
        let bytes: UnsafeBufferPointer<UInt8>

        func fields(of column: Column) -> UnsafeBufferPointer<CanonicalField> {
            UnsafeBufferPointer(rebasing: fields[Int(column.fields.lowerBound)..<Int(column.fields.upperBound)])
        }

        func assignments(_ range: Range<Int32>) -> UnsafeBufferPointer<Assignment> {
            UnsafeBufferPointer(rebasing: assignments[Int(range.lowerBound)..<Int(range.upperBound)])
        }

        func text(_ range: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)])
        }

        /// The word of the column's value map that the cell is as it stands; nil for any other cell.
        func word(_ cell: UnsafeBufferPointer<UInt8>, of column: Column) -> Word? {
            for index in Int(column.words.lowerBound)..<Int(column.words.upperBound) {
                let word = words[index]
                guard word.text.count == cell.count else { continue }
                let candidate = text(word.text)
                var same = true
                for k in 0..<cell.count where candidate[k] != cell[k] {
                    same = false
                    break
                }
                if same { return word }
            }
            return nil
        }
    }

    func withTables<Value, Failure: Error>(_ body: (Tables) throws(Failure) -> Value) throws(Failure) -> Value {
        // Nested closures cannot pass a typed error through; the result carries it.
        let outcome: Result<Value, Failure> = columns.withUnsafeBufferPointer { columns in
            fields.withUnsafeBufferPointer { fields in
                words.withUnsafeBufferPointer { words in
                    assignments.withUnsafeBufferPointer { assignments in
                        bytes.withUnsafeBufferPointer { bytes in
                            do throws(Failure) {
                                return .success(
                                    try body(
                                        Tables(
                                            columns: columns, fields: fields, words: words, assignments: assignments,
                                            bytes: bytes)))
                            } catch {
                                return .failure(error)
                            }
                        }
                    }
                }
            }
        }
        return try outcome.get()
    }

    /// Adds a column; `words`: each word of its value map with what it means,
    /// the first entry winning a shared word (as the codec reads them).
    mutating func append(
        step: Step, fields columnFields: [CanonicalField], words columnWords: [(word: [UInt8], means: [(CanonicalField, [UInt8])])],
        implied columnImplied: [(CanonicalField, [UInt8])]
    ) {
        let fieldStart = Int32(fields.count)
        fields += columnFields
        let wordStart = Int32(words.count)
        for (word, means) in columnWords {
            let text = appendBytes(word)
            words.append(Word(text: text, assignments: appendAssignments(means)))
        }
        columns.append(
            Column(
                step: step, fields: fieldStart..<Int32(fields.count), words: wordStart..<Int32(words.count),
                implied: appendAssignments(columnImplied)))
    }

    private mutating func appendAssignments(_ list: [(CanonicalField, [UInt8])]) -> Range<Int32> {
        let start = Int32(assignments.count)
        for (field, text) in list { assignments.append(Assignment(field: field, text: appendBytes(text))) }
        return start..<Int32(assignments.count)
    }

    private mutating func appendBytes(_ text: [UInt8]) -> Range<Int32> {
        let start = Int32(bytes.count)
        bytes += text
        return start..<Int32(bytes.count)
    }
}
