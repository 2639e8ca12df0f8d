import ArgumentParser
import Importers

/// The options that change what is read from a source, shared by the
/// commands that read sources.
struct ReadOptionsGroup: ParsableArguments {
    @Flag(name: .long, help: "Import rows their system marks as deleted (OpenXE geloescht = 1) instead of skipping them.")
    var includeDeleted = false

    var options: ReadOptions { ReadOptions(includeDeleted: includeDeleted) }
}
