#!/usr/bin/env python3
"""N accounts in the xentral profile's layout (German labels, semicolons,
ja/nein, dd.mm.yyyy dates), written in Windows-1252 as German Excel saves
them, so that the benchmark includes the profile mapping and transcoding.
Deterministic.

    make_xentral_csv.py N OUT.csv
"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
header = ("E-Mail Adresse;Verbinden mit;Angezeigter Name;Interne Beschreibung;Nur sichtbar für Mitarbeiter;Benutzername;"
          "Passwort;IMAP-Server;IMAP-Port;IMAP-Verschlüsselung;Versendetordner aktivieren;IMAP Gesendet Ordner;SMTP aktiv;"
          "SMTP-Server;SMTP-Port;SMTP-SSL;SMTP-Authentifizierung;SMTP-DEBUG;Sender E-Mailadresse;Sender Name;Client Alias;"
          "Ticketsystem;Standard-Projekt;Standard-Warteschlange;Ab Datum;Ausgehende E-Mailadresse = eingehende;"
          "E-Mails auf Server löschen;Ticket als abgeschlossen markieren;E-Mail-Archiv;E-Mails löschen nach Tagen;Mitarbeiter;"
          "Autoresponder;Nur eine Mail pro Tag;Autoresponder Betreff;Autoresponder Text;Eigene Signatur;Signatur")
with open(out, "w", encoding="cp1252", newline="") as f:
    f.write(header + "\r\n")
    for i in range(1, n + 1):
        d = f"kunde-{i % 40000}.de"
        tls = i % 5 != 0
        row = [
            f"jürgen.müller.{i}@{d}", "Standard", f"Jürgen Müller {i}", f"Einkauf, Postfach {i}", "anna, jörg",
            f"jürgen.müller.{i}@{d}", f"Passwört-{i}", f"imap.{d}", "993" if tls else "143", "SSL" if tls else "Keine",
            "ja", "INBOX.Gesendet", "ja", f"smtp.{d}", "587", "TLS", "Standard", "nein", f"vertrieb@{d}", "Vertrieb Süd",
            "", "ja" if i % 2 else "nein", f"Projekt {i % 7}", "Support", f"{1 + i % 28:02d}.{1 + i % 12:02d}.2024", "ja", "nein",
            "nein", "ja", "30", str(1000 + i), "ja", "ja", "Ihre Anfrage #{TICKET}: {BETREFF}",
            "<p>Vielen Dank für Ihre Nachricht. Wir melden uns innerhalb eines Werktags.</p>", "ja",
            f'"<p>Mit freundlichen Grüßen<br>{{MITARBEITER}}<br>Kunde {i} GmbH &amp; Co. KG; Hauptstraße 1, 10115 Berlin</p>"',
        ]
        f.write(";".join(row) + "\r\n")
