<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountAssistant</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
</context>
<context>
    <name>AccountSession</name>
    <message>
        <source>The folder cannot be opened: %1</source>
        <translation>Der Ordner kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>There are no credentials for this account.</source>
        <translation>Für dieses Konto gibt es keine Anmeldedaten.</translation>
    </message>
    <message>
        <source>The account was closed.</source>
        <translation>Das Konto wurde geschlossen.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
</context>
<context>
    <name>AccountSessions</name>
    <message>
        <source>This message belongs to no account any more.</source>
        <translation>Diese Nachricht gehört zu keinem Konto mehr.</translation>
    </message>
    <message>
        <source>That account is no longer there.</source>
        <translation>Dieses Konto gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Das Konto %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The account %1 no longer exists.</source>
        <translation>Das Konto %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot save the identity %1: %2</source>
        <translation>Die Identität %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Cannot open the mail database %1: %2</source>
        <translation>Die Mail-Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the folders: %1</source>
        <translation>Die Ordner können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Cannot save the settings to %1.</source>
        <translation>Die Einstellungen können nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>BodyFetch</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Die Nachricht ist nicht mehr im lokalen Zwischenspeicher.</translation>
    </message>
    <message>
        <source>The folder cannot be opened: %1</source>
        <translation>Der Ordner kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The message was deleted on the server.</source>
        <translation>Die Nachricht wurde auf dem Server gelöscht.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Incoming mail (IMAP): %1</source>
        <translation>Eingehende Mails (IMAP): %1</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP): %1</source>
        <translation>Ausgehende Mails (SMTP): %1</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>The server refused the password.</source>
        <translation>Der Server hat das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Es wurde kein Passwort angegeben.</translation>
    </message>
</context>
<context>
    <name>FlagStore</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Die Nachricht ist nicht mehr im lokalen Zwischenspeicher.</translation>
    </message>
</context>
<context>
    <name>FolderChange</name>
    <message>
        <source>A folder needs a name.</source>
        <translation>Ein Ordner braucht einen Namen.</translation>
    </message>
    <message>
        <source>A folder name cannot contain “%1”.</source>
        <translation>Ein Ordnername darf „%1“ nicht enthalten.</translation>
    </message>
    <message>
        <source>There is a folder named “%1” already.</source>
        <translation>Es gibt schon einen Ordner „%1“.</translation>
    </message>
    <message>
        <source>That folder is no longer there.</source>
        <translation>Diesen Ordner gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“%1” is one of the folders Mailtrail relies on; it keeps its name.</source>
        <translation>„%1“ ist einer der Ordner, auf die Mailtrail sich verlässt; er behält seinen Namen.</translation>
    </message>
</context>
<context>
    <name>Mailto</name>
    <message>
        <source>%1 is not a mailto: link.</source>
        <translation>%1 ist kein mailto:-Link.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Mime::ReplyComposer</name>
    <message>
        <source>an unknown date</source>
        <translation>einem unbekannten Datum</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy hh:mm</source>
        <comment>QDateTime format of the date in a reply&apos;s attribution line and a forwarded message&apos;s header block; day and month names are in the user&apos;s language</comment>
        <translation>ddd, d. MMM yyyy HH:mm</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <comment>a reply&apos;s attribution line: %1 the date, %2 the sender</comment>
        <translation>Am %1 schrieb %2:</translation>
    </message>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- Weitergeleitete Nachricht --------</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Kopie: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Models::MessageListModel</name>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Models::TrackingModel</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n in Warteschlange</numerusform>
            <numerusform>%n in Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n abgewiesen</numerusform>
            <numerusform>%n abgewiesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n angenommen</numerusform>
            <numerusform>%n angenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delayed</source>
        <translation>
            <numerusform>%n verzögert</numerusform>
            <numerusform>%n verzögert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relayed</source>
        <translation>
            <numerusform>%n weitergeleitet</numerusform>
            <numerusform>%n weitergeleitet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expanded</source>
        <translation>
            <numerusform>%n an Liste zugestellt</numerusform>
            <numerusform>%n an Liste zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>%n zugestellt</numerusform>
            <numerusform>%n zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dispatched</source>
        <translation>
            <numerusform>%n weitergegeben</numerusform>
            <numerusform>%n weitergegeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processed</source>
        <translation>
            <numerusform>%n verarbeitet</numerusform>
            <numerusform>%n verarbeitet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n ungelesen gelöscht</numerusform>
            <numerusform>%n ungelesen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n displayed</source>
        <translation>
            <numerusform>%n gelesen</numerusform>
            <numerusform>%n gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replied</source>
        <translation>
            <numerusform>%n beantwortet</numerusform>
            <numerusform>%n beantwortet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %n)</source>
        <translation>
            <numerusform>%1 (%2/%n)</numerusform>
            <numerusform>%1 (%2/%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Message / recipient</source>
        <translation>Nachricht / Empfänger</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>But also: %1</source>
        <translation>Aber auch: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) that may be about this message, not confirmed.</source>
        <translation>
            <numerusform>%n Bericht, der diese Nachricht betreffen könnte, nicht bestätigt.</numerusform>
            <numerusform>%n Berichte, die diese Nachricht betreffen könnten, nicht bestätigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent from another program (no delivery reports were requested).</source>
        <translation>Aus einem anderen Programm gesendet (es wurden keine Zustellberichte angefordert).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth</name>
    <message>
        <source>&apos;%1&apos; is not a web address.</source>
        <translation>„%1“ ist keine Web-Adresse.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses http: only a loopback address (127.0.0.1, ::1) may; use https.</source>
        <translation>„%1“ verwendet http: Das darf nur eine Loopback-Adresse (127.0.0.1, ::1); verwenden Sie https.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an https address.</source>
        <translation>„%1“ ist keine https-Adresse.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 refused the sign-in (%2).</source>
        <translation>%1 hat die Anmeldung abgelehnt (%2).</translation>
    </message>
    <message>
        <source>%1 refused the sign-in (%2: %3).</source>
        <translation>%1 hat die Anmeldung abgelehnt (%2: %3).</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2 instead of tokens.</source>
        <translation>%1 hat mit HTTP-Status %2 statt mit Tokens geantwortet.</translation>
    </message>
    <message>
        <source>%1 sent an answer that is not a token response (%2).</source>
        <translation>%1 hat eine Antwort geschickt, die keine Token-Antwort ist (%2).</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>kein Inhaltstyp</translation>
    </message>
    <message>
        <source>This build of Mailtrail has no client ID for %1 (the packager sets it with the CMake option %2). Register Mailtrail with %1 yourself and enter that client ID for this account (CLI: --client-id).</source>
        <translation>Diese Mailtrail-Version hat keine Client-ID für %1 (die Paketierer setzen sie mit der CMake-Option %2). Registrieren Sie Mailtrail selbst bei %1 und geben Sie diese Client-ID für dieses Konto ein (CLI: --client-id).</translation>
    </message>
    <message>
        <source>No OAuth2 provider is set for this account.</source>
        <translation>Für dieses Konto ist kein OAuth2-Anbieter eingestellt.</translation>
    </message>
    <message>
        <source>Signing in at %1 needs the client ID that the provider registered for Mailtrail (CLI: --client-id).</source>
        <translation>Die Anmeldung bei %1 braucht die Client-ID, die der Anbieter für Mailtrail registriert hat (CLI: --client-id).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth::Discovery</name>
    <message>
        <source>the metadata is not a JSON object</source>
        <translation>die Metadaten sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the metadata names another issuer (%1)</source>
        <translation>die Metadaten nennen einen anderen Aussteller (%1)</translation>
    </message>
    <message>
        <source>the metadata lacks the authorization or token endpoint</source>
        <translation>den Metadaten fehlt der Autorisierungs- oder Token-Endpunkt</translation>
    </message>
    <message>
        <source>The sign-in settings of %1 could not be read: %2</source>
        <translation>Die Anmeldeeinstellungen von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth::SignIn</name>
    <message>
        <source>Nobody came back from the browser in time; the sign-in was given up.</source>
        <translation>Aus dem Browser kam rechtzeitig keine Antwort; die Anmeldung wurde aufgegeben.</translation>
    </message>
    <message>
        <source>Mailtrail cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>Mailtrail kann auf 127.0.0.1 nicht auf die Antwort des Browsers warten.</translation>
    </message>
    <message>
        <source>Mailtrail has received the answer. You can close this page.</source>
        <translation>Mailtrail hat die Antwort erhalten. Sie können diese Seite schließen.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The answer that reached Mailtrail does not belong to this sign-in (its state is wrong). Nothing was saved; please sign in again.</source>
        <translation>Die Antwort, die Mailtrail erreicht hat, gehört nicht zu dieser Anmeldung (ihr „state“ ist falsch). Nichts wurde gespeichert; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in at %1 was denied or cancelled (%2).</source>
        <translation>Die Anmeldung bei %1 wurde verweigert oder abgebrochen (%2).</translation>
    </message>
    <message>
        <source>%1 did not sign you in (%2).</source>
        <translation>%1 hat Sie nicht angemeldet (%2).</translation>
    </message>
    <message>
        <source>%1 sent no authorization code.</source>
        <translation>%1 hat keinen Autorisierungscode geschickt.</translation>
    </message>
    <message>
        <source>%1 gave no refresh token, so Mailtrail could not stay signed in (does the client allow offline access?).</source>
        <translation>%1 hat kein Refresh-Token ausgegeben, daher kann Mailtrail nicht angemeldet bleiben (erlaubt der Client Offline-Zugriff?).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Pdf</name>
    <message>
        <source>The PDF uses compressed cross-reference streams, which cannot be updated.</source>
        <translation>Das PDF verwendet komprimierte Querverweis-Streams, die nicht ergänzt werden können.</translation>
    </message>
    <message>
        <source>The PDF&apos;s cross-reference table is missing or damaged.</source>
        <translation>Die Querverweistabelle des PDF fehlt oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The PDF&apos;s trailer is missing or damaged.</source>
        <translation>Der Trailer des PDF fehlt oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The file is not a PDF.</source>
        <translation>Die Datei ist kein PDF.</translation>
    </message>
    <message>
        <source>The PDF has no valid startxref: it is truncated or damaged.</source>
        <translation>Das PDF hat kein gültiges startxref: Es ist abgeschnitten oder beschädigt.</translation>
    </message>
    <message>
        <source>The PDF is encrypted.</source>
        <translation>Das PDF ist verschlüsselt.</translation>
    </message>
    <message>
        <source>The PDF&apos;s document catalog is missing or damaged.</source>
        <translation>Der Dokumentkatalog des PDF fehlt oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The PDF already has a name dictionary; files cannot be added to it.</source>
        <translation>Das PDF hat bereits ein Namensverzeichnis; Dateien können nicht hinzugefügt werden.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync</name>
    <message>
        <source>The sent message is no longer tracked.</source>
        <translation>Die gesendete Nachricht wird nicht mehr verfolgt.</translation>
    </message>
    <message>
        <source>No recipient of this message failed.</source>
        <translation>Bei dieser Nachricht ist kein Empfänger fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The text of the original message is not available any more.</source>
        <translation>Der Text der ursprünglichen Nachricht ist nicht mehr verfügbar.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync::OAuth2Credentials</name>
    <message>
        <source>The server refused the renewed sign-in of &apos;%1&apos;; please sign in again.</source>
        <translation>Der Server hat die erneuerte Anmeldung von „%1“ abgelehnt; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>No sign-in is stored for &apos;%1&apos;.</source>
        <translation>Für „%1“ ist keine Anmeldung gespeichert.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync::PasswordStore</name>
    <message>
        <source>The keyring is locked, so Mailtrail cannot read or keep passwords in it. Unlock it (for example by logging in to the desktop again), or enter the password for this session.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher kann Mailtrail dort keine Passwörter lesen oder ablegen. Entsperren Sie ihn (zum Beispiel, indem Sie sich erneut am Desktop anmelden), oder geben Sie das Passwort für diese Sitzung ein.</translation>
    </message>
    <message>
        <source>The password is kept for this session only.</source>
        <translation>Das Passwort wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Tracking</name>
    <message>
        <source>no further detail was given</source>
        <translation>keine weiteren Angaben</translation>
    </message>
    <message>
        <source>a problem with the address</source>
        <translation>ein Problem mit der Adresse</translation>
    </message>
    <message>
        <source>the mailbox does not exist</source>
        <translation>das Postfach existiert nicht</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain does not exist or accepts no mail</source>
        <translation>die Domain des Empfängers existiert nicht oder nimmt keine Mails an</translation>
    </message>
    <message>
        <source>the recipient address is malformed</source>
        <translation>die Empfängeradresse ist ungültig</translation>
    </message>
    <message>
        <source>the recipient has moved and left no forwarding address</source>
        <translation>der Empfänger ist umgezogen und hat keine Weiterleitungsadresse hinterlassen</translation>
    </message>
    <message>
        <source>the sender address is malformed</source>
        <translation>die Absenderadresse ist ungültig</translation>
    </message>
    <message>
        <source>the sender&apos;s domain is not accepted</source>
        <translation>die Domain des Absenders wird nicht angenommen</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain accepts no mail (null MX)</source>
        <translation>die Domain des Empfängers nimmt keine Mails an (Null-MX)</translation>
    </message>
    <message>
        <source>a problem with the recipient&apos;s mailbox</source>
        <translation>ein Problem mit dem Postfach des Empfängers</translation>
    </message>
    <message>
        <source>the mailbox is disabled</source>
        <translation>das Postfach ist deaktiviert</translation>
    </message>
    <message>
        <source>the mailbox is full</source>
        <translation>das Postfach ist voll</translation>
    </message>
    <message>
        <source>the message is too large for the recipient</source>
        <translation>die Nachricht ist zu groß für den Empfänger</translation>
    </message>
    <message>
        <source>a mailing list could not be expanded</source>
        <translation>eine Mailingliste konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>a problem with the receiving mail system</source>
        <translation>ein Problem mit dem empfangenden Mailsystem</translation>
    </message>
    <message>
        <source>the receiving mail system is full</source>
        <translation>das empfangende Mailsystem ist voll</translation>
    </message>
    <message>
        <source>the receiving mail system is not accepting mail</source>
        <translation>das empfangende Mailsystem nimmt keine Mails an</translation>
    </message>
    <message>
        <source>the message is too large for the receiving system</source>
        <translation>die Nachricht ist zu groß für das empfangende System</translation>
    </message>
    <message>
        <source>a network or routing problem</source>
        <translation>ein Netzwerk- oder Routing-Problem</translation>
    </message>
    <message>
        <source>the receiving server did not answer</source>
        <translation>der empfangende Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>the connection to the receiving server broke</source>
        <translation>die Verbindung zum empfangenden Server ist abgebrochen</translation>
    </message>
    <message>
        <source>a DNS lookup failed</source>
        <translation>eine DNS-Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>no route to the recipient&apos;s domain</source>
        <translation>keine Route zur Domain des Empfängers</translation>
    </message>
    <message>
        <source>a mail loop was detected</source>
        <translation>eine Mail-Schleife wurde erkannt</translation>
    </message>
    <message>
        <source>the message was too old to deliver</source>
        <translation>die Nachricht war zu alt für die Zustellung</translation>
    </message>
    <message>
        <source>a protocol problem between mail servers</source>
        <translation>ein Protokollproblem zwischen Mailservern</translation>
    </message>
    <message>
        <source>too many recipients</source>
        <translation>zu viele Empfänger</translation>
    </message>
    <message>
        <source>a problem with the message content</source>
        <translation>ein Problem mit dem Inhalt der Nachricht</translation>
    </message>
    <message>
        <source>the message could not be converted for the recipient</source>
        <translation>die Nachricht konnte für den Empfänger nicht umgewandelt werden</translation>
    </message>
    <message>
        <source>the recipient&apos;s system cannot take international addresses</source>
        <translation>das System des Empfängers kann keine internationalen Adressen annehmen</translation>
    </message>
    <message>
        <source>refused by a security policy</source>
        <translation>durch eine Sicherheitsrichtlinie abgewiesen</translation>
    </message>
    <message>
        <source>the sender is not allowed to deliver to this recipient</source>
        <translation>der Absender darf an diesen Empfänger nicht zustellen</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>die Authentifizierung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the sender&apos;s SPF check failed</source>
        <translation>die SPF-Prüfung des Absenders ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the sending server&apos;s reverse DNS is missing</source>
        <translation>dem sendenden Server fehlt der Reverse-DNS-Eintrag</translation>
    </message>
    <message>
        <source>the message failed sender authentication (SPF/DKIM/DMARC)</source>
        <translation>die Nachricht hat die Absenderprüfung nicht bestanden (SPF/DKIM/DMARC)</translation>
    </message>
    <message>
        <source>other or undefined problem</source>
        <translation>anderes oder nicht näher bestimmtes Problem</translation>
    </message>
    <message>
        <source>addressing problem</source>
        <translation>Adressierungsproblem</translation>
    </message>
    <message>
        <source>mailbox problem</source>
        <translation>Postfachproblem</translation>
    </message>
    <message>
        <source>mail system problem</source>
        <translation>Problem des Mailsystems</translation>
    </message>
    <message>
        <source>network or routing problem</source>
        <translation>Netzwerk- oder Routing-Problem</translation>
    </message>
    <message>
        <source>protocol problem</source>
        <translation>Protokollproblem</translation>
    </message>
    <message>
        <source>message content problem</source>
        <translation>Problem mit dem Nachrichteninhalt</translation>
    </message>
    <message>
        <source>security or policy problem</source>
        <translation>Sicherheits- oder Richtlinienproblem</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>temporary problem</source>
        <translation>vorübergehendes Problem</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation>dauerhafter Fehler</translation>
    </message>
    <message>
        <source>Queued in the outbox.</source>
        <translation>In den Postausgang gestellt.</translation>
    </message>
    <message>
        <source>Accepted by the outgoing mail server.</source>
        <translation>Vom Postausgangsserver angenommen.</translation>
    </message>
    <message>
        <source>Refused by the outgoing mail server</source>
        <translation>Vom Postausgangsserver abgewiesen</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <source>The mail system keeps trying until %1.</source>
        <translation>Das Mailsystem versucht es weiter bis %1.</translation>
    </message>
    <message>
        <source>The mail system keeps trying.</source>
        <translation>Das Mailsystem versucht es weiter.</translation>
    </message>
    <message>
        <source>Passed on to a server that cannot report; no further reports will come.</source>
        <translation>An einen Server weitergegeben, der keine Berichte sendet; weitere Berichte kommen nicht.</translation>
    </message>
    <message>
        <source>Passed on by %1 to a server that cannot report; no further reports will come.</source>
        <translation>Von %1 an einen Server weitergegeben, der keine Berichte sendet; weitere Berichte kommen nicht.</translation>
    </message>
    <message>
        <source>Delivered to a mailing list or alias, which passes it on to its members.</source>
        <translation>An eine Mailingliste oder einen Alias zugestellt, die sie an ihre Mitglieder weitergibt.</translation>
    </message>
    <message>
        <source>Delivered to the recipient&apos;s mailbox.</source>
        <translation>In das Postfach des Empfängers zugestellt.</translation>
    </message>
    <message>
        <source>Delivered to the recipient&apos;s mailbox by %1.</source>
        <translation>Von %1 in das Postfach des Empfängers zugestellt.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>(from a non-standard bounce message)</source>
        <translation>(aus einer nicht standardkonformen Unzustellbarkeitsnachricht)</translation>
    </message>
    <message>
        <source>Displayed to the recipient (receipt sent automatically).</source>
        <translation>Vom Empfänger gelesen (Bestätigung automatisch gesendet).</translation>
    </message>
    <message>
        <source>Displayed to the recipient.</source>
        <translation>Vom Empfänger gelesen.</translation>
    </message>
    <message>
        <source>Deleted by the recipient without being displayed.</source>
        <translation>Vom Empfänger ungelesen gelöscht.</translation>
    </message>
    <message>
        <source>Handled by the recipient&apos;s mail program without being displayed (printed, faxed or forwarded).</source>
        <translation>Vom Mailprogramm des Empfängers ungelesen weitergegeben (gedruckt, gefaxt oder weitergeleitet).</translation>
    </message>
    <message>
        <source>Processed by the recipient&apos;s mail program without being displayed.</source>
        <translation>Vom Mailprogramm des Empfängers ungelesen verarbeitet.</translation>
    </message>
    <message>
        <source>The recipient replied.</source>
        <translation>Der Empfänger hat geantwortet.</translation>
    </message>
    <message>
        <source>Waiting in the outbox.</source>
        <translation>Wartet im Postausgang.</translation>
    </message>
    <message>
        <source>Refused by the outgoing mail server; it was not sent to this recipient.</source>
        <translation>Vom Postausgangsserver abgewiesen; an diesen Empfänger wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Accepted by the outgoing mail server; no report yet.</source>
        <translation>Vom Postausgangsserver angenommen; noch kein Bericht.</translation>
    </message>
    <message>
        <source>Delayed; the mail system is still trying.</source>
        <translation>Verzögert; das Mailsystem versucht es weiter.</translation>
    </message>
    <message>
        <source>Passed to a server that cannot report; no further reports will come.</source>
        <translation>An einen Server weitergegeben, der keine Berichte sendet; weitere Berichte kommen nicht.</translation>
    </message>
    <message>
        <source>Delivered to a mailing list or alias.</source>
        <translation>An eine Mailingliste oder einen Alias zugestellt.</translation>
    </message>
    <message>
        <source>Could not be delivered.</source>
        <translation>Konnte nicht zugestellt werden.</translation>
    </message>
    <message>
        <source>Handled by the recipient&apos;s mail program without being displayed.</source>
        <translation>Vom Mailprogramm des Empfängers ungelesen weitergegeben.</translation>
    </message>
    <message>
        <source>A report was requested but none has come in time.</source>
        <translation>Ein Bericht wurde angefordert, ist aber nicht rechtzeitig eingetroffen.</translation>
    </message>
    <message>
        <source>: %1 (%2)</source>
        <comment>appended to a state: &apos;Failed: the mailbox is full (5.2.2).&apos;</comment>
        <translation>: %1 (%2)</translation>
    </message>
    <message>
        <source>no key matched; same recipient (%1) and subject (%2) as the message sent %3</source>
        <translation>kein Schlüssel passte; gleicher Empfänger (%1) und gleicher Betreff (%2) wie die am %3 gesendete Nachricht</translation>
    </message>
    <message>
        <source>no key matched; same recipient (%1) as the message sent %2, within %3 days before the report</source>
        <translation>kein Schlüssel passte; gleicher Empfänger (%1) wie die am %2 gesendete Nachricht, innerhalb von %3 Tagen vor dem Bericht</translation>
    </message>
    <message numerus="yes">
        <source> (%n messages to that recipient fit)</source>
        <translation>
            <numerusform> (%n Nachricht an diesen Empfänger passt)</numerusform>
            <numerusform> (%n Nachrichten an diesen Empfänger passen)</numerusform>
        </translation>
    </message>
    <message>
        <source>A report that may be about this message (not confirmed, it changes nothing until you confirm it): %1</source>
        <translation>Ein Bericht, der diese Nachricht betreffen könnte (nicht bestätigt; er ändert nichts, bis Sie ihn bestätigen): %1</translation>
    </message>
    <message>
        <source>a bounce without machine-readable fields, read from its text (%1% sure)</source>
        <translation>ein Unzustellbarkeitsbericht ohne maschinenlesbare Felder, aus seinem Text gelesen (zu %1% sicher)</translation>
    </message>
    <message>
        <source>Deferred by your mail server: %1. Mailtrail tries again.</source>
        <translation>Von Ihrem Postausgangsserver zurückgestellt: %1. Mailtrail versucht es erneut.</translation>
    </message>
    <message>
        <source>Marked as sent by you.</source>
        <translation>Von Ihnen als gesendet markiert.</translation>
    </message>
    <message>
        <source>Discarded by you; it was not sent.</source>
        <translation>Von Ihnen verworfen; die Nachricht wurde nicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed on %1: %2 (report from %3)</source>
        <translation>Fehlgeschlagen am %1: %2 (Bericht von %3)</translation>
    </message>
    <message>
        <source>Refused on %1: %2 (by the submission server)</source>
        <translation>Abgelehnt am %1: %2 (vom Postausgangsserver)</translation>
    </message>
    <message>
        <source>Failed on %1: %2</source>
        <translation>Fehlgeschlagen am %1: %2</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>delivered today</source>
        <translation>heute zugestellt</translation>
    </message>
    <message>
        <source>delivered yesterday</source>
        <translation>gestern zugestellt</translation>
    </message>
    <message numerus="yes">
        <source>delivered %n days ago</source>
        <translation>
            <numerusform>vor %n Tag zugestellt</numerusform>
            <numerusform>vor %n Tagen zugestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>fehlgeschlagen %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation>abgelehnt %1</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>verzögert</translation>
    </message>
    <message>
        <source>no report (overdue)</source>
        <translation>kein Bericht (überfällig)</translation>
    </message>
    <message>
        <source>accepted, no report yet</source>
        <translation>angenommen, noch kein Bericht</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>Sent %1, delivered %2, read %3, failed %4</source>
        <translation>Gesendet %1, zugestellt %2, gelesen %3, fehlgeschlagen %4</translation>
    </message>
    <message>
        <source>Last outcome: %1</source>
        <translation>Zuletzt: %1</translation>
    </message>
    <message>
        <source>Median time to delivery: %1</source>
        <translation>Median bis zur Zustellung: %1</translation>
    </message>
    <message>
        <source>Median time to read: %1</source>
        <translation>Median bis zum Lesen: %1</translation>
    </message>
    <message>
        <source>Sent from another program (no delivery reports were requested).</source>
        <translation>Aus einem anderen Programm gesendet (es wurden keine Zustellberichte angefordert).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Submission server (SMTP)</source>
        <translation>Postausgangsserver (SMTP)</translation>
    </message>
    <message>
        <source>Delivery report (DSN)</source>
        <translation>Zustellbericht (DSN)</translation>
    </message>
    <message>
        <source>Bounce message</source>
        <translation>Unzustellbarkeitsnachricht</translation>
    </message>
    <message>
        <source>Read receipt (MDN)</source>
        <translation>Lesebestätigung (MDN)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation>Ordner „Gesendet“</translation>
    </message>
    <message>
        <source>Proof of delivery</source>
        <translation>Zustellnachweis</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Envelope ID (ENVID)</source>
        <translation>Umschlag-ID (ENVID)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Proof made</source>
        <translation>Nachweis erstellt</translation>
    </message>
    <message>
        <source>The outgoing server did not support delivery reports (DSN) for this message. Failures that came back as bounces and read receipts are shown, but delivery cannot be proven.</source>
        <translation>Der Postausgangsserver hat für diese Nachricht keine Zustellberichte (DSN) unterstützt. Fehlschläge, die als Unzustellbarkeitsnachricht zurückkamen, und Lesebestätigungen sind aufgeführt, die Zustellung lässt sich aber nicht nachweisen.</translation>
    </message>
    <message>
        <source>All times are given as %1.</source>
        <translation>Alle Zeiten sind in %1 angegeben.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>recipient — state</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
    <message>
        <source>Reply code: %1 %2</source>
        <translation>Antwortcode: %1 %2</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>Gemeldet von: %1</translation>
    </message>
    <message>
        <source>Why it may be about this message: %1</source>
        <translation>Warum er diese Nachricht betreffen könnte: %1</translation>
    </message>
    <message>
        <source>Dated by the reporting server: %1</source>
        <translation>Datiert vom meldenden Server: %1</translation>
    </message>
    <message>
        <source>matched by %1, %2% sure</source>
        <translation>zugeordnet über %1, zu %2 % sicher</translation>
    </message>
    <message>
        <source>possible, not confirmed</source>
        <translation>möglich, nicht bestätigt</translation>
    </message>
    <message>
        <source>confirmed by the user on %1</source>
        <translation>vom Benutzer bestätigt am %1</translation>
    </message>
    <message>
        <source>attachment %1 (%2)</source>
        <translation>Anhang %1 (%2)</translation>
    </message>
    <message>
        <source>Appendix: the reports as received</source>
        <translation>Anhang: die Berichte, wie sie eingingen</translation>
    </message>
    <message>
        <source>Each report is also attached to this PDF as a file, byte for byte as it was received.</source>
        <translation>Jeder Bericht ist diesem PDF außerdem als Datei angehängt, Byte für Byte so, wie er einging.</translation>
    </message>
    <message>
        <source>Attachment %1: %2</source>
        <translation>Anhang %1: %2</translation>
    </message>
    <message>
        <source>Received %1 from %2</source>
        <translation>Eingegangen am %1 von %2</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Report received %1</source>
        <translation>Bericht eingegangen am %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountAssistant</name>
    <message>
        <source>Add Mail Account</source>
        <translation>E-Mail-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Your mail address</source>
        <translation>Ihre E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Mailtrail will look up the settings of your provider.</source>
        <translation>Mailtrail sucht die Einstellungen Ihres Anbieters heraus.</translation>
    </message>
    <message>
        <source>Alice Example</source>
        <translation>Erika Mustermann</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>erika@example.org</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Mail &amp;address:</source>
        <translation>E-Mail-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Server-Einstellungen</translation>
    </message>
    <message>
        <source>Pick the settings found for your address, or enter them by hand.</source>
        <translation>Wählen Sie die für Ihre Adresse gefundenen Einstellungen oder geben Sie sie von Hand ein.</translation>
    </message>
    <message>
        <source>&amp;Found:</source>
        <translation>&amp;Gefunden:</translation>
    </message>
    <message>
        <source>Incoming (&amp;IMAP):</source>
        <translation>Eingehend (&amp;IMAP):</translation>
    </message>
    <message>
        <source>Outgoing (&amp;SMTP):</source>
        <translation>Ausgehend (&amp;SMTP):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Account &amp;label:</source>
        <translation>&amp;Kontobezeichnung:</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Mailtrail logs in to both servers once to check the settings.</source>
        <translation>Mailtrail meldet sich einmal bei beiden Servern an, um die Einstellungen zu prüfen.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Looking up the settings for %1…</source>
        <translation>Einstellungen für %1 werden gesucht…</translation>
    </message>
    <message>
        <source>published by the provider</source>
        <translation>vom Anbieter veröffentlicht</translation>
    </message>
    <message>
        <source>from DNS</source>
        <translation>aus dem DNS</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>geschätzt</translation>
    </message>
    <message>
        <source>%1 and %2 (%3)</source>
        <translation>%1 und %2 (%3)</translation>
    </message>
    <message>
        <source>No settings were found for this address. Enter them by hand.</source>
        <translation>Für diese Adresse wurden keine Einstellungen gefunden. Geben Sie sie von Hand ein.</translation>
    </message>
    <message>
        <source>Your provider publishes no settings; these are common guesses.</source>
        <translation>Ihr Anbieter veröffentlicht keine Einstellungen; dies sind übliche Vermutungen.</translation>
    </message>
    <message>
        <source>Settings found (%1).</source>
        <translation>Einstellungen gefunden (%1).</translation>
    </message>
    <message>
        <source>Testing is not available here; the settings are checked at the first sync.</source>
        <translation>Testen ist hier nicht möglich; die Einstellungen werden beim ersten Abgleich geprüft.</translation>
    </message>
    <message>
        <source>Connecting to %1 and %2…</source>
        <translation>Verbindung zu %1 und %2 wird hergestellt…</translation>
    </message>
    <message>
        <source>Both servers accepted the settings.</source>
        <translation>Beide Server haben die Einstellungen akzeptiert.</translation>
    </message>
    <message>
        <source>Both servers accepted the settings. Note: the outgoing server does not offer delivery reports, so Mailtrail can only show that it accepted your mail.</source>
        <translation>Beide Server haben die Einstellungen akzeptiert. Hinweis: Der Postausgangsserver bietet keine Zustellberichte an, daher kann Mailtrail nur zeigen, dass er Ihre Mail angenommen hat.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut.</translation>
    </message>
    <message>
        <source>The certificate was rejected, so Mailtrail will not connect to this server.</source>
        <translation>Das Zertifikat wurde abgelehnt, daher verbindet sich Mailtrail nicht mit diesem Server.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <source>&amp;Add the account anyway (the settings are checked at the first sync)</source>
        <translation>Konto trotzdem &amp;hinzufügen (die Einstellungen werden beim ersten Abgleich geprüft)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Mit Google anmelden</translation>
    </message>
    <message>
        <source>Sign in with Microsoft</source>
        <translation>Mit Microsoft anmelden</translation>
    </message>
    <message>
        <source>Another OAuth2 provider</source>
        <translation>Ein anderer OAuth2-Anbieter</translation>
    </message>
    <message>
        <source>https://sso.example.org/realms/mail</source>
        <translation>https://sso.example.org/realms/mail</translation>
    </message>
    <message>
        <source>optional: the client ID of your own registration</source>
        <translation>optional: die Client-ID Ihrer eigenen Registrierung</translation>
    </message>
    <message>
        <source>The password, or the sign-in, is kept in your desktop&apos;s keychain, never in a file.</source>
        <translation>Das Passwort bzw. die Anmeldung wird im Schlüsselbund Ihrer Arbeitsumgebung aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>Anmelde&amp;methode:</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>Aus&amp;steller-URL:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>Client-I&amp;D:</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountEditor</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>(new identity)</source>
        <translation>(neue Identität)</translation>
    </message>
    <message>
        <source>%1 (the account&apos;s address)</source>
        <translation>%1 (die Adresse des Kontos)</translation>
    </message>
    <message>
        <source>Edit Account %1</source>
        <translation>Konto %1 bearbeiten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Kontoname:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Incoming (IMAP):</source>
        <translation>&amp;Eingang (IMAP):</translation>
    </message>
    <message>
        <source>&amp;Outgoing (SMTP):</source>
        <translation>&amp;Ausgang (SMTP):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>A&amp;dd Identity</source>
        <translation>Identität &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Identity</source>
        <translation>Identität &amp;entfernen</translation>
    </message>
    <message>
        <source>replies go to the address above</source>
        <translation>Antworten gehen an die Adresse oben</translation>
    </message>
    <message>
        <source>Plain text. Mailtrail puts the “-- ” line above it.</source>
        <translation>Reiner Text. Mailtrail setzt die Zeile „-- “ darüber.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Displa&amp;y name:</source>
        <translation>Angezeigter Na&amp;me:</translation>
    </message>
    <message>
        <source>Reply-&amp;To:</source>
        <translation>Antwort &amp;an:</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>&amp;Signatur:</translation>
    </message>
    <message>
        <source>“%1” is not a mail address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Enter the incoming and the outgoing server.</source>
        <translation>Geben Sie den Eingangs- und den Ausgangsserver ein.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The address %1 is listed twice.</source>
        <translation>Die Adresse %1 steht zweimal in der Liste.</translation>
    </message>
    <message>
        <source>none: reports stay where they arrive</source>
        <translation>keiner: Berichte bleiben, wo sie ankommen</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>Ordner für &amp;Berichte:</translation>
    </message>
    <message>
        <source>empty: Mailtrail&apos;s built-in client ID for %1</source>
        <translation>leer: die eingebaute Client-ID von Mailtrail für %1</translation>
    </message>
    <message>
        <source>required: no client ID for %1 is built into this Mailtrail</source>
        <translation>erforderlich: in dieses Mailtrail ist keine Client-ID für %1 eingebaut</translation>
    </message>
    <message>
        <source>required: this provider has no built-in client ID</source>
        <translation>erforderlich: für diesen Anbieter ist keine Client-ID eingebaut</translation>
    </message>
    <message>
        <source>only if the provider issued one with the client ID</source>
        <translation>nur, wenn der Anbieter eines mit der Client-ID ausgegeben hat</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Enter the client ID that goes with the client secret, or clear the secret.</source>
        <translation>Geben Sie die Client-ID ein, zu der das Client-Geheimnis gehört, oder leeren Sie das Geheimnis.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountPasswords</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>%1

Password for %2 (used for this session only):</source>
        <translation>%1

Passwort für %2 (nur für diese Sitzung):</translation>
    </message>
    <message>
        <source>The keychain has no password for this account.</source>
        <translation>Der Schlüsselbund enthält kein Passwort für dieses Konto.</translation>
    </message>
    <message>
        <source>The server refused the password of %1.</source>
        <translation>Der Server hat das Passwort von %1 abgelehnt.</translation>
    </message>
    <message>
        <source>Waiting for the password of %1.</source>
        <translation>Warte auf das Passwort von %1.</translation>
    </message>
    <message>
        <source>The keychain still holds the secret of the removed account %1: %2</source>
        <translation>Der Schlüsselbund enthält noch das Geheimnis des entfernten Kontos %1: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ActivityIndicator</name>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird abgerufen…</translation>
    </message>
    <message>
        <source>Checking %1: %2…</source>
        <translation>%1 wird abgerufen: %2…</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>Sende %1 von %2…</translation>
    </message>
    <message>
        <source>Downloading a message…</source>
        <translation>Eine Nachricht wird heruntergeladen…</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AttentionWatcher</name>
    <message>
        <source>Needs attention: %1</source>
        <translation>Braucht Aufmerksamkeit: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>&amp;Dismiss from Needs Attention</source>
        <translation>Aus „Braucht Aufmerksamkeit“ &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::CertificateDialog</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server %1 (port %2) presented a certificate that is not trusted.&lt;/b&gt;&lt;br&gt;Only trust it if you know this server uses its own certificate, and the fingerprint below matches what its administrator gave you.</source>
        <translation>&lt;b&gt;Der Server %1 (Port %2) hat ein Zertifikat vorgelegt, dem nicht vertraut wird.&lt;/b&gt;&lt;br&gt;Vertrauen Sie ihm nur, wenn Sie wissen, dass dieser Server ein eigenes Zertifikat verwendet, und der Fingerabdruck unten mit dem übereinstimmt, den Ihnen sein Administrator genannt hat.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>(none reported)</source>
        <translation>(keine gemeldet)</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ComposerDialog</name>
    <message>
        <source>Request &amp;delivery report</source>
        <translation>&amp;Zustellbericht anfordern</translation>
    </message>
    <message>
        <source>Request &amp;read receipt</source>
        <translation>&amp;Lesebestätigung anfordern</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;, …</source>
        <translation>Name &lt;Adresse&gt;, …</translation>
    </message>
    <message>
        <source>Ask the mail servers to report delivery or failure for every recipient (DSN).</source>
        <translation>Die Mailserver bitten, Zustellung oder Fehlschlag für jeden Empfänger zu melden (Zustellbericht, DSN).</translation>
    </message>
    <message>
        <source>Ask the recipients&apos; mail programs to report when the message is read. They may decline.</source>
        <translation>Die Mailprogramme der Empfänger bitten, zu melden, wenn die Nachricht gelesen wurde. Sie können das ablehnen.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Kopie (CC):</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Bl&amp;indkopie (BCC):</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>Anhän&amp;gen…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Anhang entfernen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is too large to attach (%2).</source>
        <translation>%1 ist zu groß für einen Anhang (%2).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Only local files can be attached: %1</source>
        <translation>Nur lokale Dateien können angehängt werden: %1</translation>
    </message>
    <message>
        <source>The outgoing server of this account did not offer delivery reports (DSN) last time. Mailtrail will only know whether the server accepted the message.</source>
        <translation>Der Postausgangsserver dieses Kontos hat beim letzten Mal keine Zustellberichte (DSN) angeboten. Mailtrail erfährt nur, ob der Server die Nachricht angenommen hat.</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>%1 — Compose</source>
        <translation>%1 – Verfassen</translation>
    </message>
    <message>
        <source>There is no account to send from. Add an account first.</source>
        <translation>Es gibt kein Konto zum Senden. Fügen Sie zuerst ein Konto hinzu.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Fügen Sie mindestens einen Empfänger hinzu.</translation>
    </message>
    <message>
        <source>No delivery reports</source>
        <translation>Keine Zustellberichte</translation>
    </message>
    <message>
        <source>The outgoing server of %1 does not offer delivery reports. You will only know that the server accepted the message.

Send anyway?</source>
        <translation>Der Postausgangsserver von %1 bietet keine Zustellberichte an. Sie erfahren nur, dass der Server die Nachricht angenommen hat.

Trotzdem senden?</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>Kein Betreff</translation>
    </message>
    <message>
        <source>Send this message without a subject?</source>
        <translation>Diese Nachricht ohne Betreff senden?</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Keep this message in Drafts (Ctrl+S)</source>
        <translation>Diese Nachricht in den Entwürfen aufbewahren (Strg+S)</translation>
    </message>
    <message>
        <source>Save the draft?</source>
        <translation>Entwurf speichern?</translation>
    </message>
    <message>
        <source>This message has changes that are not saved. Save it as a draft?</source>
        <translation>Diese Nachricht hat ungespeicherte Änderungen. Als Entwurf speichern?</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::DeliveryNotifier</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Delivery failed: %1</source>
        <translation>Zustellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Delivery delayed: %1</source>
        <translation>Zustellung verzögert: %1</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Gelesen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::DeliveryPanel</name>
    <message>
        <source>Show &amp;report</source>
        <translation>&amp;Bericht anzeigen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Unmatched reports…</source>
        <translation>&amp;Nicht zugeordnete Berichte…</translation>
    </message>
    <message>
        <source>No sent message selected</source>
        <translation>Keine gesendete Nachricht ausgewählt</translation>
    </message>
    <message>
        <source>Select a message you sent to see what happened to it.</source>
        <translation>Wählen Sie eine gesendete Nachricht, um zu sehen, was mit ihr geschah.</translation>
    </message>
    <message>
        <source>Sent %1 · %2 · Message-ID &lt;%3&gt;</source>
        <translation>Gesendet am %1 · %2 · Message-ID &lt;%3&gt;</translation>
    </message>
    <message>
        <source>The outgoing server did not support delivery reports (DSN) for this message. Mailtrail can still show failures that come back as bounces and read receipts, but it cannot prove delivery.</source>
        <translation>Der Postausgangsserver hat für diese Nachricht keine Zustellberichte (DSN) unterstützt. Mailtrail kann weiterhin Fehlschläge aus Unzustellbarkeitsnachrichten und Lesebestätigungen zeigen, aber keine Zustellung nachweisen.</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>Antwort des Servers: %1</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>Gemeldet von: %1</translation>
    </message>
    <message>
        <source>(matched by %1, %2% sure)</source>
        <translation>(zugeordnet über %1, zu %2 % sicher)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>No sent message is selected.</source>
        <translation>Es ist keine gesendete Nachricht ausgewählt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export proof of delivery</source>
        <translation>Zustellnachweis exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>Bes&amp;tätigen</translation>
    </message>
    <message>
        <source>Confirm that the selected possible report is about this message, so that it decides the recipient&apos;s state.</source>
        <translation>Bestätigen, dass der ausgewählte mögliche Bericht diese Nachricht betrifft, sodass er den Zustand des Empfängers bestimmt.</translation>
    </message>
    <message>
        <source>Sent from another program; no delivery reports were requested.</source>
        <translation>Aus einem anderen Programm gesendet; es wurden keine Zustellberichte angefordert.</translation>
    </message>
    <message>
        <source>Resend of &lt;%1&gt; from %2</source>
        <translation>Erneuter Versand von &lt;%1&gt; vom %2</translation>
    </message>
    <message>
        <source>Resent as &lt;%1&gt; on %2</source>
        <translation>Erneut gesendet als &lt;%1&gt; am %2</translation>
    </message>
    <message>
        <source>Why it may be about this message: %1</source>
        <translation>Warum er diese Nachricht betreffen könnte: %1</translation>
    </message>
    <message>
        <source>Dated by the reporting server: %1</source>
        <translation>Datiert vom meldenden Server: %1</translation>
    </message>
    <message>
        <source>possible, not confirmed</source>
        <translation>möglich, nicht bestätigt</translation>
    </message>
    <message>
        <source>Confirm report</source>
        <translation>Bericht bestätigen</translation>
    </message>
    <message>
        <source>Re&amp;send to Failed Recipients…</source>
        <translation>Erneut an fehlgeschlagene Empfänger &amp;senden…</translation>
    </message>
    <message>
        <source>Open the message again in the composer, addressed to the recipients it did not reach, as a new message with its own tracking.</source>
        <translation>Die Nachricht erneut im Editor öffnen, an die Empfänger, die sie nicht erreicht hat, als neue Nachricht mit eigener Verfolgung.</translation>
    </message>
    <message>
        <source>Not sent: the outgoing mail server refused it · Message-ID &lt;%1&gt;</source>
        <translation>Nicht gesendet: Der Postausgangsserver hat sie abgelehnt · Message-ID &lt;%1&gt;</translation>
    </message>
    <message>
        <source>Proof of delivery saved as %1</source>
        <translation>Zustellnachweis gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderActions</name>
    <message>
        <source>&amp;New Folder…</source>
        <translation>&amp;Neuer Ordner…</translation>
    </message>
    <message>
        <source>&amp;Rename Folder…</source>
        <translation>Ordner &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation>Ordner &amp;löschen…</translation>
    </message>
    <message>
        <source>New &amp;Subfolder…</source>
        <translation>Neuer &amp;Unterordner…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation>Name des neuen Ordners in „%1“:</translation>
    </message>
    <message>
        <source>Rename Folder</source>
        <translation>Ordner umbenennen</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1”, the %n folder(s) in it and the messages they hold? This cannot be undone.</source>
        <translation>
            <numerusform>Den Ordner „%1“, den %n Ordner darin und die Nachrichten darin löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Den Ordner „%1“, die %n Ordner darin und die Nachrichten darin löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n message(s) in it? This cannot be undone.</source>
        <translation>
            <numerusform>Den Ordner „%1“ und die %n Nachricht darin löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Den Ordner „%1“ und die %n Nachrichten darin löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation>Ordner löschen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderDecorationProxy</name>
    <message numerus="yes">
        <source>%n message(s), %1 unread</source>
        <translation>
            <numerusform>%n Nachricht, %1 ungelesen</numerusform>
            <numerusform>%n Nachrichten, %1 ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>INBOX</source>
        <comment>folder name</comment>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Drafts</source>
        <comment>folder name</comment>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>folder name</comment>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Archive</source>
        <comment>folder name</comment>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Junk</source>
        <comment>folder name</comment>
        <translation>Junk</translation>
    </message>
    <message>
        <source>Trash</source>
        <comment>folder name</comment>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Receipts</source>
        <comment>folder name</comment>
        <translation>Bestätigungen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderPane</name>
    <message>
        <source>Tracked</source>
        <translation>Verfolgt</translation>
    </message>
    <message>
        <source>Every message sent with delivery tracking</source>
        <translation>Alle mit Zustellverfolgung gesendeten Nachrichten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sent mail that at least one recipient did not get</source>
        <translation>Gesendete Mails, die mindestens ein Empfänger nicht erhalten hat</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <source>Sent mail still being retried, or overdue</source>
        <translation>Gesendete Mails, deren Zustellung noch versucht wird oder überfällig ist</translation>
    </message>
    <message>
        <source>Awaiting report</source>
        <translation>Bericht ausstehend</translation>
    </message>
    <message>
        <source>Sent mail whose delivery report has not come yet</source>
        <translation>Gesendete Mails, deren Zustellbericht noch nicht eingetroffen ist</translation>
    </message>
    <message>
        <source>Unmatched reports</source>
        <translation>Nicht zugeordnete Berichte</translation>
    </message>
    <message>
        <source>Reports that could not be matched with a sent message</source>
        <translation>Berichte, die keiner gesendeten Nachricht zugeordnet werden konnten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Sent mail with a recipient failed, refused, overdue or delayed for more than a day, that you have not dismissed</source>
        <translation>Gesendete Mail mit einem Empfänger, der fehlgeschlagen, abgelehnt, überfällig oder seit mehr als einem Tag verzögert ist und den Sie nicht entfernt haben</translation>
    </message>
    <message>
        <source>Saved search: %1</source>
        <translation>Gespeicherte Suche: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderPickerDialog</name>
    <message>
        <source>Type part of a folder name</source>
        <translation>Einen Teil des Ordnernamens eingeben</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MailController</name>
    <message>
        <source>The certificate of %1 was rejected, so Mailtrail did not connect to it.</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt, daher hat Mailtrail keine Verbindung hergestellt.</translation>
    </message>
    <message>
        <source>Mailtrail could not remember that you ignored this read receipt: %1</source>
        <translation>Mailtrail konnte sich nicht merken, dass Sie diese Lesebestätigung ignoriert haben: %1</translation>
    </message>
    <message>
        <source>There is no account to check. Use Settings → Add Account to add one.</source>
        <translation>Es gibt kein Konto zum Abrufen. Fügen Sie eines über Einstellungen → Konto hinzufügen hinzu.</translation>
    </message>
    <message>
        <source>The message was not sent: there is no account named %1.</source>
        <translation>Die Nachricht wurde nicht gesendet: Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>“%1” is in the outbox; sending…</source>
        <translation>„%1“ ist im Postausgang; wird gesendet…</translation>
    </message>
    <message>
        <source>The read receipt was not sent: %1</source>
        <translation>Die Lesebestätigung wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>A read receipt was sent, as the account&apos;s settings say.</source>
        <translation>Eine Lesebestätigung wurde gesendet, wie in den Einstellungen des Kontos festgelegt.</translation>
    </message>
    <message>
        <source>The read receipt is in the outbox; sending…</source>
        <translation>Die Lesebestätigung ist im Postausgang; wird gesendet…</translation>
    </message>
    <message>
        <source>The draft was not saved: there is no account named %1.</source>
        <translation>Der Entwurf wurde nicht gespeichert: Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>Mailtrail cannot connect to %1 without its password: %2</source>
        <translation>Mailtrail kann sich ohne Passwort nicht mit %1 verbinden: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MailTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Hat Anhänge</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>Zustellstatus</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MainWindow</name>
    <message>
        <source>Mailtrail</source>
        <translation>Mailtrail</translation>
    </message>
    <message>
        <source>No web browser could open %1.</source>
        <translation>Kein Webbrowser konnte %1 öffnen.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>No account is set up yet. Use Settings → Add Account to add one.</source>
        <translation>Noch ist kein Konto eingerichtet. Fügen Sie eines über Einstellungen → Konto hinzufügen hinzu.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;Check Mail</source>
        <translation>Nachrichten &amp;abrufen</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>Nachrichten werden abgerufen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find Messages</source>
        <translation>Nachrichten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Reply to &amp;All</source>
        <translation>A&amp;llen antworten</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Weiterleiten</translation>
    </message>
    <message>
        <source>Show &amp;Tracked Mail</source>
        <translation>&amp;Verfolgte Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Configure Mailtrail…</source>
        <translation>Mailtrail &amp;konfigurieren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Mailtrail</source>
        <translation>&amp;Über Mailtrail</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>“%1” was handed to the outbox.</source>
        <translation>„%1“ wurde in den Postausgang gestellt.</translation>
    </message>
    <message>
        <source>Select a message first.</source>
        <translation>Wählen Sie zuerst eine Nachricht aus.</translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Keine Nachricht ausgewählt.</translation>
    </message>
    <message>
        <source>Downloading this message…</source>
        <translation>Diese Nachricht wird heruntergeladen…</translation>
    </message>
    <message>
        <source>This report could not be read: %1</source>
        <translation>Dieser Bericht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the folders: %1</source>
        <translation>Die Ordner können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the messages: %1</source>
        <translation>Die Nachrichten können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The account could not be added: %1</source>
        <translation>Das Konto konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>The account %1 was added.</source>
        <translation>Das Konto %1 wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>About Mailtrail</source>
        <translation>Über Mailtrail</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailtrail %1&lt;/h3&gt;&lt;p&gt;A mail client that shows, for every recipient, what happened to the mail you sent.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailtrail %1&lt;/h3&gt;&lt;p&gt;Ein E-Mail-Programm, das für jeden Empfänger zeigt, was mit Ihrer gesendeten Mail geschah.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Lö&amp;schen</translation>
    </message>
    <message>
        <source>Ne&amp;xt Message</source>
        <translation>&amp;Nächste Nachricht</translation>
    </message>
    <message>
        <source>Pre&amp;vious Message</source>
        <translation>V&amp;orherige Nachricht</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Postausgang…</translation>
    </message>
    <message>
        <source>Select a draft first.</source>
        <translation>Wählen Sie zuerst einen Entwurf aus.</translation>
    </message>
    <message>
        <source>&amp;Edit Draft</source>
        <translation>Entwurf &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Resend to Failed Recipients…</source>
        <translation>An fehlgeschlagene Empfänger erneut &amp;senden…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Resending to the recipients that did not get it:</source>
        <translation>Erneuter Versand an die Empfänger, die sie nicht erhalten haben:</translation>
    </message>
    <message>
        <source>%1 needs you to sign in again: %2</source>
        <translation>%1: Bitte melden Sie sich erneut an: %2</translation>
    </message>
    <message>
        <source>The message is no longer in this folder.</source>
        <translation>Die Nachricht ist nicht mehr in diesem Ordner.</translation>
    </message>
    <message>
        <source>F&amp;ilter This List</source>
        <translation>Diese Liste f&amp;iltern</translation>
    </message>
    <message>
        <source>%1 is signed in again.</source>
        <translation>%1 ist wieder angemeldet.</translation>
    </message>
    <message>
        <source>F&amp;older</source>
        <translation>&amp;Ordner</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageActions</name>
    <message>
        <source>&amp;Move to…</source>
        <translation>Verschieben na&amp;ch…</translation>
    </message>
    <message>
        <source>&amp;Copy to…</source>
        <translation>Kop&amp;ieren nach…</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>&amp;Quelltext anzeigen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Select a message first.</source>
        <translation>Bitte zuerst eine Nachricht auswählen.</translation>
    </message>
    <message>
        <source>Select messages in a folder first.</source>
        <translation>Bitte zuerst Nachrichten in einem Ordner auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Message(s) to</source>
        <translation>
            <numerusform>%n Nachricht kopieren nach</numerusform>
            <numerusform>%n Nachrichten kopieren nach</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Message(s) to</source>
        <translation>
            <numerusform>%n Nachricht verschieben nach</numerusform>
            <numerusform>%n Nachrichten verschieben nach</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a message in a folder to delete it.</source>
        <translation>Wählen Sie eine Nachricht in einem Ordner aus, um sie zu löschen.</translation>
    </message>
    <message>
        <source>The message has not been downloaded yet.</source>
        <translation>Die Nachricht ist noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Source of “%1”</source>
        <translation>Quelltext von „%1“</translation>
    </message>
    <message>
        <source>There is no message to print.</source>
        <translation>Es gibt keine Nachricht zum Drucken.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>The message could not be printed.</source>
        <translation>Die Nachricht konnte nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>Mar&amp;k as Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark as U&amp;nread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>To&amp;ggle Read</source>
        <translation>Gelesen-Status u&amp;mschalten</translation>
    </message>
    <message>
        <source>Toggle F&amp;lag</source>
        <translation>Mar&amp;kierung umschalten</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageListPane</name>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Cannot show this folder: %1</source>
        <translation>Dieser Ordner kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Show conversations as threads</source>
        <translation>Nachrichten als Unterhaltungen gruppiert anzeigen</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <source>No report is waiting to be matched: reports that Mailtrail cannot link to a sent mail appear here.</source>
        <translation>Kein Bericht wartet auf Zuordnung: Berichte, die Mailtrail keiner gesendeten Nachricht zuordnen kann, erscheinen hier.</translation>
    </message>
    <message>
        <source>No failed mail</source>
        <translation>Keine fehlgeschlagenen Nachrichten</translation>
    </message>
    <message>
        <source>No delayed mail</source>
        <translation>Keine verzögerten Nachrichten</translation>
    </message>
    <message>
        <source>No mail is waiting for a report</source>
        <translation>Keine Nachricht wartet auf einen Bericht</translation>
    </message>
    <message>
        <source>No tracked mail yet: mail you send appears here with what became of it for each recipient.</source>
        <translation>Noch keine verfolgten Nachrichten: Was Sie senden, erscheint hier mit dem, was bei jedem Empfänger daraus wurde.</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>Dieser Ordner ist leer.</translation>
    </message>
    <message>
        <source>Filter this list: subject, people, state… (Ctrl+Shift+F)</source>
        <translation>Diese Liste filtern: Betreff, Personen, Status… (Strg+Umschalt+F)</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageViewer</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Bestätigung senden</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Keine Nachricht ausgewählt.</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>(unbenannt %1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>To protect your privacy, %n remote image(s) or style(s) were not loaded.</source>
        <translation>
            <numerusform>Zum Schutz Ihrer Privatsphäre wurde %n externer Inhalt (Bild oder Stil) nicht geladen.</numerusform>
            <numerusform>Zum Schutz Ihrer Privatsphäre wurden %n externe Inhalte (Bilder oder Stile) nicht geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sender asks to be told when you have read this message.</source>
        <translation>Der Absender bittet um eine Benachrichtigung, wenn Sie diese Nachricht gelesen haben.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Kopie (CC):</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>There is no such attachment.</source>
        <translation>Diesen Anhang gibt es nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Es ist keine Anwendung zum Öffnen von %1 eingerichtet.</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Read receipt for “%1”</source>
        <translation>Lesebestätigung für „%1“</translation>
    </message>
    <message>
        <source>Delivery report for “%1”</source>
        <translation>Zustellbericht für „%1“</translation>
    </message>
    <message>
        <source>show tracking</source>
        <translation>Verfolgung anzeigen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::OAuthSignInPanel</name>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>Anmeldung &amp;abbrechen</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>Ihrem Anbieter</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>Bei %1 anmelden…</translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1…</source>
        <translation>Die Anmeldeeinstellungen von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in at %1 in your web browser. When you have allowed Mailtrail, the browser hands the answer to Mailtrail on this computer.</source>
        <translation>Mailtrail wartet, bis Sie sich in Ihrem Webbrowser bei %1 angemeldet haben. Sobald Sie Mailtrail den Zugriff erlaubt haben, gibt der Browser die Antwort an Mailtrail auf diesem Rechner weiter.</translation>
    </message>
    <message>
        <source>No web browser could be opened. Open this address yourself: %1</source>
        <translation>Es konnte kein Webbrowser geöffnet werden. Öffnen Sie diese Adresse selbst: %1</translation>
    </message>
    <message>
        <source>Signed in; fetching the tokens…</source>
        <translation>Angemeldet; die Tokens werden abgeholt…</translation>
    </message>
    <message>
        <source>Signed in at %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Queued: attempt %1 at %2</source>
        <translation>In Warteschlange: Versuch %1 um %2</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Möglicherweise gesendet</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Vom Server abgewiesen</translation>
    </message>
    <message>
        <source>Sent; copy to Sent folder pending</source>
        <translation>Gesendet; Kopie in „Gesendet“ ausstehend</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Jetzt senden</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>Als gesendet &amp;markieren</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Send this message again. If it did go out the first time, the recipients get it twice.</source>
        <translation>Diese Nachricht erneut senden. Falls sie beim ersten Mal doch hinausging, erhalten die Empfänger sie zweimal.</translation>
    </message>
    <message>
        <source>You know it went out (for example the recipient has it): stop asking.</source>
        <translation>Sie wissen, dass sie hinausging (zum Beispiel hat der Empfänger sie): nicht mehr nachfragen.</translation>
    </message>
    <message>
        <source>Remove it from the outbox. Its tracking record stays.</source>
        <translation>Aus dem Postausgang entfernen. Die Verfolgungsdaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Messages wait here until a server has accepted them. A message that “may have been sent” lost its connection while the server was answering: Mailtrail does not resend it on its own.</source>
        <translation>Nachrichten warten hier, bis ein Server sie angenommen hat. Bei einer „möglicherweise gesendeten“ Nachricht brach die Verbindung ab, während der Server antwortete: Mailtrail sendet sie nicht von sich aus erneut.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>&amp;Edit and Send Again…</source>
        <translation>&amp;Bearbeiten und erneut senden…</translation>
    </message>
    <message>
        <source>Open the refused message in the composer to correct it and send it again.</source>
        <translation>Die abgelehnte Nachricht im Editor öffnen, um sie zu korrigieren und erneut zu senden.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::PasswordBar</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>%1 Enter the password of %2 to connect again:</source>
        <translation>%1 Geben Sie das Passwort von %2 ein, um wieder zu verbinden:</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Passwort von %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ProofPdf</name>
    <message>
        <source>Cannot attach the reports to the PDF: %1</source>
        <translation>Die Berichte können nicht an das PDF angehängt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::RecipientAdvice</name>
    <message>
        <source>%1 — %2</source>
        <comment>address completion: address — last outcome</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Recipient failed before</source>
        <translation>Empfänger ist schon einmal fehlgeschlagen</translation>
    </message>
    <message>
        <source>Mail to %1 failed before and nothing has been delivered there since.

%2</source>
        <translation>Mail an %1 ist schon einmal fehlgeschlagen, und seitdem wurde dorthin nichts zugestellt.

%2</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Remove This Recipient</source>
        <translation>Diesen Empfänger entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1: did you mean %2?</source>
        <translation>%1: meinten Sie %2?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::RecipientHistoryTips</name>
    <message>
        <source>History of %1:</source>
        <translation>Verlauf von %1:</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SavedSearchMenu</name>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Gespeicherte Suche umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SearchPane</name>
    <message>
        <source>Search all mail: words, from:, has:attachment, state:failed… (Ctrl+F)</source>
        <translation>Alle Mails durchsuchen: Wörter, from:, has:attachment, state:failed… (Strg+F)</translation>
    </message>
    <message>
        <source>This folder only</source>
        <translation>Nur dieser Ordner</translation>
    </message>
    <message>
        <source>Search only the folder shown instead of all folders of all accounts</source>
        <translation>Nur den angezeigten Ordner durchsuchen statt aller Ordner aller Konten</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Save this search…</source>
        <translation>Diese Suche speichern…</translation>
    </message>
    <message>
        <source>Save this search under Tracked</source>
        <translation>Diese Suche unter „Verfolgt“ speichern</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Diese Suche speichern</translation>
    </message>
    <message>
        <source>Show it under Tracked as:</source>
        <translation>Unter „Verfolgt“ anzeigen als:</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still being indexed</source>
        <translation>
            <numerusform>%n Nachricht wird noch indiziert</numerusform>
            <numerusform>%n Nachrichten werden noch indiziert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SendOutcome</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was sent, but the server refused %n recipient(s); see the delivery panel.</source>
        <translation>
            <numerusform>„%1“ wurde gesendet, aber der Server hat %n Empfänger abgewiesen; siehe Zustellansicht.</numerusform>
            <numerusform>„%1“ wurde gesendet, aber der Server hat %n Empfänger abgewiesen; siehe Zustellansicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was accepted by the server.</source>
        <translation>„%1“ wurde vom Server angenommen.</translation>
    </message>
    <message>
        <source>“%1” was sent, but the server does not offer delivery reports: Mailtrail can only show that it was accepted.</source>
        <translation>„%1“ wurde gesendet, aber der Server bietet keine Zustellberichte an: Mailtrail kann nur zeigen, dass sie angenommen wurde.</translation>
    </message>
    <message>
        <source>“%1” could not be sent now and stays in the outbox; it will be tried again at %2. (%3)</source>
        <translation>„%1“ konnte jetzt nicht gesendet werden und bleibt im Postausgang; neuer Versuch um %2. (%3)</translation>
    </message>
    <message>
        <source>The server refused “%1”: %2</source>
        <translation>Der Server hat „%1“ abgewiesen: %2</translation>
    </message>
    <message>
        <source>“%1” may have been sent: the connection broke while the server was answering. Open the Outbox (Ctrl+Shift+O) to resend or discard it.</source>
        <translation>„%1“ wurde möglicherweise gesendet: Die Verbindung brach ab, während der Server antwortete. Öffnen Sie den Postausgang (Strg+Umschalt+O), um sie erneut zu senden oder zu verwerfen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were being sent when Mailtrail stopped. They may have been sent; open the Outbox to resend or discard them.</source>
        <translation>
            <numerusform>%n Nachricht wurde gerade gesendet, als Mailtrail beendet wurde. Sie wurde möglicherweise gesendet; öffnen Sie den Postausgang, um sie erneut zu senden oder zu verwerfen.</numerusform>
            <numerusform>%n Nachrichten wurden gerade gesendet, als Mailtrail beendet wurde. Sie wurden möglicherweise gesendet; öffnen Sie den Postausgang, um sie erneut zu senden oder zu verwerfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy in the Sent folder will be tried again later: %1</source>
        <translation>Die Kopie im Ordner „Gesendet“ wird später erneut versucht: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SentElsewhereSettingsEditor</name>
    <message>
        <source>&amp;Track it, of the last</source>
        <translation>&amp;Verfolgen, die der letzten</translation>
    </message>
    <message>
        <source>Mail that you sent from a phone or webmail lands in the Sent folder. Mailtrail gives it a timeline too: the bounces, read receipts and replies that come back for it. No delivery reports were requested for it, and nothing is ever sent.</source>
        <translation>Mails, die Sie vom Telefon oder per Webmail senden, landen im Ordner „Gesendet“. Mailtrail gibt auch ihnen einen Verlauf: die Unzustellbarkeitsberichte, Lesebestätigungen und Antworten, die dafür zurückkommen. Für sie wurden keine Zustellberichte angefordert, und es wird nie etwas gesendet.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Mail sent from other programs:</source>
        <translation>Aus anderen Programmen gesendete Mails:</translation>
    </message>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Das Konto %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SessionResults</name>
    <message>
        <source>Checking mail of %1 failed: %2</source>
        <translation>Abrufen der Nachrichten von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Mail of %1 checked.</source>
        <translation>Nachrichten von %1 abgerufen.</translation>
    </message>
    <message>
        <source>The connection of %1 was lost (%2); retrying in %3 s.</source>
        <translation>Die Verbindung von %1 wurde unterbrochen (%2); neuer Versuch in %3 s.</translation>
    </message>
    <message>
        <source>This message has not been downloaded yet, and the server cannot be reached: %1</source>
        <translation>Diese Nachricht wurde noch nicht heruntergeladen, und der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>This message could not be downloaded: %1</source>
        <translation>Diese Nachricht konnte nicht heruntergeladen werden: %1</translation>
    </message>
    <message>
        <source>The draft is saved on this computer; the copy on the server failed: %1</source>
        <translation>Der Entwurf ist auf diesem Computer gespeichert; die Kopie auf dem Server ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>Die Nachricht konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Moved to the Trash.</source>
        <translation>In den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>The change is kept on this computer; the server did not take it: %1</source>
        <translation>Die Änderung bleibt auf diesem Computer; der Server hat sie nicht übernommen: %1</translation>
    </message>
    <message>
        <source>The messages could not be copied: %1</source>
        <translation>Die Nachrichten konnten nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>The messages could not be moved: %1</source>
        <translation>Die Nachrichten konnten nicht verschoben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied.</source>
        <translation>
            <numerusform>%n Nachricht kopiert.</numerusform>
            <numerusform>%n Nachrichten kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) moved.</source>
        <translation>
            <numerusform>%n Nachricht verschoben.</numerusform>
            <numerusform>%n Nachrichten verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder could not be changed: %1</source>
        <translation>Der Ordner konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Folders updated.</source>
        <translation>Ordner aktualisiert.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SettingsDialog</name>
    <message>
        <source>Configure Mailtrail</source>
        <translation>Mailtrail konfigurieren</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Verfolgung</translation>
    </message>
    <message>
        <source>Read Receipts</source>
        <translation>Lesebestätigungen</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>When a sender asks for a &amp;read receipt:</source>
        <translation>Wenn ein Absender eine &amp;Lesebestätigung anfordert:</translation>
    </message>
    <message>
        <source>never overdue</source>
        <translation>nie überfällig</translation>
    </message>
    <message>
        <source>Request a &amp;delivery report for new messages</source>
        <translation>Für neue Nachrichten einen &amp;Zustellbericht anfordern</translation>
    </message>
    <message>
        <source>Request a read &amp;receipt for new messages</source>
        <translation>Für neue Nachrichten eine &amp;Lesebestätigung anfordern</translation>
    </message>
    <message>
        <source>&amp;Move reports to a folder after recording them:</source>
        <translation>Berichte nach dem Erfassen in einen Ordner &amp;verschieben:</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when a message fails, is delayed or is read</source>
        <translation>Eine &amp;Benachrichtigung anzeigen, wenn eine Nachricht fehlschlägt, sich verzögert oder gelesen wird</translation>
    </message>
    <message>
        <source>Overdue when no delivery report came &amp;within:</source>
        <translation>Überfällig ohne Zustellbericht &amp;nach:</translation>
    </message>
    <message>
        <source>Overdue after a delay report plus:</source>
        <translation>Überfällig nach einem Verzögerungsbericht plus:</translation>
    </message>
    <message>
        <source>Overdue when no read receipt came within:</source>
        <translation>Überfällig ohne Lesebestätigung nach:</translation>
    </message>
    <message>
        <source>Each account has its own policy (see Accounts). These two cases are never answered more readily than the account&apos;s policy says. Mailtrail never answers automatically when the request looks forged (RFC 8098 §2.1), never answers a report, and answers at most once per message.</source>
        <translation>Jedes Konto hat eigene Regeln (siehe Konten). Diese beiden Fälle werden nie bereitwilliger beantwortet, als die Regel des Kontos vorsieht. Mailtrail antwortet nie automatisch, wenn die Anforderung gefälscht wirkt (RFC 8098 §2.1), beantwortet nie einen Bericht und antwortet höchstens einmal pro Nachricht.</translation>
    </message>
    <message>
        <source>When I am not in To or Cc:</source>
        <translation>Wenn ich nicht in An oder Kopie stehe:</translation>
    </message>
    <message>
        <source>When the sender is outside my domain:</source>
        <translation>Wenn der Absender außerhalb meiner Domain ist:</translation>
    </message>
    <message>
        <source>Always load &amp;remote content in HTML mail</source>
        <translation>Externe Inhalte in HTML-Mails immer &amp;laden</translation>
    </message>
    <message>
        <source>Remote images can tell the sender when and where you read a message. When this is off, Mailtrail shows a bar to load them for one message.</source>
        <translation>Externe Bilder können dem Absender verraten, wann und wo Sie eine Nachricht lesen. Ist dies aus, zeigt Mailtrail eine Leiste, um sie für eine einzelne Nachricht zu laden.</translation>
    </message>
    <message>
        <source>No account yet.</source>
        <translation>Noch kein Konto.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;
Incoming: %3
Outgoing: %4</source>
        <translation>%1 &lt;%2&gt;
Eingehend: %3
Ausgehend: %4</translation>
    </message>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Das Konto %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account %1 and its downloaded mail from this computer? Mail on the server and delivery evidence stay.</source>
        <translation>Das Konto %1 und seine heruntergeladenen Mails von diesem Computer entfernen? Die Mails auf dem Server und die Zustellnachweise bleiben erhalten.</translation>
    </message>
    <message>
        <source>Cannot remove the account %1: %2</source>
        <translation>Das Konto %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Write replies &amp;below the quoted text (default: above it)</source>
        <translation>Antworten &amp;unter den zitierten Text schreiben (sonst darüber)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>headers only</source>
        <translation>nur Kopfzeilen</translation>
    </message>
    <message>
        <source>Bodies of these messages are downloaded in the background after each check, so they can be read and searched offline.</source>
        <translation>Die Inhalte dieser Nachrichten werden nach jedem Abruf im Hintergrund heruntergeladen, damit sie offline gelesen und durchsucht werden können.</translation>
    </message>
    <message>
        <source>&amp;Keep messages of the last:</source>
        <translation>Nachrichten der letzten Tage &amp;offline behalten:</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SingleInstance</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Mailtrail already runs with the profile %1 (process %2) but does not answer: %3</source>
        <translation>Mailtrail läuft bereits mit dem Profil %1 (Prozess %2), antwortet aber nicht: %3</translation>
    </message>
    <message>
        <source>The running Mailtrail did not take the request: %1</source>
        <translation>Das laufende Mailtrail hat die Anfrage nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::State</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Delivered to list</source>
        <translation>An Liste zugestellt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Weitergegeben</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Deleted unread</source>
        <translation>Ungelesen gelöscht</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
</context>
<context>
    <name>MessageTransfer</name>
    <message>
        <source>That folder is no longer there.</source>
        <translation>Diesen Ordner gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“%1” cannot hold messages, only other folders.</source>
        <translation>„%1“ kann keine Nachrichten enthalten, nur andere Ordner.</translation>
    </message>
    <message>
        <source>The message is in “%1” already.</source>
        <translation>Die Nachricht ist schon in „%1“.</translation>
    </message>
    <message>
        <source>Messages can be moved only between folders of the same account.</source>
        <translation>Nachrichten können nur zwischen Ordnern desselben Kontos verschoben werden.</translation>
    </message>
    <message>
        <source>The messages are no longer in the local cache.</source>
        <translation>Die Nachrichten sind nicht mehr im lokalen Zwischenspeicher.</translation>
    </message>
</context>
<context>
    <name>MoveToTrash</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Die Nachricht ist nicht mehr im lokalen Zwischenspeicher.</translation>
    </message>
    <message>
        <source>The message is already in the Trash.</source>
        <translation>Die Nachricht ist bereits im Papierkorb.</translation>
    </message>
</context>
<context>
    <name>OutboxQueue</name>
    <message>
        <source>The outbox message %1 could not be changed.</source>
        <translation>Die Nachricht %1 im Postausgang konnte nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <source>Failed this week</source>
        <translation>Diese Woche fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delayed this week</source>
        <translation>Diese Woche verzögert</translation>
    </message>
    <message>
        <source>Read by the recipient</source>
        <translation>Vom Empfänger gelesen</translation>
    </message>
    <message>
        <source>A saved search needs a name.</source>
        <translation>Eine gespeicherte Suche braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is a saved search named &quot;%1&quot; already.</source>
        <translation>Es gibt bereits eine gespeicherte Suche namens „%1“.</translation>
    </message>
    <message>
        <source>That saved search does not exist any more.</source>
        <translation>Diese gespeicherte Suche gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>The quote that starts here is never closed.</source>
        <translation>Das hier beginnende Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>Die Suche ist leer.</translation>
    </message>
    <message>
        <source>This closing parenthesis has no opening one.</source>
        <translation>Zu dieser schließenden Klammer gibt es keine öffnende.</translation>
    </message>
    <message>
        <source>Unexpected text here.</source>
        <translation>Unerwarteter Text an dieser Stelle.</translation>
    </message>
    <message>
        <source>AND needs a term on both sides.</source>
        <translation>AND braucht auf beiden Seiten einen Suchbegriff.</translation>
    </message>
    <message>
        <source>OR needs a term on both sides.</source>
        <translation>OR braucht auf beiden Seiten einen Suchbegriff.</translation>
    </message>
    <message>
        <source>A term is missing here.</source>
        <translation>Hier fehlt ein Suchbegriff.</translation>
    </message>
    <message>
        <source>Nothing to exclude after this minus or NOT.</source>
        <translation>Nach diesem Minus oder NOT steht nichts, das ausgeschlossen werden kann.</translation>
    </message>
    <message>
        <source>The parenthesis that opens here is never closed.</source>
        <translation>Die hier geöffnete Klammer wird nie geschlossen.</translation>
    </message>
    <message>
        <source>Unknown search key &apos;%1&apos;. Put the words in quotes to search for them as text.</source>
        <translation>Unbekannter Suchschlüssel „%1“. Setzen Sie die Wörter in Anführungszeichen, um nach ihnen als Text zu suchen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a value.</source>
        <translation>„%1“ braucht einen Wert.</translation>
    </message>
    <message>
        <source>There is nothing to search for in these quotes.</source>
        <translation>In diesen Anführungszeichen steht nichts, wonach gesucht werden kann.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no letters or digits to search for.</source>
        <translation>„%1“ enthält keine Buchstaben oder Ziffern, nach denen gesucht werden kann.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not known: use has:attachment.</source>
        <translation>„%1%2“ ist unbekannt: verwenden Sie has:attachment.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not known: use is:unread, is:read, is:flagged or is:answered.</source>
        <translation>„%1%2“ ist unbekannt: verwenden Sie is:unread, is:read, is:flagged oder is:answered.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a date range: write e.g. date:2026-03..2026-05.</source>
        <translation>„%1%2“ ist kein Datumsbereich: schreiben Sie z. B. date:2026-03..2026-05.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; ends before it starts.</source>
        <translation>„%1%2“ endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a date: write e.g. 2026-03-31, 2026-03, 2026, today or 7d.</source>
        <translation>„%1%2“ ist kein Datum: schreiben Sie z. B. 2026-03-31, 2026-03, 2026, today oder 7d.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a size: write e.g. 500k or 2M.</source>
        <translation>„%1%2“ ist keine Größe: schreiben Sie z. B. 500k oder 2M.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a delivery state: use e.g. state:failed, state:delayed, state:delivered, state:displayed or state:overdue.</source>
        <translation>„%1%2“ ist kein Zustellstatus: verwenden Sie z. B. state:failed, state:delayed, state:delivered, state:displayed oder state:overdue.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; needs an address and a state: write e.g. recipient-state:bob@example.org=failed.</source>
        <translation>„%1%2“ braucht eine Adresse und einen Zustand: schreiben Sie z. B. recipient-state:bob@example.org=failed.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not an enhanced status code: write e.g. status:5.1.1.</source>
        <translation>„%1%2“ ist kein erweiterter Statuscode: schreiben Sie z. B. status:5.1.1.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>SendPipeline</name>
    <message>
        <source>The message could not be built: %1</source>
        <translation>Die Nachricht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The message could not be put into the outbox: %1</source>
        <translation>Die Nachricht konnte nicht in den Postausgang gestellt werden: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Never send</source>
        <translation>Nie senden</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Always send</source>
        <translation>Immer senden</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>a number of hours (0 or more)</source>
        <translation>eine Anzahl Stunden (0 oder mehr)</translation>
    </message>
    <message>
        <source>never, ask or always</source>
        <translation>never, ask oder always</translation>
    </message>
    <message>
        <source>a folder name</source>
        <translation>ein Ordnername</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Die Einstellungen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Unknown setting &apos;%1&apos;.</source>
        <translation>Unbekannte Einstellung „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for %2: expected %3.</source>
        <translation>„%1“ ist kein gültiger Wert für %2: erwartet wird %3.</translation>
    </message>
    <message>
        <source>Cannot read the settings: %1</source>
        <translation>Die Einstellungen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mailtrail: a mail client that tracks delivery per recipient.</source>
        <translation>Mailtrail: ein E-Mail-Programm, das die Zustellung für jeden Empfänger verfolgt.</translation>
    </message>
    <message>
        <source>Show version information and exit.</source>
        <translation>Versionsinformationen anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Keep all data in &lt;dir&gt; instead of the user&apos;s profile.</source>
        <translation>Alle Daten in &lt;dir&gt; statt im Benutzerprofil ablegen.</translation>
    </message>
    <message>
        <source>A mailto: URL to compose.</source>
        <translation>Eine mailto:-URL zum Verfassen.</translation>
    </message>
    <message>
        <source>Cannot open %1: only mailto: links are understood.</source>
        <translation>%1 kann nicht geöffnet werden: Nur mailto:-Links werden verstanden.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Start, open the profile and the windows, print what is open and quit (a check for installations).</source>
        <translation>Starten, das Profil und die Fenster öffnen, ausgeben, was geöffnet ist, und beenden (eine Prüfung für Installationen).</translation>
    </message>
</context>
</TS>
