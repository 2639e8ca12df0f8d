import ArgumentParser

/// The root command: moves e-mail account settings between ERP and CRM systems.
struct MailMigrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailmigrate",
        abstract: "Move e-mail account settings between ERP and CRM systems, in batch.",
        discussion: """
            Reads account settings (CSV in canonical or a system's layout, OpenXE dumps, saved \
            OpenXE pages, account XML, mysqldump --xml; plain or gzip), normalises them into one \
            canonical account model, validates them against a catalogue of rules, connect-tests \
            them against their servers and stores them in SQLite, where a re-run updates \
            accounts instead of duplicating them; exports them again for migration targets.

            Exit codes: 0 all good; 1 failure (nothing changed); 2 usage error; \
            3 some records were rejected; 4 validation findings at or above --fail-on; \
            5 a connect test failed; 6 another run holds the database's lock (or kept the \
            database locked for 5 s); \
            130 interrupted (nothing changed).
            """,
        subcommands: [
            RunCommand.self, ExportCommand.self, ValidateCommand.self, ProbeCommand.self, ReportCommand.self, RulesCommand.self, ProfilesCommand.self, ProvidersCommand.self,
            ReadOnlyCommand.self,
        ],
        defaultSubcommand: nil)
}
