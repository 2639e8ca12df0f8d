import Foundation
import Importers
import TestSupport
import Testing

/// Exports for migration targets, each read back with our importers or the format's reader.
@Suite struct TargetExportTests {
    typealias MM = MailMigrateBinary

    @Test func m365NeedsSecretsAndReadsBack() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", "--quiet", MM.samples + "/profiles/m365.csv"], in: dir.path)
        let refused = try MM.run(["export", "--to", "m365", "-o", "batch.csv"], in: dir.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("Error: --to m365 writes the passwords the target system imports: add --include-secrets (the file gets mode 0600)"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/batch.csv"))
        let export = try MM.run(["export", "--to", "m365", "--include-secrets", "-o", "batch.csv"], in: dir.path)
        #expect(export.status == 0)
        #expect(dir.read("batch.csv") == "EmailAddress,UserName,Password\nlisa.meyer@meyer-logistik.de,lisa.meyer@meyer-logistik.de,Meyer!Lisa7\ntom.becker@meyer-logistik.de,tbecker,Becker?Tom8\n")
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/batch.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(export.stderr.isEmpty)
    }

    /// Accounts the migration batch could not use are named with the reason and left out.
    @Test func m365LeavesOutWhatExchangeCannotMigrate() throws {
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password
            ok@vogel.de,imap,imap.vogel.de,ok,Pw-1
            pop@vogel.de,pop3,pop.vogel.de,pop,Pw-2
            oauth@vogel.de,imap,imap.gmail.com,oauth@vogel.de,
            nouser@vogel.de,imap,imap.vogel.de,,Pw-4
            ,imap,imap.vogel.de,x,Pw-5

            """)
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let export = try MM.run(["export", "--to", "m365", "--include-secrets"], in: dir.path)
        #expect(export.status == 0)
        #expect(export.stdout == "EmailAddress,UserName,Password\nok@vogel.de,ok,Pw-1\n")
        #expect(export.stderr.split(separator: "\n") == [
            "mailmigrate: warning: pop@vogel.de (a.csv:3): a POP3 mailbox, and Microsoft 365 migrates IMAP mailboxes only; left out",
            "mailmigrate: warning: oauth@vogel.de (a.csv:4): no password to log in with (an OAuth account?); left out",
            "mailmigrate: warning: nouser@vogel.de (a.csv:5): no user name to log in with; left out",
            "mailmigrate: warning: (no address) (a.csv:6): no e-mail address, which the batch is keyed by; left out",
        ])
    }

    @Test func imapsyncPairsByAddressAndListsTheRest() throws {
        let dir = TemporaryDirectory()
        dir.file("old.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password
            info@vogel.de,imap,imap.alt.de,info@vogel.de,Alt-1
            lager@vogel.de,imap,imap.alt.de,lager,Alt-2
            pop@vogel.de,pop3,pop.alt.de,pop,Alt-4
            oauth@vogel.de,imap,imap.alt.de,oauth@vogel.de,Alt-5
            semi@vogel.de,imap,imap.alt.de,semi,Alt;6
            nohost@vogel.de,,,,

            """)
        dir.file("new.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password
            INFO@vogel.de,imap,outlook.office365.com,info@vogel.de,Neu-1
            chef@vogel.de,imap,outlook.office365.com,chef@vogel.de,Neu-3
            pop@vogel.de,imap,outlook.office365.com,pop@vogel.de,Neu-4
            oauth@vogel.de,imap,outlook.office365.com,oauth@vogel.de,
            semi@vogel.de,imap,outlook.office365.com,semi@vogel.de,Neu-6
            nohost@vogel.de,imap,outlook.office365.com,nohost@vogel.de,Neu-7

            """)
        try MM.run(["run", "--quiet", "old.csv", "--db", "old.sqlite"], in: dir.path)
        try MM.run(["run", "--quiet", "new.csv", "--db", "new.sqlite"], in: dir.path)
        let export = try MM.run(
            ["export", "--db", "old.sqlite", "--to", "imapsync", "--target-db", "new.sqlite", "--include-secrets", "-o", "sync.txt"], in: dir.path)
        #expect(export.status == 0)
        // Pairs imapsync could not use are left out with the reason, never written; each is named
        // on standard error and in a comment of the file, which imapsync's loop skips.
        let reported = [
            "lager@vogel.de (old.csv:3): no target account with this address; left out",
            "pop@vogel.de (old.csv:4): the source account is POP3, and imapsync copies IMAP mailboxes only; left out",
            "oauth@vogel.de (old.csv:5): the target account has no password to log in with (an OAuth account?); left out",
            "semi@vogel.de (old.csv:6): a host, user or password holds ';' or a line break, which imapsync files cannot; left out",
            "nohost@vogel.de (old.csv:7): the source account has no incoming host or user; left out",
            "chef@vogel.de (new.csv:3): a target account without a source account",
        ]
        #expect(export.stderr.split(separator: "\n").map(String.init) == reported.map { "mailmigrate: warning: " + $0 })
        #expect(dir.read("sync.txt") == """
            # imapsync batch: host1;user1;password1;host2;user2;password2; (mailmigrate export --to imapsync)
            imap.alt.de;info@vogel.de;Alt-1;outlook.office365.com;info@vogel.de;Neu-1;

            """ + reported.map { "# \($0)\n" }.joined())
        // Read back with the imapsync profile: the comments are skipped, not rejected.
        let reader = try SourceFormat.canonicalCSV.reader(path: dir.path + "/sync.txt", options: ReadOptions())
        guard case .account(let a, _) = try reader.next() else {
            Issue.record("not read back")
            return
        }
        #expect(a.incoming.host == "imap.alt.de" && a.incoming.password.revealed() == "Alt-1")
        #expect(a.extras.map(\.value) == ["outlook.office365.com", "info@vogel.de", "Neu-1"])
        #expect(try reader.next() == nil)
    }

    /// The first target account of an address is the pair's; addresses match ignoring case in
    /// Unicode's sense, and a second target of a paired address is not listed as unpaired.
    @Test func imapsyncPairsTheFirstTargetOfAnAddressIgnoringCase() throws {
        let dir = TemporaryDirectory()
        dir.file("old.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password
            jürgen@müller.de,imap,imap.alt.de,jürgen,Alt-1

            """)
        dir.file("new.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password
            JÜRGEN@MÜLLER.DE,imap,erster.neu.de,j1,Neu-1
            Jürgen@Müller.de,imap,zweiter.neu.de,j2,Neu-2

            """)
        try MM.run(["run", "--quiet", "old.csv", "--db", "old.sqlite"], in: dir.path)
        try MM.run(["run", "--quiet", "new.csv", "--db", "new.sqlite"], in: dir.path)
        let export = try MM.run(
            ["export", "--db", "old.sqlite", "--to", "imapsync", "--target-db", "new.sqlite", "--include-secrets"], in: dir.path)
        #expect(export.status == 0)
        #expect(export.stderr == "")
        #expect(export.stdout.split(separator: "\n").last == "imap.alt.de;jürgen;Alt-1;erster.neu.de;j1;Neu-1;")
    }

    @Test func autoconfigPerDomainReadsBackAndReportsDisagreement() throws {
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user,outgoing_enabled,outgoing_host,outgoing_port,outgoing_security
            a@kunde.de,imap,imap.kunde.de,993,tls,a@kunde.de,true,smtp.kunde.de,587,starttls
            b@kunde.de,imap,imap.kunde.de,993,tls,b@kunde.de,true,smtp.kunde.de,587,starttls
            c@zwei.de,imap,imap.zwei.de,993,tls,c,false,,,
            d@zwei.de,pop3,pop.zwei.de,995,tls,d,false,,,
            e@nur-senden.de,,,,,,true,smtp.nur-senden.de,587,starttls
            f@ohne-port.de,imap,imap.ohne-port.de,,tls,f,true,smtp.ohne-port.de,587,starttls
            ohne-domain,imap,imap.x.de,993,tls,x,false,,,

            """)
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let export = try MM.run(["export", "--to", "autoconfig", "-o", "ac"], in: dir.path)
        #expect(export.status == 0)
        // What Thunderbird would refuse to read is left out with the reason, not written.
        #expect(export.stderr.split(separator: "\n") == [
            "mailmigrate: warning: ohne-domain (a.csv:8): the account's address has no domain; no autoconfig file written",
            "mailmigrate: warning: nur-senden.de: no account has an incoming server, which Thunderbird needs; no autoconfig file written",
            "mailmigrate: warning: ohne-port.de: the incoming server (imap imap.ohne-port.de:? tls) has no port, which Thunderbird needs; no autoconfig file written",
            "mailmigrate: warning: zwei.de: the accounts disagree on the incoming server (imap imap.zwei.de:993 tls / pop3 pop.zwei.de:995 tls); no autoconfig file written",
            "mailmigrate: 1 autoconfig files written to ac",
        ])
        let providers = try AutoconfigReader.providers(file: dir.path + "/ac/kunde.de.xml")
        #expect(providers.count == 1)
        let p = try #require(providers.first)
        #expect(p.domains == ["kunde.de"])
        #expect(p.incoming.map { "\($0.type) \($0.hostname):\($0.port!) \($0.security!.canonicalName) \($0.username)" } == ["imap imap.kunde.de:993 tls %EMAILADDRESS%"])
        #expect(p.outgoing.map { "\($0.hostname):\($0.port!) \($0.security!.canonicalName)" } == ["smtp.kunde.de:587 starttls"])
    }

    /// Thunderbird takes host names in ASCII only: an umlaut domain's file is
    /// named and filled in its xn-- form, whether the accounts wrote it in
    /// Unicode or in ASCII (one file for both), with the Unicode name shown.
    /// A domain or host that is no host name even then gets no file: a
    /// domain with a path in it would otherwise name a file outside `-o`.
    @Test func autoconfigWritesInternationalNamesInASCIIAndRefusesWhatIsNoHostName() throws {
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user,outgoing_enabled,outgoing_host,outgoing_port,outgoing_security
            jörg@müller-bau.de,imap,imap.müller-bau.de,993,tls,jörg@müller-bau.de,true,smtp.müller-bau.de,465,tls
            anna@xn--mller-bau-q9a.de,imap,IMAP.xn--mller-bau-q9a.de,993,tls,anna@xn--mller-bau-q9a.de,true,smtp.xn--mller-bau-q9a.de,465,tls
            x@../../ausserhalb,imap,imap.x.de,993,tls,x,true,smtp.x.de,465,tls
            y@pfad.de,imap,imap.pfad.de/mail,993,tls,y,true,smtp.pfad.de,465,tls

            """)
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let export = try MM.run(["export", "--to", "autoconfig", "-o", "ac"], in: dir.path)
        #expect(export.status == 0)
        let rule: String = " (ASCII letters, digits, - and . once written in ASCII, labels of up to 63); no autoconfig file written"
        let domainLine: String = "mailmigrate: warning: ../../ausserhalb: the domain is not a host name Thunderbird accepts" + rule
        let hostLine: String = "mailmigrate: warning: pfad.de: the host 'imap.pfad.de/mail' is not a host name Thunderbird accepts" + rule
        let lines: [String] = export.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [domainLine, hostLine, "mailmigrate: 1 autoconfig files written to ac"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/ac") == ["xn--mller-bau-q9a.de.xml"])
        let xml = try #require(dir.read("ac/xn--mller-bau-q9a.de.xml"))
        #expect(xml.contains("<emailProvider id=\"xn--mller-bau-q9a.de\">\n    <domain>xn--mller-bau-q9a.de</domain>\n    <displayName>müller-bau.de</displayName>"))
        let p = try #require(try AutoconfigReader.providers(file: dir.path + "/ac/xn--mller-bau-q9a.de.xml").first)
        #expect(p.incoming.map { "\($0.hostname):\($0.port!) \($0.username)" } == ["imap.xn--mller-bau-q9a.de:993 %EMAILADDRESS%"])
        #expect(p.outgoing.map(\.hostname) == ["smtp.xn--mller-bau-q9a.de"])
    }
}
