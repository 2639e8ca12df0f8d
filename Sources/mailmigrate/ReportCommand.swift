import ArgumentParser
import Exporters
import Foundation

/// `mailmigrate report`: the customer's report as one HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of the stored accounts, findings and connect tests.",
        discussion: """
            One HTML file with no external assets (it works offline and prints): counts, every \
            account with the findings of the newest validating run and the results of the newest \
            connect tests, filters by severity and status, sortable columns. It never contains a \
            password. scripts/report-png renders it to a PNG with headless Chromium.
            """)

    @Option(name: .long, help: "The SQLite database to report on.")
    var db: String = "mailmigrate.sqlite"

    @Option(name: [.customShort("o"), .long], help: "The HTML file to write (- for standard output).")
    var output: String = "report.html"

    func run() throws {
        do {
            let store = try AccountStore(path: db, create: false)
            let file = try OutputFile(path: output, containsSecrets: false)
            do {
                try CustomerReport.write(try store.reportData(), to: file.sink) { try store.forEachReportAccount($0) }
            } catch {
                file.discard()
                throw error
            }
            try file.commit()
        } catch {
            throw Failure(error)
        }
    }
}
