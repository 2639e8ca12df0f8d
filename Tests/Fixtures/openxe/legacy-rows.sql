-- An installation from before OpenXE's utf8 days: `emailbackup` in latin1
-- (scripts/openxe-fixtures makes the table so). PHP wrote UTF-8 through a
-- latin1 connection, so row 1 holds UTF-8 bytes that MariaDB takes for latin1
-- characters ("Ã¼" for "ü"): mysqldump's default UTF-8 output shows them
-- double-encoded, `--default-character-set=latin1` gives the bytes back as
-- they were written. Row 2 was written after the connection was set right:
-- real latin1, read correctly either way.
SET SESSION sql_mode = '';
SET NAMES latin1;

INSERT INTO emailbackup SET id = 1, angezeigtername = 'Müller Maschinenbau GmbH', internebeschreibung = 'Büro – Zentrale',
  benutzername = 'info@mueller-maschinenbau.de', passwort = 'Sommer2024!Mm', server = 'mail.mueller-maschinenbau.de',
  smtp = 'mail.mueller-maschinenbau.de', imap_port = 993, imap_type = 3, smtp_extra = 1, smtp_ssl = 2, smtp_port = 465,
  smtp_authtype = 'smtp', smtp_fromname = 'Müller – Vertrieb', imap_sentfolder_aktiv = 1, imap_sentfolder = 'INBOX.Gesendete Elemente',
  autoresponderbetreff = 'Ihre Anfrage „{BETREFF}“', autorespondertext = '<p>Vielen Dank für Ihre Nachricht.</p>',
  eigenesignatur = 1, signatur = '<p>Mit freundlichen Grüßen – Ihr Team</p>', email = 'info@mueller-maschinenbau.de';

SET NAMES utf8mb4;

INSERT INTO emailbackup SET id = 2, angezeigtername = 'Bäckerei Groß', internebeschreibung = 'Filiale Süd',
  benutzername = 'filiale@baeckerei-gross.de', passwort = 'Brötchen#7', server = 'imap.baeckerei-gross.de',
  smtp = 'smtp.baeckerei-gross.de', imap_port = 993, imap_type = 3, smtp_extra = 1, smtp_ssl = 2, smtp_port = 465,
  smtp_authtype = 'smtp', smtp_fromname = 'Bäckerei Groß', eigenesignatur = 1, signatur = '<p>Grüße aus der Backstube</p>',
  email = 'filiale@baeckerei-gross.de';
