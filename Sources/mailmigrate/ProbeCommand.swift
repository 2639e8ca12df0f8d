import ArgumentParser
import ConnectTest
import Exporters
import Foundation
import Importers
import MailModel

/// `mailmigrate probe`: connect-test accounts against their real servers.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect-test accounts against their IMAP, POP3 and SMTP servers.",
        discussion: """
            Tests every account of the SOURCE files, or without SOURCE the accounts stored in \
            --db: TCP connect, implicit TLS or STARTTLS as the settings say, the greeting, \
            capabilities (IMAP CAPABILITY, POP3 CAPA, SMTP EHLO) and with --login a real login, \
            then a clean logout. Accounts on the same server share one connection for the TLS \
            and capability part; logins connect per account. A password is never sent without \
            TLS unless --allow-cleartext-login is given; OAuth logins are skipped (whether the \
            server offers XOAUTH2/OAUTHBEARER is reported).

            Each endpoint gets one status: ok, dns-error, refused, timeout (with the step), \
            tls-error (untrusted, expired, name mismatch, handshake failure), \
            starttls-unavailable, auth-failed, auth-unavailable, protocol-error (with the \
            server's line) or skipped. A record of a SOURCE that cannot be read is a line on \
            standard error (FILE:LINE: rejected: REASON). Exit code 5 when any endpoint \
            failed, else 3 when records could not be read.
            """)

    @Argument(help: "Files or directories to test (nothing: the accounts in --db).")
    var sources: [String] = []

    @Option(name: .long, help: "The SQLite database whose accounts are tested when no SOURCE is given.")
    var db: String = "mailmigrate.sqlite"

    @Option(name: .long, help: "Output: text or json (one object per endpoint).")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var probe: ProbeOptionsGroup

    @OptionGroup var readOptions: ReadOptionsGroup

    func run() async throws {
        var accounts: [(email: String, source: String, id: Int64?, account: MailAccount)] = []
        var leftOut = RecordsLeftOut(work: "connect-tested")
        do {
            if sources.isEmpty {
                let store = try AccountStore(path: db, create: false)
                try store.forEachAccountWithID { id, account in
                    accounts.append((account.identity.email, account.identity.origin, id, account))
                }
            } else {
                let options = try readOptions.options()
                for entry in try SourceList(arguments: sources).entries {
                    let reader = try entry.format.reader(path: entry.path, options: options)
                    while let item = try reader.next() {
                        switch consume item {
                        case let .account(account, source):
                            accounts.append((account.identity.email, source.description, nil, account))
                        case .reject(let reject): leftOut.reject(reject)
                        case .skipped: leftOut.skip()
                        }
                    }
                }
            }
        } catch {
            throw Failure(error)
        }
        let probed: [ProbedAccount]
        do {
            probed = try await ProbeSession.run(accounts, options: probe.options)
        } catch {
            throw Failure(error)
        }
        FileHandleStream.standardOutput.write(format == .json ? ProbeReport.json(probed) : ProbeReport.text(probed))
        leftOut.writeCounts()
        if ProbeSession.failures(probed) > 0 { throw ExitStatus.probeFailures.code }
        if leftOut.rejected > 0 { throw ExitStatus.rejected.code }
    }
}
