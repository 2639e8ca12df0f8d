-- Rows that exercise every hard case a dump reader meets. OpenXE connects with
-- `SET NAMES utf8` and an empty SQL_MODE: over-long values are cut and
-- characters utf8mb3 cannot store (emoji) become '?', without an error.
SET NAMES utf8mb4;
SET SESSION sql_mode = '';

INSERT INTO emailbackup SET id = 1, angezeigtername = 'Müller Maschinenbau GmbH', internebeschreibung = 'Zentrale, Tickets',
  benutzername = 'info@mueller-maschinenbau.de', passwort = 'Sommer2024!Mm', server = 'mail.mueller-maschinenbau.de',
  smtp = 'mail.mueller-maschinenbau.de', ticket = 1, imap_sentfolder_aktiv = 1, imap_sentfolder = 'INBOX.Sent',
  imap_port = 993, imap_type = 3, autoresponder = 1, geschaeftsbriefvorlage = 2,
  autoresponderbetreff = 'Ihre Anfrage #{TICKET}: {BETREFF}', autorespondertext = '<p>Vielen Dank für Ihre Nachricht.</p>',
  projekt = 1, emailbackup = 1, adresse = 17, firma = 1, loeschtage = '0', geloescht = 0, ticketloeschen = 0,
  ticketabgeschlossen = 0, ticketqueue = 'Support', ticketprojekt = 'Service', ticketemaileingehend = 1, smtp_extra = 1,
  smtp_ssl = 2, smtp_port = 465, smtp_frommail = '', smtp_fromname = '', client_alias = '', smtp_authtype = 'smtp',
  smtp_authparam = '', smtp_loglevel = 0, autosresponder_blacklist = 1, eigenesignatur = 1,
  signatur = '<p>Mit freundlichen Grüßen<br>{MITARBEITER}</p>', mutex = 0, abdatum = '2024-01-15',
  email = 'info@mueller-maschinenbau.de';

INSERT INTO emailbackup SET id = 2, angezeigtername = 'O\'Brien "Vertrieb"', internebeschreibung = 'Zeile 1\nZeile 2\tmit Tab und \\ Backslash',
  benutzername = 'vertrieb', passwort = 'Pa\'ss\\wo"rd;--', server = 'imap.example.de', smtp = 'smtp.example.de', ticket = 0,
  imap_sentfolder_aktiv = 0, imap_sentfolder = 'inbox.sent', imap_port = 143, imap_type = 1, autoresponder = 0,
  geschaeftsbriefvorlage = 0, autoresponderbetreff = '', autorespondertext = '', projekt = 0, emailbackup = 0, adresse = 0,
  firma = 1, loeschtage = '', geloescht = 0, ticketqueue = NULL, ticketprojekt = NULL, smtp_extra = 1, smtp_ssl = 1,
  smtp_port = 587, smtp_frommail = 'verkauf@example.de', smtp_fromname = 'Verkauf Süd', client_alias = 'erp.example.de',
  smtp_authtype = '', smtp_authparam = '', smtp_loglevel = 1, autosresponder_blacklist = 0, eigenesignatur = 0,
  signatur = '', abdatum = NULL, email = 'vertrieb@example.de';

INSERT INTO emailbackup SET id = 3, angezeigtername = 'Kundenservice 😀', internebeschreibung = 'Google OAuth',
  benutzername = 'kundenservice.schaefer@gmail.com', passwort = '', server = 'imap.gmail.com', smtp = 'smtp.gmail.com',
  ticket = 1, imap_sentfolder_aktiv = 1, imap_sentfolder = '[Gmail]/Gesendet', imap_port = 993, imap_type = 5,
  autoresponder = 1, geschaeftsbriefvorlage = 0, autoresponderbetreff = '#{TICKET} Danke 👍',
  autorespondertext = '<p>Wir melden uns 🙂</p>', projekt = 3, emailbackup = 0, adresse = 0, firma = 1, loeschtage = '30',
  geloescht = 0, ticketloeschen = 1, ticketabgeschlossen = 1, ticketqueue = 'Kundenservice', ticketprojekt = NULL,
  ticketemaileingehend = 0, smtp_extra = 1, smtp_ssl = 1, smtp_port = 587, smtp_frommail = 'kundenservice.schaefer@gmail.com',
  smtp_fromname = '', client_alias = '', smtp_authtype = 'oauth_google',
  smtp_authparam = '{"refresh_token":"1//0gLx-secret","scope":"https://mail.google.com/"}', smtp_loglevel = 0,
  eigenesignatur = 0, signatur = '', abdatum = '2023-12-31', email = 'kundenservice.schaefer@gmail.com';

INSERT INTO emailbackup SET id = 4, angezeigtername = 'Altes Postfach', internebeschreibung = 'gelöscht',
  benutzername = 'alt@example.de', passwort = 'alt', server = 'pop.example.de', smtp = '', ticket = 0,
  imap_sentfolder_aktiv = 0, imap_port = 110, imap_type = 1, autoresponder = 0, geschaeftsbriefvorlage = 0,
  autoresponderbetreff = '', autorespondertext = '', projekt = 0, emailbackup = 0, adresse = 0, firma = 1, loeschtage = '',
  geloescht = 1, smtp_frommail = '', smtp_fromname = '', client_alias = '', smtp_authtype = '', smtp_authparam = '',
  signatur = '', email = 'alt@example.de';

INSERT INTO emailbackup SET id = 5, angezeigtername = 'Unbekannte Werte', internebeschreibung = 'imap_type 7, smtp_ssl 9',
  benutzername = 'test', passwort = 'x', server = 'mail.example.de', smtp = 'mail.example.de', ticket = 0,
  imap_sentfolder_aktiv = 0, imap_port = 70000, imap_type = 7, autoresponder = 0, geschaeftsbriefvorlage = 0,
  autoresponderbetreff = '', autorespondertext = '', projekt = 0, emailbackup = 1, adresse = 0, firma = 1,
  loeschtage = 'nie', geloescht = 0, smtp_extra = 1, smtp_ssl = 9, smtp_port = 0, smtp_frommail = '', smtp_fromname = '',
  client_alias = '', smtp_authtype = 'xoauth2', smtp_authparam = '', signatur = '', abdatum = '0000-00-00',
  email = 'test@example.de';

INSERT INTO emailbackup SET id = 6, angezeigtername = 'Lange Signatur', internebeschreibung = '',
  benutzername = 'presse@example.de', passwort = 'Presse!1', server = 'mail.example.de', smtp = 'mail.example.de',
  ticket = 0, imap_sentfolder_aktiv = 0, imap_port = 993, imap_type = 3, autoresponder = 0, geschaeftsbriefvorlage = 0,
  autoresponderbetreff = '', autorespondertext = '', projekt = 0, emailbackup = 0, adresse = 0, firma = 1, loeschtage = '',
  geloescht = 0, smtp_extra = 1, smtp_ssl = 2, smtp_port = 465, smtp_frommail = '', smtp_fromname = '', client_alias = '',
  smtp_authtype = 'SMTP', smtp_authparam = '', eigenesignatur = 1,
  signatur = CONCAT('<div style="font-family:Arial">', REPEAT('<p>Mit freundlichen Grüßen – {MITARBEITER}, Tel. {MITARBEITER_TELEFON}</p>\n', 280), '</div>'),
  email = 'presse@example.de';

INSERT INTO emailbackup SET id = 7, angezeigtername = '', internebeschreibung = '', benutzername = '', passwort = '',
  server = '', smtp = '', ticket = 0, imap_sentfolder_aktiv = 0, imap_port = 993, imap_type = 3, autoresponder = 0,
  geschaeftsbriefvorlage = 0, autoresponderbetreff = '', autorespondertext = '', projekt = 0, emailbackup = 0, adresse = 0,
  firma = 0, loeschtage = '', geloescht = 0, smtp_frommail = '', smtp_fromname = '', client_alias = '', smtp_authtype = '',
  smtp_authparam = '', signatur = '', email = '';

INSERT INTO firmendaten SET id = 1, name = 'Alte Firma', strasse = 'Weg 1', benutzername = 'alt', passwort = 'alt',
  host = 'smtp.alt.de', port = '25', mailssl = 0, signatur = TO_BASE64('<p>Alt</p>'), mailanstellesmtp = 1,
  bcc1 = '', bcc2 = '';
INSERT INTO firmendaten SET id = 2, name = 'Becker Druck GmbH', strasse = 'Hauptstraße 5', benutzername = 'noreply@becker-druck.de',
  passwort = 'Druck\'Sache\\2024', host = 'smtp.becker-druck.de', port = '587', mailssl = 1,
  signatur = TO_BASE64('<p>Becker Druck GmbH<br>Grüße aus Köln</p>'), mailanstellesmtp = 0,
  bcc1 = 'archiv@becker-druck.de', bcc2 = '';

INSERT INTO firmendaten_werte (name, typ, typ1, typ2, wert, default_value) VALUES
  ('email', 'varchar', '64', '', 'noreply@becker-druck.de', ''),
  ('absendername', 'varchar', '64', '', 'Becker Druck – Auftragsbestätigung', ''),
  ('zahlungsweise', 'varchar', '64', '', 'rechnung', 'rechnung');

INSERT INTO firmenlogo SET id = 1, dateiname = 'logo.png',
  logo = UNHEX(CONCAT('89504E470D0A1A0A0000000D49484452', REPEAT('00275C22270A0D1A5C5C0027FF', 400)));
