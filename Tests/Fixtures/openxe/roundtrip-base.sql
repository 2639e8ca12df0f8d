-- An OpenXE database before a migration into it: the company rows exist,
-- their mail settings are empty (scripts/openxe-load loads this before the
-- SQL under test). Same ids and other columns as rows.sql.
SET NAMES utf8mb4;
INSERT INTO firmendaten SET id = 1, name = 'Alte Firma', strasse = 'Weg 1', benutzername = '', passwort = '',
  host = '', port = '', mailssl = 0, signatur = '', mailanstellesmtp = 1, bcc1 = '', bcc2 = '';
INSERT INTO firmendaten SET id = 2, name = 'Becker Druck GmbH', strasse = 'Hauptstraße 5', benutzername = '', passwort = '',
  host = '', port = '', mailssl = 0, signatur = '', mailanstellesmtp = NULL, bcc1 = '', bcc2 = '';
