/// The labels OpenXE's web interface shows for `emailbackup` columns (the
/// account list and the edit form), so that a saved page's table header can
/// be read: label → column name. Column names themselves are understood too.
public enum EmailbackupLabels {
    public static let columnsByLabel: [String: String] = [
        "e-mail": "email", "e-mail-adresse": "email", "email": "email",
        "angezeigter name": "angezeigtername",
        "interne beschreibung": "internebeschreibung", "beschreibung": "internebeschreibung",
        "benutzername": "benutzername",
        "passwort": "passwort",
        "server": "server", "imap-server": "server", "imap server": "server",
        "smtp": "smtp", "smtp-server": "smtp", "smtp server": "smtp",
        "ticket": "ticket",
        "e-mail archiv": "emailbackup", "e-mail-archiv": "emailbackup",
    ]

    /// The column a header cell names, ignoring case and surrounding space.
    public static func column(forLabel label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if EmailbackupMapping.columnsByName[key] != nil { return key }
        return columnsByLabel[key]
    }
}

import Foundation
